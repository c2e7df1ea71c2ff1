"""The terminal UI (the only package that imports textual): `make_app` builds it, `run_annotate` runs it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.config import Settings
from annotator.errors import AnnotatorError, UsageError
from annotator.store import Store

if TYPE_CHECKING:
    from annotator.tui.app import AnnotatorApp


def make_app(store: Store, settings: Settings, *, annotator: str) -> "AnnotatorApp":
    """Build the annotation app for `annotator`; a bad label set or guidelines file raises UsageError first."""
    from annotator.tui.app import AnnotatorApp
    from annotator.tui.keys import check_label_keys
    from annotator.tui.screens.help import load_guidelines

    name = annotator.strip()
    if not name:
        raise UsageError("--annotator must name who is annotating")
    labels = settings.labels()
    check_label_keys(labels)
    return AnnotatorApp(store, annotator=name, labels=labels, guidelines=load_guidelines(settings.guidelines_file),
                        overlap=settings.overlap, lease_seconds=settings.lease_seconds)


def run_annotate(store: Store, settings: Settings, *, annotator: str) -> None:
    """Run the annotation UI until the reviewer quits; every decision is already saved when it returns.

    With `settings.overlap` the queue is routed, and a claim still reserved when the UI ends is given back.
    """
    app = make_app(store, settings, annotator=annotator)
    try:
        app.run()
    finally:
        try:
            app.release_held_claim()
        except AnnotatorError:
            pass  # the lease runs out on its own after `lease_seconds`


__all__ = ["make_app", "run_annotate"]
