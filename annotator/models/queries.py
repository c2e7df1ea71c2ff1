"""Query specs: what a reviewer asked to see and the queue the Store pages through."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import ConfigDict, Field

from annotator.models.base import Record

class ClaimFilter(Record):
    """What a reviewer asked to see among the claims; empty fields do not filter."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = ""
    """Case-insensitive text that must appear in the claim text."""
    article: str = ""
    """An article id or source, or part of an article's title or outlet."""
    label: str = ""
    """Only claims the queue's annotator gave this label."""
    unlabelled: bool = False
    flagged: bool = False
    conflicts: bool = False
    """Only claims that disagree with another outlet on a detail."""
    kind: str = ""
    """Only claims of this kind (`quote`, `attributed`, `statistic`, `event`)."""
    min_checkworthiness: Optional[float] = Field(default=None, ge=0.0, le=1.0)
    """Only claims scoring at least this check-worthiness."""
    max_checkworthiness: Optional[float] = Field(default=None, ge=0.0, le=1.0)
    """Only claims scoring at most this check-worthiness."""

    @property
    def empty(self) -> bool:
        """True when nothing would be filtered out."""
        return self == NO_FILTER

    def describe(self) -> str:
        """A short summary for a status line, e.g. `text "army" · unlabelled`."""
        parts = []
        if self.text:
            parts.append(f'text "{self.text}"')
        if self.article:
            parts.append(f'article "{self.article}"')
        if self.label:
            parts.append(f"label {self.label}")
        if self.kind:
            parts.append(f"kind {self.kind}")
        if self.min_checkworthiness is not None:
            parts.append(f"score ≥ {self.min_checkworthiness:.2f}")
        if self.max_checkworthiness is not None:
            parts.append(f"score ≤ {self.max_checkworthiness:.2f}")
        parts += [name for name, on in (("unlabelled", self.unlabelled), ("flagged", self.flagged),
                                        ("conflicts", self.conflicts)) if on]
        return " · ".join(parts)


QueueOrder = Literal["reading", "score", "uncertain"]
QUEUE_ORDERS: tuple[str, ...] = ("reading", "score", "uncertain")
CHECKWORTHY_THRESHOLD = 0.5
"""Score from which a claim counts as check-worthy; `uncertain` orders by distance from it."""


NO_FILTER = ClaimFilter()
"""The filter that keeps everything; the status line asks whether a queue is filtered on every key."""


class QueueSpec(Record):
    """An annotator's claim queue as the Store pages through it, so a screen never holds every claim id.

    Without `mine_only` the queue is every current claim in reading order; with it (routing), the claims this
    annotator labelled in the order they were first labelled, then `held`, the claim reserved for them.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    annotator: str
    claim_filter: ClaimFilter = ClaimFilter()
    mine_only: bool = False
    held: Optional[str] = None
    order: QueueOrder = "reading"
    """`reading` (article ingest order, then position), `score` (most check-worthy first) or `uncertain` (the
    scores nearest the 0.5 threshold first, as in active learning); a routed queue hands out claims in this order."""
    keep: tuple[str, ...] = ()
    """Claims that stay in a filtered queue whatever the filter now says (changed since it was set), so positions
    already shown do not shift under the reviewer."""

    @property
    def filtered(self) -> bool:
        """True when a filter narrows the queue."""
        return not self.claim_filter.empty
