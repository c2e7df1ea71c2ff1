"""Store reads and writes of the review screen, in thread workers that touch no widget and post one message back."""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.message import Message

from annotator.export.gold import majority_correction
from annotator.models import Adjudication, Annotation, Article, Claim
from annotator.store import Store
from annotator.tui.screens.annotate_workers import failure_reason


@dataclass
class ReviewItem:
    """One claim under review: the claim, its article, every annotation and the adjudication so far."""

    claim: Claim
    article: Article
    annotations: list[Annotation]
    adjudication: Adjudication | None

    def suggested_correction(self) -> str:
        """What the correction editor starts with: the annotators' most common correction, else the claim text."""
        return majority_correction(self.annotations) or self.claim.text


def load_item(store: Store, claim_id: str) -> ReviewItem:
    """Everything the review screen shows for one claim."""
    claim = store.get_claim(claim_id)
    return ReviewItem(claim, store.get_article(claim.article.id), store.annotations_for_claim(claim_id),
                      store.get_adjudication(claim_id))


@dataclass
class ReviewLoaded(Message):
    """The claims to review, in reading order, and which of them already have an adjudication."""

    claim_ids: list[str]
    adjudicated: set[str]


@dataclass
class ItemLoaded(Message):
    """One claim under review arrived."""

    item: ReviewItem


@dataclass
class AdjudicationSaved(Message):
    """An adjudication (or an undo) is committed."""

    claim_id: str
    saved: Adjudication | None
    previous: Adjudication | None
    kind: str
    """`decision` (then move on), `edit` (the note: stay) or `undo`."""


@dataclass
class ReviewFailed(Message):
    """A Store call raised; nothing changed."""

    doing: str
    message: str


class ReviewWorkers:
    """Mixin for the review screen; needs `store` and `include_agreed` on the screen."""

    store: Store
    include_agreed: bool

    @work(thread=True, exit_on_error=False, group="store")
    def load_review(self) -> None:
        """Find the claims to review and which are adjudicated."""
        try:
            claim_ids = self.store.claims_to_review(include_agreed=self.include_agreed)
            wanted = set(claim_ids)
            adjudicated = {item.claim_id for item in self.store.adjudications() if item.claim_id in wanted}
        except Exception as exc:  # a worker must always report back, or the screen would wait forever
            self.post_message(ReviewFailed("load the claims to review", failure_reason(exc)))
            return
        self.post_message(ReviewLoaded(claim_ids, adjudicated))

    @work(thread=True, exit_on_error=False, group="store")
    def load_review_item(self, claim_id: str) -> None:
        """Load one claim with its annotations and adjudication."""
        try:
            item = load_item(self.store, claim_id)
        except Exception as exc:
            self.post_message(ReviewFailed("load the claim", failure_reason(exc)))
            return
        self.post_message(ItemLoaded(item))

    @work(thread=True, exit_on_error=False, group="store")
    def save_adjudication(self, claim_id: str, adjudication: Adjudication | None, previous: Adjudication | None,
                          kind: str) -> None:
        """Commit an adjudication (a decision, or the state an undo puts back: None removes it)."""
        try:
            if adjudication is None:
                self.store.remove_adjudication(claim_id)
                saved = None
            else:
                saved = self.store.save_adjudication(adjudication)
        except Exception as exc:
            doing = "undo" if kind == "undo" else "save the adjudication"
            self.post_message(ReviewFailed(doing, failure_reason(exc)))
            return
        self.post_message(AdjudicationSaved(claim_id, saved, previous, kind))
