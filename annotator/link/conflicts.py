"""Conflict detection: details (duration, count, date, speaker) on which claims of different articles disagree.

Claims are compared when they are in one group, or when they measure the same thing about the same
people ("the meeting" of the same two ministers, "troops" of the same country) even if worded apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

from annotator.link.features import ClaimFeatures
from annotator.link.grouping import QUOTE_MATCH, quote_similarity
from annotator.link.slots import REPORTING_FRAME, Slot

MIN_PARTICIPANT_OVERLAP = 0.5
"""Share of people two reports must have in common to be about the same event."""
SLOT_KINDS = ("duration", "count", "date")

Found = dict[int, set[tuple[str, str]]]


def _comparable(slot: Slot, other: Slot) -> bool:
    """Whether two slots measure the same thing: same event frame, or same counted thing and owner.

    Dates need a named event ("met", "signed"): a bare date may be when something was said or when
    something will happen, and those differ without contradicting each other.
    """
    if slot.kind != other.kind or slot.subject != other.subject or slot.subject == REPORTING_FRAME:
        return False
    if slot.kind == "date":
        return bool(slot.subject)
    if slot.kind == "count":
        return bool(slot.subject) and (slot.owner is None or other.owner is None or slot.owner == other.owner)
    return True


def slot_conflict(
    a: ClaimFeatures, b: ClaimFeatures, kind: str, bucket: tuple[str, str] | None = None
) -> tuple[str, str] | None:
    """The (a's view, b's view) details when a and b disagree on a slot of this kind, else None.

    Claims disagree only when no value in a fits any comparable value in b, so a claim that mentions
    the planned and the actual length of a meeting does not conflict with either. `bucket` (subject,
    owner or person) restricts the comparison to one measured thing, for claims outside a group.
    """
    pairs = [(x, y) for x in a.slots if x.kind == kind for y in b.slots if _comparable(x, y)]
    if bucket:
        subject, holder = bucket
        pairs = [
            (x, y) for x, y in pairs
            if x.subject == subject and _related_values(x, y) and (kind != "count" or x.owner == y.owner == holder)
        ]
    if not pairs or any(x.compatible(y) for x, y in pairs):
        return None
    x, y = pairs[0]
    noun = f" ({x.noun})" if x.kind == "count" and x.noun else ""
    other_noun = f" ({y.noun})" if y.kind == "count" and y.noun else ""
    return f"{kind}: {x.describe()} vs {y.describe()}{noun}", f"{kind}: {y.describe()} vs {x.describe()}{other_noun}"


def _related_values(x: Slot, y: Slot) -> bool:
    """Outside a group only single days are compared: "last week" names too wide a span to contradict."""
    if x.kind == "date":
        return x.value.is_day and y.value.is_day  # type: ignore[union-attr]
    return True


def speaker_conflict(a: ClaimFeatures, b: ClaimFeatures) -> tuple[str, str] | None:
    """The details when the same quotation is attributed to different speakers, else None."""
    if not (a.speaker and b.speaker) or a.speaker == b.speaker:
        return None
    if quote_similarity(a, b) < QUOTE_MATCH:
        return None
    sa, sb = a.claim.speaker, b.claim.speaker
    return f"speaker: {sa} vs {sb}", f"speaker: {sb} vs {sa}"


def _record(found: Found, a: ClaimFeatures, b: ClaimFeatures, details: tuple[str, str] | None) -> None:
    if details:
        found[a.index].add((b.claim.id, details[0]))
        found[b.index].add((a.claim.id, details[1]))


def _participants_match(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    shared = a.participants & b.participants
    return bool(shared) and len(shared) / len(a.participants | b.participants) >= MIN_PARTICIPANT_OVERLAP


def _bucket_keys(feature: ClaimFeatures) -> Iterable[tuple[str, str, str]]:
    """Where a claim's slots are filed for comparison outside groups: by what they measure and for whom."""
    for slot in feature.slots:
        if not slot.subject or slot.subject == REPORTING_FRAME:
            continue
        if slot.kind == "count":
            if slot.owner:
                yield slot.kind, slot.subject, slot.owner
        else:
            for person in feature.participants:
                yield slot.kind, slot.subject, person


def _signature(feature: ClaimFeatures, kind: str, subject: str) -> tuple[str, ...]:
    return tuple(sorted(s.describe() for s in feature.slots if s.kind == kind and s.subject == subject))


def _related_conflicts(features: list[ClaimFeatures], found: Found) -> None:
    """Compare claims outside groups that measure the same thing for the same people.

    Within a bucket, claims giving the same values are compared once as a set, so the work grows with
    the number of distinct values and of conflicts found, not with the square of the bucket.
    """
    buckets: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for feature in features:
        for key in set(_bucket_keys(feature)):
            buckets[key].append(feature.index)
    for (kind, subject, holder), members in buckets.items():
        by_value: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i in members:
            by_value[_signature(features[i], kind, subject)].append(i)
        for (_, left), (_, right) in combinations(by_value.items(), 2):
            probe = slot_conflict(features[left[0]], features[right[0]], kind, (subject, holder))
            if probe is None:
                continue
            for i in left:
                for j in right:
                    a, b = features[i], features[j]
                    if a.article == b.article or (kind != "count" and not _participants_match(a, b)):
                        continue
                    _record(found, a, b, slot_conflict(a, b, kind, (subject, holder)))


def find_conflicts(features: list[ClaimFeatures], groups: list[str | None]) -> Found:
    """For each claim index, the (other claim id, detail) pairs of claims in other articles that disagree."""
    found: Found = defaultdict(set)
    members: dict[str, list[int]] = defaultdict(list)
    for feature, group in zip(features, groups):
        if group:
            members[group].append(feature.index)
    for group_members in members.values():
        for i, j in combinations(group_members, 2):
            a, b = features[i], features[j]
            if a.article == b.article:
                continue
            for kind in SLOT_KINDS:
                _record(found, a, b, slot_conflict(a, b, kind))
            _record(found, a, b, speaker_conflict(a, b))
    _related_conflicts(features, found)
    return found
