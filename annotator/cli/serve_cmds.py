"""The `serve` command: the annotation screens in a browser, behind a login."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from annotator.cli.common import DbOption, handle_errors, make_settings, opened_store


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("serve")(serve)


@handle_errors
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on; anything but loopback needs users.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    overlap: Annotated[Optional[int], typer.Option(min=1, help="How many different annotators each claim gets.")] = None,
    public_url: Annotated[Optional[str], typer.Option(
        help="The address browsers use, when a reverse proxy is in front (https://annotate.example.org).")] = None,
) -> None:
    """Serve the annotate screen, and the review screen for leads, in the browser; logging in decides who signs."""
    from annotator.web.run import serve as serve_web

    settings = make_settings(db, overlap=overlap)
    with opened_store(settings) as store:
        serve_web(store, settings, host=host, port=port, public_url=public_url)
