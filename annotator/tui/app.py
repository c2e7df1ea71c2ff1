"""The Textual application: holds the Store and the settings and opens the annotation screen."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.app import App

from annotator.models import Label
from annotator.store import Store
from annotator.tui.screens import AnnotateScreen


class AnnotatorApp(App[None]):
    """The annotation UI for one annotator over one database."""

    CSS_PATH = Path(__file__).parent / "annotator.tcss"
    TITLE = "annotator"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, store: Store, *, annotator: str, labels: Sequence[Label], guidelines: str) -> None:
        super().__init__()
        self.store = store
        self.annotator = annotator
        self.labels = list(labels)
        self.guidelines = guidelines

    def on_mount(self) -> None:
        self.push_screen(AnnotateScreen(self.store, self.annotator, self.labels, self.guidelines))
