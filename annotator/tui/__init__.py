"""The terminal UI (the only package that imports textual).

`make_app` / `run_annotate` give the annotation screen, `make_review_app` / `run_review` the lead's review screen.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from annotator.config import Settings
from annotator.errors import AnnotatorError, UsageError
from annotator.models import Label
from annotator.store import Store

if TYPE_CHECKING:
    from annotator.learn.retrain import Retrainer
    from annotator.tui.app import AnnotatorApp, ReviewApp


def _checked_setup(settings: Settings, name: str, role: str) -> tuple[str, list[Label], str]:
    """The trimmed name, the label set and the guidelines, refusing a blank name, bad keys or a bad file."""
    from annotator.tui.keys import check_label_keys
    from annotator.tui.screens.help import load_guidelines

    name = name.strip()
    if not name:
        raise UsageError(f"--annotator must name who is {role}")
    labels = settings.labels()
    check_label_keys(labels)
    return name, labels, load_guidelines(settings.guidelines_file)


def make_app(store: Store, settings: Settings, *, annotator: str, order: str = "reading",
             retrainer: "Retrainer | None" = None) -> "AnnotatorApp":
    """Build the annotation app for `annotator`; a bad label set or guidelines file raises UsageError first.

    `order` sorts the queue (`reading`, `score`, `uncertain`); `retrainer` retrains the model as labels arrive."""
    from annotator.tui.app import AnnotatorApp

    name, labels, guidelines = _checked_setup(settings, annotator, "annotating")
    return AnnotatorApp(store, annotator=name, labels=labels, guidelines=guidelines,
                        overlap=settings.overlap, lease_seconds=settings.lease_seconds, order=order,
                        retrainer=retrainer)


def make_review_app(store: Store, settings: Settings, *, adjudicator: str, include_agreed: bool = False) -> "ReviewApp":
    """Build the review app where `adjudicator` settles disagreements (every co-annotated claim with include_agreed)."""
    from annotator.tui.app import ReviewApp

    name, labels, guidelines = _checked_setup(settings, adjudicator, "adjudicating")
    return ReviewApp(store, adjudicator=name, labels=labels, guidelines=guidelines, include_agreed=include_agreed)


def run_annotate(store: Store, settings: Settings, *, annotator: str, order: str = "reading",
                 retrainer: "Retrainer | None" = None) -> None:
    """Run the annotation UI until the reviewer quits; every decision is already saved when it returns.

    With `settings.overlap` the queue is routed, and a claim still reserved when the UI ends is given back.
    """
    app = make_app(store, settings, annotator=annotator, order=order, retrainer=retrainer)
    try:
        app.run()
    finally:
        try:
            app.release_held_claim()
        except AnnotatorError:
            pass  # the lease runs out on its own after `lease_seconds`
    summary = app.session_summary()
    if summary:
        print(summary, file=sys.stderr)


def run_review(store: Store, settings: Settings, *, adjudicator: str, include_agreed: bool = False) -> None:
    """Run the review UI until the lead quits; every adjudication is already saved when it returns."""
    app = make_review_app(store, settings, adjudicator=adjudicator, include_agreed=include_agreed)
    app.run()
    summary = app.session_summary()
    if summary:
        print(summary, file=sys.stderr)


__all__ = ["make_app", "make_review_app", "run_annotate", "run_review"]
