"""What the sources panel shows for a claim: each other outlet once, with its own words, and each conflict once.

Built in plain Python from the claim, the claims it links to and the articles' display names, so the rules (one
entry per outlet, an outlet that agrees and disagrees says on what, spans to highlight) are tested without Textual.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from annotator.models import Claim, Conflict

WORD = re.compile(r"\w+(?:[.,'’]\w+)*")
KIND_NAMES = {"quote": "quote wording"}
"""How a conflict kind is named on screen where its code name would read oddly."""


@dataclass(frozen=True)
class Marked:
    """A claim's text with the span of one detail and, inside it, the tokens the other side does not share."""

    text: str
    span: tuple[int, int] | None
    differing: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class ConflictEntry:
    """One disagreement with another outlet's claim: what differs, in both articles' words, on both texts."""

    outlet: str
    kind: str
    wording: str
    other_wording: str
    detail: str
    this: Marked
    other: Marked | None
    """None: the other claim is no longer in the database."""


@dataclass(frozen=True)
class OutletEntry:
    """An outlet that reports the same fact, with what it said and the details on which it still differs."""

    outlet: str
    said: tuple[str, ...]
    """Its claims in the group, in its own words (empty: not loaded)."""
    differs_on: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sources:
    """Everything the sources panel shows for one claim."""

    corroborating: tuple[OutletEntry, ...] = ()
    conflicts: tuple[ConflictEntry, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.corroborating or self.conflicts)


def kind_name(conflict: Conflict) -> str:
    """The conflict's kind as a reader names it; older links without a kind give the detail's label."""
    kind = conflict.kind or conflict.detail.split(":", 1)[0]
    return KIND_NAMES.get(kind, kind)


def mark(claim: Claim, wording: str, start: int | None, end: int | None, against: str) -> Marked:
    """Where `wording` stands in the claim's text, with its tokens absent from `against` picked out."""
    span = _span(claim, wording, start, end)
    if span is None:
        return Marked(claim.text, None)
    shared = {token.lower() for token in WORD.findall(against)}
    differing = tuple(
        (span[0] + token.start(), span[0] + token.end())
        for token in WORD.finditer(claim.text[span[0]:span[1]])
        if token.group().lower() not in shared
    )
    return Marked(claim.text, span, differing)


def _span(claim: Claim, wording: str, start: int | None, end: int | None) -> tuple[int, int] | None:
    """Offsets of the wording in the shown text: the stored ones when text is the source span, else a search."""
    if start is not None and end is not None and claim.text == claim.source_text and claim.text[start:end] == wording:
        return start, end
    if not wording:
        return None
    found = claim.text.lower().find(wording.lower())
    return (found, found + len(wording)) if found >= 0 else None


def conflict_entries(
    claim: Claim, related: Mapping[str, Claim | None], outlets: Mapping[str, str]
) -> tuple[ConflictEntry, ...]:
    """The claim's conflicts, each once (the same pair, detail and wording stored twice shows once)."""
    entries: list[ConflictEntry] = []
    seen: set[tuple[str, str, str, str]] = set()
    for conflict in claim.conflicts:
        key = (conflict.claim_id, kind_name(conflict), conflict.wording or conflict.detail, conflict.other_wording)
        if key in seen:
            continue
        seen.add(key)
        other = related.get(conflict.claim_id)
        outlet = outlets.get(other.article.id, other.article.source) if other is not None else "another article"
        this = mark(claim, conflict.wording, conflict.start, conflict.end, conflict.other_wording)
        there = (mark(other, conflict.other_wording, conflict.other_start, conflict.other_end, conflict.wording)
                 if other is not None else None)
        entries.append(ConflictEntry(outlet, kind_name(conflict), conflict.wording, conflict.other_wording,
                                     conflict.detail, this, there))
    return tuple(entries)


def sources_of(
    claim: Claim,
    related: Mapping[str, Claim | None],
    group_members: Sequence[Claim],
    outlets: Mapping[str, str],
) -> Sources:
    """The panel's content: one entry per corroborating outlet with its words, then each conflict once."""
    conflicts = conflict_entries(claim, related, outlets)
    differs: dict[str, list[str]] = {}
    for entry in conflicts:
        differs.setdefault(entry.outlet, [])
        if entry.kind not in differs[entry.outlet]:
            differs[entry.outlet].append(entry.kind)
    said: dict[str, list[str]] = {}
    for article_id in claim.corroborated_by:
        said.setdefault(outlets.get(article_id, "another article"), [])
    for member in group_members:
        if member.article.id in claim.corroborated_by and member.id != claim.id:
            texts = said.setdefault(outlets.get(member.article.id, member.article.source), [])
            if member.text not in texts:
                texts.append(member.text)
    corroborating = tuple(
        OutletEntry(outlet, tuple(texts), tuple(differs.get(outlet, ()))) for outlet, texts in said.items()
    )
    return Sources(corroborating, conflicts)
