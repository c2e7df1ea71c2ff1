"""Commands that open the terminal UI: annotate, review and demo."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated, Optional

import typer

from annotator.cli.common import (
    DbOption,
    LabelsOption,
    handle_errors,
    make_settings,
    opened_store,
)
from annotator.cli.output import database, say
from annotator.cli.session_lease import exclusive_session

DEMO_DATABASE = "sqlite:///annotator-demo.db"

AnnotatorOption = Annotated[
    Optional[str],
    typer.Option("--annotator", "-a", help="Your name, as it is stored with each label; else ANNOTATOR_NAME, else "
                 "your login (never root).", show_default=False),
]


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("annotate")(annotate)
    app.command("review")(review)
    app.command("demo")(demo)


@handle_errors
def annotate(
    annotator: AnnotatorOption = None,
    db: DbOption = None,
    overlap: Annotated[Optional[int], typer.Option(min=1, help="How many different annotators each claim gets.")] = None,
    labels: LabelsOption = None,
    order: Annotated[str, typer.Option(
        help="reading (article order), score (most check-worthy first) or uncertain (the model least sure first).")
    ] = "reading",
    retrain_every: Annotated[Optional[int], typer.Option(
        min=1, help="Retrain the check-worthiness model after every N new labels and re-score the unlabelled claims.")
    ] = None,
    model: Annotated[Path, typer.Option(
        "--model", help="Where --retrain-every writes the model (as `annotator train --out`).")] = Path("models/cw"),
) -> None:
    """Review claims one at a time in the terminal; every decision is saved at once.

    A verdict (v verified, c corrected, x contested, u unverifiable, n not a claim) says whether the claim holds;
    fixing what was extracted (its text, speaker or span) is a separate edit that sets no verdict.

    Label file (--labels FILE or ANNOTATOR_LABELS_FILE): TOML or JSON with a `labels` list, each entry `name`,
    `key`, `description`, and how the verdict is published: `rating` and `rating_value` (the ClaimReview rating;
    leave them out and it publishes no ClaimReview), `fever` (SUPPORTS, REFUTES or NOT ENOUGH INFO). `--labels
    six-point` loads the bundled True / Mostly true / Half true / Mostly false / False / Pants on fire scale.
    """
    from annotator.config import signing_name
    from annotator.errors import UsageError
    from annotator.models import QUEUE_ORDERS
    from annotator.tui import run_annotate

    if order not in QUEUE_ORDERS:
        raise UsageError(f"unknown order '{order}' (choose {', '.join(QUEUE_ORDERS)})")
    settings = make_settings(db, overlap=overlap, labels_file=labels)
    name = signing_name(annotator, settings)
    retrainer = None
    if retrain_every is not None:
        from annotator.learn.retrain import Retrainer

        retrainer = Retrainer(settings.database_url, model, retrain_every)
    with opened_store(settings, existing=True) as store, exclusive_session(store, name):
        run_annotate(store, settings, annotator=name, order=order, retrainer=retrainer)


@handle_errors
def review(
    annotator: AnnotatorOption = None,
    db: DbOption = None,
    include_agreed: Annotated[bool, typer.Option("--all", help="Every multi-annotated claim, not only disputes.")] = False,
    labels: LabelsOption = None,
) -> None:
    """Adjudicate: settle claims whose annotators disagree; annotations stay as they were."""
    from annotator.config import signing_name
    from annotator.tui import run_review

    settings = make_settings(db, labels_file=labels)
    name = signing_name(annotator, settings, "adjudicating")
    with opened_store(settings, existing=True) as store, exclusive_session(store, f"{name} (review)"):
        run_review(store, settings, adjudicator=name, include_agreed=include_agreed)


def sample_dir() -> Path:
    """The folder of bundled fictional sample articles."""
    return Path(str(resources.files("annotator") / "data" / "sample"))


@handle_errors
def demo(
    db: Annotated[Optional[str], typer.Option("--db", help="Demo database.", show_default=DEMO_DATABASE)] = None,
    annotator: AnnotatorOption = None,
    no_ui: Annotated[bool, typer.Option("--no-ui", help="Only ingest the sample; do not open the UI.")] = False,
    labels: LabelsOption = None,
) -> None:
    """Ingest the bundled sample articles into a demo database and open the annotation screen."""
    from annotator.ingest import ingest_paths

    settings = make_settings(db or DEMO_DATABASE, labels_file=labels)
    with opened_store(settings) as store:
        report = ingest_paths(store, [sample_dir()], settings=settings, event="valdremo-harbour-talks")
        say(f"demo database {database(store.db.url)}: {store.claims.count()} claims ({len(report.added)} articles "
            f"added); other commands read it with --db {database(settings.db)}")
        if no_ui:
            return
        from annotator.config import signing_name
        from annotator.errors import UsageError
        from annotator.tui import run_annotate

        try:
            name = signing_name(annotator, settings)
        except UsageError:
            name = "demo"
        run_annotate(store, settings, annotator=name)
