"""Search and filter for the annotation screen, composed from Store reads; run only in thread workers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotator.store import Store


@dataclass(frozen=True)
class ClaimFilter:
    """What the reviewer asked to see; empty fields do not filter."""

    text: str = ""
    """Case-insensitive text that must appear in the claim text."""
    article: str = ""
    """An article id or source, or part of an article's title or outlet."""
    label: str = ""
    """Only claims this annotator gave this label."""
    unlabelled: bool = False
    flagged: bool = False
    conflicts: bool = False
    """Only claims that disagree with another outlet on a detail."""

    @property
    def empty(self) -> bool:
        """True when nothing would be filtered out."""
        return self == ClaimFilter()

    def describe(self) -> str:
        """A short summary for the status line, e.g. `text "army" · unlabelled`."""
        parts = []
        if self.text:
            parts.append(f'text "{self.text}"')
        if self.article:
            parts.append(f'article "{self.article}"')
        if self.label:
            parts.append(f"label {self.label}")
        parts += [name for name, on in (("unlabelled", self.unlabelled), ("flagged", self.flagged),
                                        ("conflicts", self.conflicts)) if on]
        return " · ".join(parts)


def matching_claim_ids(
    store: Store, annotator: str, claim_filter: ClaimFilter, claim_ids: Sequence[str]
) -> list[str]:
    """The ids among `claim_ids` (kept in their order) that pass every part of the filter, found by the database."""
    found = store.search_claim_ids(
        text=claim_filter.text or None,
        article=claim_filter.article or None,
        has_conflicts=claim_filter.conflicts,
        annotator=annotator,
        label=claim_filter.label or None,
        unlabelled=claim_filter.unlabelled,
        flagged=claim_filter.flagged,
    )
    allowed = set(found)
    return [claim_id for claim_id in claim_ids if claim_id in allowed]
