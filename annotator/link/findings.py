"""One disagreement between two claims, with each side's wording and offsets, and the tests that find one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from annotator.link.features import ClaimFeatures
from annotator.link.people import is_media, looks_like_person, same_person
from annotator.link.slots import REPORTING_FRAME, Slot
from annotator.link.wording import quotations, same_quote, wording_difference


@dataclass(frozen=True)
class Finding:
    """What differs between claim a and claim b, as a's side and b's side."""

    kind: str
    detail: str
    """From a's side: "duration: an hour and a half (90 min) vs nearly two hours (nearly 120 min)"."""
    mirrored: str
    """The same from b's side."""
    wording: str = ""
    start: int | None = None
    end: int | None = None
    other_wording: str = ""
    other_start: int | None = None
    other_end: int | None = None

    def flipped(self) -> Finding:
        """The finding as b sees it."""
        return Finding(
            self.kind, self.mirrored, self.detail, self.other_wording, self.other_start, self.other_end,
            self.wording, self.start, self.end,
        )


Found = dict[int, dict[tuple[str, str], Finding]]
"""For each claim index, its findings keyed by (other claim id, kind)."""
SlotTest = Callable[[Slot, Slot], bool]


def record(found: Found, a: ClaimFeatures, b: ClaimFeatures, finding: Finding | None) -> None:
    """Keep a finding on both claims, unless the pair already has one of that kind (each shown once)."""
    if finding is None:
        return
    key = (b.claim.id, finding.kind)
    if key in found[a.index]:
        return
    found[a.index][key] = finding
    found[b.index][(a.claim.id, finding.kind)] = finding.flipped()


def comparable(slot: Slot, other: Slot) -> bool:
    """Whether two slots measure the same thing: same kind and subject, narrowed and owned alike.

    Dates need a named event ("met", "signed"): a bare date may be when something was said or when
    something will happen, and those differ without contradicting each other. Spans of years must
    overlap enough to be one period, whatever verb stands near them ("has led since", "served from").
    """
    if slot.kind == "years" and other.kind == "years":
        return slot.value.same_period(other.value)  # type: ignore[union-attr]
    if slot.kind != other.kind or slot.subject != other.subject or slot.subject == REPORTING_FRAME:
        return False
    if slot.kind == "date":
        return bool(slot.subject)
    if slot.kind == "count":
        if not slot.subject or (slot.modifier and other.modifier and slot.modifier != other.modifier):
            return False
        return slot.owner is None or other.owner is None or slot.owner == other.owner
    return True


def slot_finding(a: ClaimFeatures, b: ClaimFeatures, kind: str, fits: SlotTest | None = None) -> Finding | None:
    """The disagreement of a and b on a slot of this kind, else None.

    Claims disagree only when no value in a fits any comparable value in b, so a claim that mentions
    the planned and the actual length of a meeting does not conflict with either. `fits` restricts the
    comparison to one measured thing (a subject and owner), for claims outside a group.
    """
    pairs = [(x, y) for x in a.slots if x.kind == kind for y in b.slots if comparable(x, y)]
    if fits:
        pairs = [(x, y) for x, y in pairs if fits(x, y)]
    if not pairs or any(x.compatible(y) for x, y in pairs):
        return None
    x, y = pairs[0]
    return Finding(
        kind, f"{kind}: {x.shown()} vs {y.shown()}", f"{kind}: {y.shown()} vs {x.shown()}",
        x.wording, x.start, x.end, y.wording, y.start, y.end,
    )


def named_speaker(feature: ClaimFeatures, people: frozenset[str]) -> bool:
    """Whether the claim's speaker is a named person of the event, not an outlet, a document or a body."""
    speaker = feature.claim.speaker or ""
    return bool(feature.speaker) and feature.speaker in people and looks_like_person(speaker) and not is_media(
        speaker, feature.outlets
    )


def _same_words_quoted(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    return any(
        same_quote(x, y) for x in quotations(a.claim.source_text) for y in quotations(b.claim.source_text)
    )


def _where(text: str, name: str) -> tuple[int | None, int | None]:
    at = text.find(name)
    return (at, at + len(name)) if at >= 0 else (None, None)


def speaker_finding(a: ClaimFeatures, b: ClaimFeatures, people: frozenset[str]) -> Finding | None:
    """The disagreement when the same quotation is credited to two different named people, else None.

    Aliases of one person ("Brad" and "Brad Parscale") and sources that are not people (an agency and
    its announcement, a report, an outlet) are never a conflict.
    """
    sa, sb = a.claim.speaker or "", b.claim.speaker or ""
    if not (named_speaker(a, people) and named_speaker(b, people)) or a.speaker == b.speaker:
        return None
    if same_person(sa, sb) or not _same_words_quoted(a, b):
        return None
    start, end = _where(a.claim.source_text, sa)
    other_start, other_end = _where(b.claim.source_text, sb)
    return Finding("speaker", f"speaker: {sa} vs {sb}", f"speaker: {sb} vs {sa}", sa, start, end, sb, other_start,
                   other_end)


def wording_finding(a: ClaimFeatures, b: ClaimFeatures) -> Finding | None:
    """The disagreement when both quote the same words but differ in a name, number, negation or quantifier."""
    found = wording_difference(a.claim.source_text, b.claim.source_text)
    if found is None:
        return None
    left, right = found.words()
    return Finding(
        "quote", f"quote wording: {left} vs {right}", f"quote wording: {right} vs {left}",
        found.left.text if found.left else "", found.left.start if found.left else None,
        found.left.end if found.left else None, found.right.text if found.right else "",
        found.right.start if found.right else None, found.right.end if found.right else None,
    )
