"""Conflict detection: details (duration, count, date, speaker) on which claims of different articles disagree.

Claims are compared when they are in one group, or when they measure the same thing about the same
people ("the meeting" of the same two ministers, "troops" of the same country) even if worded apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations

from annotator.link.features import ClaimFeatures
from annotator.link.scoring import QUOTE_MATCH, quote_similarity
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


SlotTest = Callable[[Slot, Slot], bool]


def slot_conflict(a: ClaimFeatures, b: ClaimFeatures, kind: str, fits: SlotTest | None = None) -> tuple[str, str] | None:
    """The (a's view, b's view) details when a and b disagree on a slot of this kind, else None.

    Claims disagree only when no value in a fits any comparable value in b, so a claim that mentions
    the planned and the actual length of a meeting does not conflict with either. `fits` restricts the
    comparison to one measured thing (a subject and owner), for claims outside a group.
    """
    pairs = [(x, y) for x in a.slots if x.kind == kind for y in b.slots if _comparable(x, y)]
    if fits:
        pairs = [(x, y) for x, y in pairs if fits(x, y)]
    if not pairs or any(x.compatible(y) for x, y in pairs):
        return None
    x, y = pairs[0]
    noun = f" ({x.noun})" if x.kind == "count" and x.noun else ""
    other_noun = f" ({y.noun})" if y.kind == "count" and y.noun else ""
    return f"{kind}: {x.describe()} vs {y.describe()}{noun}", f"{kind}: {y.describe()} vs {x.describe()}{other_noun}"


def _single_days(x: Slot, y: Slot) -> bool:
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


def _overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = a & b
    return bool(shared) and len(shared) / len(a | b) >= MIN_PARTICIPANT_OVERLAP


def _participants_match(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    return _overlap(a.participants, b.participants) or _overlap(a.actors, b.actors)


@dataclass(frozen=True)
class _Bucket:
    """Claims outside groups that measure one thing: a slot kind and subject, and whose it is."""

    kind: str
    subject: str
    holder: str
    """"owner:<key>" or "narrow:<modifier>" for counts, "who:<name>" or "the" for durations and dates."""

    def fits(self, x: Slot, y: Slot) -> bool:
        if x.subject != self.subject or not _single_days(x, y):
            return False
        tag, _, value = self.holder.partition(":")
        if tag == "owner":
            return x.owner == y.owner == value
        if tag == "narrow":
            return x.modifier == y.modifier == value and (x.owner is None or y.owner is None or x.owner == y.owner)
        return True

    def pair_allowed(self, a: ClaimFeatures, b: ClaimFeatures, main: frozenset[str]) -> bool:
        if a.article == b.article:
            return False
        if self.holder.startswith("who:"):
            return _participants_match(a, b)
        if self.holder == "the":
            return all(not f.actors or _overlap(f.actors, main) for f in (a, b))
        return True


def _frame_slots(feature: ClaimFeatures) -> Iterable[Slot]:
    return (s for s in feature.slots if s.kind != "count" and s.subject and s.subject != REPORTING_FRAME)


def _main_actors(features: list[ClaimFeatures]) -> dict[tuple[str, str], frozenset[str]]:
    """For each event frame, the people named with it most often: who "the meeting" is when unnamed."""
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for feature in features:
        for key in {(s.kind, s.subject) for s in _frame_slots(feature)}:
            counts[key].update(feature.actors)
    main = {}
    for key, counter in counts.items():
        top = max(counter.values(), default=0)
        main[key] = frozenset(name for name, n in counter.items() if n * 2 >= top >= 2)
    return main


def _bucket_keys(feature: ClaimFeatures, main: dict[tuple[str, str], frozenset[str]]) -> Iterable[_Bucket]:
    """Where a claim's slots are filed for comparison outside groups: by what they measure and for whom.

    A claim that names nobody ("The meeting lasted two hours") is filed with the frame's main actors,
    since in one event's coverage the unnamed meeting is the one the other reports name.
    """
    for slot in feature.slots:
        if slot.kind == "count" and slot.subject:
            if slot.owner:
                yield _Bucket("count", slot.subject, f"owner:{slot.owner}")
            if slot.modifier:
                yield _Bucket("count", slot.subject, f"narrow:{slot.modifier}")
    for slot in _frame_slots(feature):
        for person in feature.participants:
            yield _Bucket(slot.kind, slot.subject, f"who:{person}")
        usual = main.get((slot.kind, slot.subject), frozenset())
        if not feature.actors or _overlap(feature.actors, usual):
            yield _Bucket(slot.kind, slot.subject, "the")


def _signature(feature: ClaimFeatures, kind: str, subject: str) -> tuple[str, ...]:
    return tuple(sorted(s.describe() for s in feature.slots if s.kind == kind and s.subject == subject))


def _related_conflicts(features: list[ClaimFeatures], found: Found) -> None:
    """Compare claims outside groups that measure the same thing for the same people.

    Within a bucket, claims giving the same values are compared once as a set, so the work grows with
    the number of distinct values and of conflicts found, not with the square of the bucket.
    """
    main = _main_actors(features)
    buckets: dict[_Bucket, list[int]] = defaultdict(list)
    for feature in features:
        for key in set(_bucket_keys(feature, main)):
            buckets[key].append(feature.index)
    for bucket, members in buckets.items():
        usual = main.get((bucket.kind, bucket.subject), frozenset())
        by_value: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i in members:
            by_value[_signature(features[i], bucket.kind, bucket.subject)].append(i)
        for (_, left), (_, right) in combinations(by_value.items(), 2):
            if slot_conflict(features[left[0]], features[right[0]], bucket.kind, bucket.fits) is None:
                continue
            for i in left:
                for j in right:
                    a, b = features[i], features[j]
                    if bucket.pair_allowed(a, b, usual):
                        _record(found, a, b, slot_conflict(a, b, bucket.kind, bucket.fits))


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
