"""The review session's jobs: what a worker reads for the lead (the claims to review and their flags, one claim with
its annotations), and the outcomes it brings back."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.export.gold import majority_correction
from annotator.models import Adjudication, Annotation, Article, Claim
from annotator.session.core import JobContext
from annotator.session.loader import load_links
from annotator.session.outcomes import StoreFailed
from annotator.session.saving import failure_reason
from annotator.session.sources import Sources, sources_of
from annotator.store import Store


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
    sources: Sources = field(default_factory=Sources)
    """What the sources panel shows: other outlets' words and each conflict once."""

    def suggested_correction(self) -> str:
        """What the correction editor starts with: the annotators' most common correction, else the claim text."""
        return majority_correction(self.annotations) or self.claim.text


def load_item(store: Store, claim_id: str) -> ReviewItem:
    """Everything the review screen shows for one claim, with the other outlets and conflicts."""
    claim = store.claims.get(claim_id)
    related, outlets, groups = load_links(store, [claim])
    member_ids = dict.fromkeys(i for g in [claim.group, *claim.also_groups] if g for i in groups.get(g, ()))
    members = [member for member_id in member_ids if (member := related.get(member_id))]
    return ReviewItem(claim, store.articles.get(claim.article.id), store.annotations.for_claim(claim_id),
                      store.adjudications.get(claim_id), related, outlets, sources_of(claim, related, members, outlets))


@dataclass(frozen=True)
class ReviewLoaded:
    """The claims to review, in reading order, and which of them already have an adjudication."""

    claim_ids: list[str]
    adjudicated: set[str]
    flagged: frozenset[str] = frozenset()
    """Claims someone flagged for the lead (whoever flagged them)."""


@dataclass(frozen=True)
class ItemLoaded:
    """One claim under review arrived; `waited` is False for the next claim loaded ahead of time."""

    item: ReviewItem
    waited: bool = True


@dataclass(frozen=True)
class LoadReview:
    """Find the claims to review and which are adjudicated."""

    include_agreed: bool

    def run(self, context: JobContext) -> object:
        try:
            claim_ids = context.store.team.claims_to_review(include_agreed=self.include_agreed)
            wanted = set(claim_ids)
            adjudicated = {item.claim_id for item in context.store.adjudications.all() if item.claim_id in wanted}
            flagged = frozenset(flag.claim_id for flag in context.store.team.flags())
        except Exception as exc:  # a worker must always report back, or the screen would wait forever
            return StoreFailed("load the claims to review", failure_reason(exc))
        return ReviewLoaded(claim_ids, adjudicated, flagged)


@dataclass(frozen=True)
class LoadItem:
    """Load one claim with its annotations and adjudication (ahead of time when nobody waits on it)."""

    claim_id: str
    waited: bool = True

    def run(self, context: JobContext) -> object:
        try:
            return ItemLoaded(load_item(context.store, self.claim_id), self.waited)
        except Exception as exc:
            return StoreFailed("load the claim", failure_reason(exc), waited=self.waited)
