"""Command-line interface: thin Typer commands over the library (console script `annotator`)."""

from annotator.cli.app import app, main

__all__ = ["app", "main"]
