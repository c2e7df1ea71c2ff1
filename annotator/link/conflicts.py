"""Conflict detection: details on which claims of different articles about the same thing disagree.

Two claims are compared only when they are about the same thing: the same group (they state the same
fact), or outside groups the same slot frame: the same counted thing of the same owner and action ("troops"
Russia massed), or the same measured event of the same people ("the meeting" of two ministers), in a
compatible time. Money, dates and speakers are compared only inside a group, where the claims are known
to report one statement: a budget figure or a date alone does not say which of many it is.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from annotator.link.features import ClaimFeatures
from annotator.link.findings import (
    Finding,
    Found,
    comparable,
    record,
    slot_finding,
    speaker_finding,
    wording_finding,
)
from annotator.link.slots import REPORTING_FRAME, START_FRAME, Slot

MIN_PARTICIPANT_OVERLAP = 0.5
"""Share of people two reports must have in common to be about the same event."""
GROUP_KINDS = ("duration", "count", "years", "date")
RELATED_KINDS = ("duration", "count", "years", "date")
MIN_SHARED_ACTORS_FOR_DATES = 2
"""Outside a group, two dates of one kind of event are compared only for the same two or more people
("the meeting of Marrow and Vasylenko"), since an event of one person is one of many; or when they date
the start of one named thing ("the blockade began")."""
CURRENCY_NOUNS = frozenset(["dolar", "euro", "pound"])
"""Counted "nouns" of money amounts (concept keys): compared only inside a group."""

__all__ = ["Finding", "find_conflicts"]


def _overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = a & b
    return bool(shared) and len(shared) / len(a | b) >= MIN_PARTICIPANT_OVERLAP


def _participants_match(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    return _overlap(a.participants, b.participants) or _overlap(a.actors, b.actors)


def _same_time(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Whether the claims can be about the same time: when both name years, they share one."""
    return not (a.years and b.years) or bool(a.years & b.years)


@dataclass(frozen=True)
class _Bucket:
    """Claims outside groups that measure one thing: a slot kind and subject, and whose it is."""

    kind: str
    subject: str
    holder: str
    """"owner:<key>" or "narrow:<modifier>" for counts, "who:<name>" or "the" for durations and spans."""

    def fits(self, x: Slot, y: Slot) -> bool:
        if (x.kind != "years" and x.subject != self.subject) or not comparable(x, y):
            return False
        if x.kind == "date" and not (x.value.is_day and y.value.is_day):  # type: ignore[union-attr]
            return False
        tag, _, value = self.holder.partition(":")
        if tag == "owner":
            return x.owner == y.owner == value and bool(x.context & y.context)
        if tag == "narrow":
            return x.modifier == y.modifier == value
        return True

    def pair_allowed(self, a: ClaimFeatures, b: ClaimFeatures, main: frozenset[str]) -> bool:
        if a.article == b.article or (self.kind != "years" and not _same_time(a, b)):
            return False
        if self.kind == "date" and self.holder != "the":
            return len(a.actors & b.actors) >= MIN_SHARED_ACTORS_FOR_DATES and _overlap(a.actors, b.actors)
        if self.holder.startswith("who:"):
            return _participants_match(a, b)
        if self.holder == "the":
            return all(not f.actors or _overlap(f.actors, main) for f in (a, b))
        return True


def _frame_slots(feature: ClaimFeatures) -> Iterable[Slot]:
    return (
        s for s in feature.slots
        if s.kind in RELATED_KINDS and s.kind != "count" and s.subject and s.subject != REPORTING_FRAME
    )


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

    A count is filed only when its owner or a narrowing word says whose things they are; money never
    is. A claim that names nobody ("The meeting lasted two hours") is filed with the frame's main actors,
    since in one event's coverage the unnamed meeting is the one the other reports name.
    """
    for slot in feature.slots:
        if slot.kind == "count" and slot.subject and slot.subject not in CURRENCY_NOUNS:
            if slot.owner:
                yield _Bucket("count", slot.subject, f"owner:{slot.owner}")
            if slot.modifier:
                yield _Bucket("count", slot.subject, f"narrow:{slot.modifier}")
    for slot in _frame_slots(feature):
        if slot.kind == "date":
            if slot.subject.startswith(START_FRAME + ":"):
                yield _Bucket("date", slot.subject, "the")
            elif slot.value.is_day and len(feature.actors) >= MIN_SHARED_ACTORS_FOR_DATES:  # type: ignore[union-attr]
                yield _Bucket("date", slot.subject, f"who:{min(feature.actors)}")
            continue
        for person in feature.participants:
            yield _Bucket(slot.kind, slot.subject, f"who:{person}")
        usual = main.get((slot.kind, slot.subject), frozenset())
        if not feature.actors or _overlap(feature.actors, usual):
            yield _Bucket(slot.kind, slot.subject, "the")
    for slot in feature.slots:
        if slot.kind == "years":
            for person in feature.actors:
                yield _Bucket("years", slot.subject, f"who:{person}")


def _signature(feature: ClaimFeatures, kind: str, subject: str) -> tuple[str, ...]:
    return tuple(sorted(
        f"{s.describe()}|{s.modifier}|{s.owner}|{sorted(s.context)}"
        for s in feature.slots if s.kind == kind and s.subject == subject
    ))


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
            if slot_finding(features[left[0]], features[right[0]], bucket.kind, bucket.fits) is None:
                continue
            for i in left:
                for j in right:
                    a, b = features[i], features[j]
                    if bucket.pair_allowed(a, b, usual):
                        record(found, a, b, slot_finding(a, b, bucket.kind, bucket.fits))


def _group_conflicts(a: ClaimFeatures, b: ClaimFeatures, found: Found, people: frozenset[str]) -> None:
    for kind in GROUP_KINDS:
        fits = None if kind != "count" else _group_count_fits
        record(found, a, b, slot_finding(a, b, kind, fits))
    record(found, a, b, speaker_finding(a, b, people))
    record(found, a, b, wording_finding(a, b))


def _group_count_fits(x: Slot, y: Slot) -> bool:
    """Inside a group, money is compared only when the words after the amounts say it is the same money."""
    if x.subject in CURRENCY_NOUNS:
        return comparable(x, y) and bool(x.after & y.after)
    return comparable(x, y)


def find_conflicts(features: list[ClaimFeatures], groups: list[str | None]) -> Found:
    """For each claim index, its findings by (other claim id, kind): each disagreement of a pair once."""
    found: Found = defaultdict(dict)
    members: dict[str, list[int]] = defaultdict(list)
    for feature, group in zip(features, groups):
        if group:
            members[group].append(feature.index)
    people = frozenset(p for f in features for p in f.person_names)
    for group_members in members.values():
        for i, j in combinations(group_members, 2):
            a, b = features[i], features[j]
            if a.article != b.article:
                _group_conflicts(a, b, found, people)
    _related_conflicts(features, found)
    return found
