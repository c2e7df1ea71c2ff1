"""The Typer application: one command per capability, each a thin shell over one library call."""

from __future__ import annotations

import typer

from annotator import __version__
from annotator.cli import annotate_cmds, data_cmds, model_cmds, report_cmds, serve_cmds, users_cmds

app = typer.Typer(
    name="annotator",
    help="Fact-checking annotation: extract claims from news articles, review them, export labelled datasets.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        print(f"annotator {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Fact-checking annotation tool."""


data_cmds.register(app)
annotate_cmds.register(app)
report_cmds.register(app)
model_cmds.register(app)
serve_cmds.register(app)
users_cmds.register(app)


def main() -> None:
    """Entry point of the `annotator` console script and `python -m annotator`."""
    app()
