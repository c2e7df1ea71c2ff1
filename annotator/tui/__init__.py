"""The terminal UI (the only package that imports textual): `make_app` builds it, `run_annotate` runs it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.config import Settings
from annotator.errors import UsageError
from annotator.store import Store

if TYPE_CHECKING:
    from textual.app import App


def make_app(store: Store, settings: Settings, *, annotator: str) -> "App[None]":
    """Build the annotation app for `annotator`; a bad label set or guidelines file raises UsageError first."""
    from annotator.tui.app import AnnotatorApp
    from annotator.tui.keys import check_label_keys
    from annotator.tui.screens.help import load_guidelines

    name = annotator.strip()
    if not name:
        raise UsageError("--annotator must name who is annotating")
    labels = settings.labels()
    check_label_keys(labels)
    return AnnotatorApp(store, annotator=name, labels=labels, guidelines=load_guidelines(settings.guidelines_file))


def run_annotate(store: Store, settings: Settings, *, annotator: str) -> None:
    """Run the annotation UI until the reviewer quits; every decision is already saved when it returns."""
    make_app(store, settings, annotator=annotator).run()


__all__ = ["make_app", "run_annotate"]
