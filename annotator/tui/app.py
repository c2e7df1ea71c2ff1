"""The Textual application: holds the Store and the settings and opens the annotation screen."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.app import App

from annotator.learn.retrain import Retrainer
from annotator.models import Label
from annotator.session import AdjudicationSession, AnnotationSession, ReadingOrder, RoutedOrder, Routing
from annotator.store import Store
from annotator.tui.screens import AnnotateScreen, ReviewScreen


class AnnotatorApp(App[None]):
    """The annotation UI for one annotator over one database."""

    CSS_PATH = Path(__file__).parent / "annotator.tcss"
    TITLE = "annotator"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, store: Store, *, annotator: str, labels: Sequence[Label], guidelines: str,
                 overlap: int | None = None, lease_seconds: int = 300, order: str = "reading",
                 retrainer: Retrainer | None = None) -> None:
        super().__init__()
        self.order = order
        self.retrainer = retrainer
        self.overlap = overlap
        self.lease_seconds = lease_seconds
        self.annotate_screen: AnnotateScreen | None = None
        self.store = store
        self.annotator = annotator
        self.labels = list(labels)
        self.guidelines = guidelines

    def on_mount(self) -> None:
        if self.overlap is None:
            order = ReadingOrder(self.order)
        else:
            order = RoutedOrder(Routing(self.overlap, self.lease_seconds, self.order))
        session = AnnotationSession(self.annotator, order)
        self.annotate_screen = AnnotateScreen(self.store, session, self.labels, self.guidelines,
                                              retrainer=self.retrainer)
        self.push_screen(self.annotate_screen)

    def session_summary(self) -> str | None:
        """One line saying what this session did (None before the screen opened)."""
        return self.annotate_screen.session.summary() if self.annotate_screen is not None else None

    def release_held_claim(self) -> None:
        """Give back a claim still reserved for this annotator (the app ended without `q`)."""
        if self.annotate_screen is not None:
            held = self.annotate_screen.release_on_exit()
            if held is not None:
                self.store.routing.release(held, self.annotator)


class ReviewApp(App[None]):
    """The adjudication UI for one lead over one database."""

    CSS_PATH = Path(__file__).parent / "annotator.tcss"
    TITLE = "annotator review"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, store: Store, *, adjudicator: str, labels: Sequence[Label], guidelines: str,
                 include_agreed: bool = False) -> None:
        super().__init__()
        self.store = store
        self.adjudicator = adjudicator
        self.labels = list(labels)
        self.guidelines = guidelines
        self.include_agreed = include_agreed
        self.session: AdjudicationSession | None = None

    def on_mount(self) -> None:
        self.session = AdjudicationSession(self.adjudicator, include_agreed=self.include_agreed)
        self.push_screen(ReviewScreen(self.store, self.session, self.labels, self.guidelines))

    def session_summary(self) -> str | None:
        """One line saying what this review session did (None before the screen opened)."""
        return self.session.summary() if self.session is not None else None
