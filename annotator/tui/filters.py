"""Search and filter for the annotation screen, composed from Store reads; run only in thread workers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotator.store import Store


@dataclass(frozen=True)
class ClaimFilter:
    """What the reviewer asked to see; empty fields do not filter."""

    text: str = ""
    """Case-insensitive words that must all appear in the claim text, its sentence or its speaker."""
    article: str = ""
    """An article id or source, or part of an article's title, outlet or source."""
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
    """The ids among `claim_ids` (kept in their order) that pass every part of the filter."""
    allowed: set[str] | None = None

    def narrow(ids: set[str]) -> None:
        nonlocal allowed
        allowed = ids if allowed is None else allowed & ids

    if claim_filter.article:
        narrow(_article_claim_ids(store, claim_filter.article))
    if claim_filter.label or claim_filter.flagged:
        mine = store.annotations(annotator=annotator)
        narrow({
            a.claim_id for a in mine
            if (not claim_filter.label or a.label == claim_filter.label) and (a.flagged or not claim_filter.flagged)
        })
    if claim_filter.text or claim_filter.conflicts:
        words = claim_filter.text.casefold().split()
        narrow({
            claim.id for claim in store.claims(include_superseded=False)
            if (not claim_filter.conflicts or claim.conflicts)
            and all(word in f"{claim.text}\n{claim.source_text}\n{claim.speaker or ''}".casefold() for word in words)
        })
    labelled = store.labelled_claim_ids(annotator) if claim_filter.unlabelled else set()
    return [
        claim_id for claim_id in claim_ids
        if (allowed is None or claim_id in allowed) and claim_id not in labelled
    ]


def _article_claim_ids(store: Store, wanted: str) -> set[str]:
    exact = {claim.id for claim in store.claims(article=wanted)}
    if exact:
        return exact
    needle = wanted.casefold()
    article_ids = [
        article.id for article in store.articles()
        if any(needle in (value or "").casefold() for value in (article.title, article.outlet, article.source))
    ]
    return {claim.id for article_id in article_ids for claim in store.claims(article=article_id)}
