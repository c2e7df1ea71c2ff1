"""Store reads and writes of the review screen, in thread workers that touch no widget and post one message back."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual import work
from textual.message import Message

from annotator.export.gold import majority_correction
from annotator.models import Adjudication, Annotation, Article, Claim
from annotator.store import Store
from annotator.tui.loader import load_links
from annotator.tui.messages import StoreRetrying
from annotator.tui.retry import commit_with_retries, failure_reason


@dataclass
class ReviewItem:
    """One claim under review: the claim, its article, every annotation and the adjudication so far."""

    claim: Claim
    article: Article
    annotations: list[Annotation]
    adjudication: Adjudication | None
    related: dict[str, Claim | None] = field(default_factory=dict)
    """The claims in other articles this one conflicts with (None: no longer in the database)."""
    outlets: dict[str, str] = field(default_factory=dict)
    """Display names of the articles the links panel mentions."""

    def suggested_correction(self) -> str:
        """What the correction editor starts with: the annotators' most common correction, else the claim text."""
        return majority_correction(self.annotations) or self.claim.text


def load_item(store: Store, claim_id: str) -> ReviewItem:
    """Everything the review screen shows for one claim, with the other outlets and conflicts."""
    claim = store.claims.get(claim_id)
    related, outlets = load_links(store, [claim])
    return ReviewItem(claim, store.articles.get(claim.article.id), store.annotations.for_claim(claim_id),
                      store.adjudications.get(claim_id), related, outlets)


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
            claim_ids = self.store.team.claims_to_review(include_agreed=self.include_agreed)
            wanted = set(claim_ids)
            adjudicated = {item.claim_id for item in self.store.adjudications.all() if item.claim_id in wanted}
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
        """Commit an adjudication (a decision, or the state an undo puts back: None removes it), trying again
        while the database does not answer."""
        doing = "undo" if kind == "undo" else "save the adjudication"

        def commit() -> Adjudication | None:
            if adjudication is None:
                self.store.adjudications.remove(claim_id)
                return None
            return self.store.adjudications.save(adjudication)

        def retrying(attempt: int, attempts: int, reason: str) -> None:
            self.post_message(StoreRetrying(doing, attempt, attempts, reason))

        try:
            saved = commit_with_retries(commit, retrying)
        except Exception as exc:
            self.post_message(ReviewFailed(doing, failure_reason(exc)))
            return
        self.post_message(AdjudicationSaved(claim_id, saved, previous, kind))
