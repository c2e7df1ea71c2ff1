"""Commands that open the terminal UI: annotate, review and demo."""

from __future__ import annotations

import getpass
from importlib import resources
from pathlib import Path
from typing import Annotated, Optional

import typer

from annotator.cli.common import (
    DbOption,
    handle_errors,
    make_settings,
    opened_store,
    stderr_console,
)

DEMO_DATABASE = "sqlite:///annotator-demo.db"

AnnotatorOption = Annotated[str, typer.Option("--annotator", "-a", help="Your name, as it is stored with each label.")]


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("annotate")(annotate)
    app.command("review")(review)
    app.command("demo")(demo)


@handle_errors
def annotate(
    annotator: AnnotatorOption,
    db: DbOption = None,
    overlap: Annotated[Optional[int], typer.Option(min=1, help="How many different annotators each claim gets.")] = None,
) -> None:
    """Review claims one at a time in the terminal; every decision is saved at once."""
    from annotator.tui import run_annotate

    settings = make_settings(db, overlap=overlap)
    with opened_store(settings) as store:
        run_annotate(store, settings, annotator=annotator)


@handle_errors
def review(
    annotator: AnnotatorOption,
    db: DbOption = None,
    include_agreed: Annotated[bool, typer.Option("--all", help="Every multi-annotated claim, not only disputes.")] = False,
) -> None:
    """Adjudicate: settle claims whose annotators disagree; annotations stay as they were."""
    from annotator.tui import run_review

    settings = make_settings(db)
    with opened_store(settings) as store:
        run_review(store, settings, adjudicator=annotator, include_agreed=include_agreed)


def sample_dir() -> Path:
    """The folder of bundled fictional sample articles."""
    return Path(str(resources.files("annotator") / "data" / "sample"))


@handle_errors
def demo(
    db: Annotated[Optional[str], typer.Option("--db", help="Demo database.", show_default=DEMO_DATABASE)] = None,
    annotator: Annotated[Optional[str], typer.Option("--annotator", "-a", help="Your name.")] = None,
    no_ui: Annotated[bool, typer.Option("--no-ui", help="Only ingest the sample; do not open the UI.")] = False,
) -> None:
    """Ingest the bundled sample articles into a demo database and open the annotation screen."""
    from annotator.ingest import ingest_paths

    settings = make_settings(db or DEMO_DATABASE)
    with opened_store(settings) as store:
        report = ingest_paths(store, [sample_dir()], settings=settings, event="valdremo-harbour-talks")
        stderr_console().print(
            f"demo database {store.db.url}: {store.claims.count()} claims ({len(report.added)} articles added)",
            markup=False,
        )
        if no_ui:
            return
        from annotator.tui import run_annotate

        run_annotate(store, settings, annotator=annotator or getpass.getuser() or "demo")
