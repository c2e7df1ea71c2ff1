"""The comparable details of a claim: durations, counts and dates, each tied to what it measures."""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.link.counts import find_counts
from annotator.link.dates import DateSpan, dateline, find_dates
from annotator.link.durations import find_durations, format_minutes
from annotator.link.normalise import (
    DURATION_FRAMES,
    concept,
    content_keys,
    frame_of,
    stem,
)
from annotator.link.ranges import Range
from annotator.link.tokens import format_number
from annotator.link.years import YearSpan, find_year_spans

FRAME_WINDOW = 45
"""How many characters from a date or duration its event word ("meeting", "talks") may stand."""
OWNER_AFTER_WINDOW = 25
"""How far after a count a place may stand and still own it ("100,000 Russian troops")."""
SCHEDULED = "planned"
"""Prefix of the frame of a date that something is planned for: compared only with other planned dates."""
SCHEDULE_WORDS = ("set", "slated", "scheduled", "planned", "planning", "expected", "due", "will", "upcoming", "next")
SCHEDULE_WINDOW = 30
_SCHEDULE = re.compile(r"\b(?:" + "|".join(SCHEDULE_WORDS) + r")\b")
CONTEXT_WINDOW = 40
AFTER_WINDOW = 30
"""How many characters after a count say what it is ("$2.5 billion from counternarcotics programs")."""
"""How many characters either side of a count its context words are read from."""
CURRENCY_SIGNS = "$\u20ac\u00a3"
REPORTING_FRAME = "say"
START_FRAME = "start"
THING_WINDOW = 30
"""How many characters before "began"/"started" the thing that began may stand ("the blockade, which")."""

_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")


@dataclass(frozen=True)
class Slot:
    """One detail of a claim that another report can contradict."""

    kind: str
    """duration, count, date or years."""
    value: Range | DateSpan | YearSpan
    subject: str
    """What it measures: the event frame ("talk") of a duration or date, the counted noun's concept."""
    noun: str = ""
    """The counted noun as written ("troops"), for the reviewer."""
    owner: str | None = None
    """For counts, the canonical country or body the counted things belong to, when one stands near."""
    modifier: str = ""
    """For counts, the key of the word narrowing the noun ("cargo" ships), "" when there is none."""
    start: int = 0
    end: int = 0
    """Where the detail stands in the claim's source text."""
    wording: str = ""
    """The detail as the article words it ("nearly two hours", "some 100,000 troops")."""
    context: frozenset[str] = frozenset()
    """For counts, the content words around the figure ("mass", "border"): what is done with the things counted."""
    after: frozenset[str] = frozenset()
    """For counts, the content words just after the figure ("from counternarcotics programs"): for money,
    what the amount is."""

    def describe(self) -> str:
        """The value in words ("90 min", "about 100,000", "2022-01-21", "1967-1979")."""
        if isinstance(self.value, (DateSpan, YearSpan)):
            return self.value.describe()
        if self.kind == "duration":
            return self.value.describe(format_minutes)
        return self.value.describe(format_number)

    def compatible(self, other: Slot) -> bool:
        """Whether both values can be true at once."""
        return self.value.compatible(other.value)  # type: ignore[arg-type]

    def shown(self) -> str:
        """The article's wording and, when it differs, the normalised value: "an hour and a half (90 min)"."""
        value = self.describe()
        if not self.wording or self.wording == value:
            return value
        return f"{self.wording} ({value})"


def _frames(text: str, extra: dict[str, str] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, frame) of each event word; `extra` maps further stems to frames for one slot kind."""
    frames = []
    for m in _WORD.finditer(text):
        frame = frame_of(m.group()) or (extra.get(stem(m.group()), "") if extra else "")
        if frame:
            if frame == START_FRAME:
                frame = _started_thing(text, m.start())
            frames.append((m.start(), m.end(), frame))
    return frames


def _started_thing(text: str, verb_start: int) -> str:
    """ "start:<thing>" for the thing named just before "began"/"started" ("the closure began" ->
    "start:blockade"), so the start dates of different things are not compared."""
    before = content_keys(text[max(0, verb_start - THING_WINDOW):verb_start])
    return f"{START_FRAME}:{before[-1]}" if before else START_FRAME


def _frame_near(frames: list[tuple[int, int, str]], start: int, end: int, nearest: bool = False) -> str:
    """The event frame of the nearest event word, preferring any event over a reporting verb.

    With `nearest`, a reporting verb closer than any event wins: "announced Thursday that he would
    sign" dates the announcement, not the signing.
    """
    best: dict[bool, tuple[int, str]] = {}
    for f_start, f_end, frame in frames:
        distance = max(f_start - end, start - f_end, 0)
        if distance > FRAME_WINDOW:
            continue
        is_report = frame == REPORTING_FRAME
        if is_report not in best or distance < best[is_report][0]:
            best[is_report] = (distance, frame)
    if nearest and True in best and False in best and best[True][0] < best[False][0]:
        return best[True][1]
    if False in best:
        return best[False][1]
    return best[True][1] if True in best else ""


def _owner_near(owners: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    before = [o for o in owners if o[1] <= start]
    if before:
        return max(before, key=lambda o: o[1])[2]
    after = [o for o in owners if o[0] >= end and o[0] - end <= OWNER_AFTER_WINDOW]
    return min(after, key=lambda o: o[0])[2] if after else None


def extract_slots(
    text: str, published: str | None = None, owners: list[tuple[int, int, str]] = ()
) -> list[Slot]:
    """The durations, counts and dates in text; `owners` are (start, end, key) of places and bodies in it."""
    frames = _frames(text)
    slots: list[Slot] = []
    skip: list[tuple[int, int]] = []
    durations = find_durations(text)
    duration_frames = _frames(text, DURATION_FRAMES) if durations else frames
    for found in durations:
        skip.append((found.start, found.end))
        frame = _frame_near(duration_frames, found.start, found.end)
        slots.append(Slot("duration", found.minutes, frame, **_where(text, found.start, found.end)))
    for found in find_year_spans(text):
        skip.append((found.start, found.end))
        frame = _frame_near(frames, found.start, found.end)
        slots.append(Slot("years", found.years, frame, **_where(text, found.start, found.end)))
    today = dateline(published)
    for found in find_dates(text, published):
        skip.append((found.start, found.end))
        frame = _frame_near(frames, found.start, found.end, nearest=True)
        if _scheduled(text, found.start) or (today is not None and found.span.first > today):
            frame = f"{SCHEDULED}:{frame}"
        slots.append(Slot("date", found.span, frame, **_where(text, found.start, found.end)))
    for found in find_counts(text, skip):
        owner = _owner_near(list(owners), found.start, found.end)
        modifier = concept(found.modifier) if found.modifier else ""
        start = found.start - 1 if found.start > 0 and text[found.start - 1] in CURRENCY_SIGNS else found.start
        end = _noun_end(text, found.end, found.noun)
        window = text[max(0, start - CONTEXT_WINDOW):end + CONTEXT_WINDOW]
        around = set(content_keys(" ".join(w for w in window.split() if w[:1].islower())))
        around -= {concept(found.noun), modifier}
        slots.append(Slot(
            "count", found.value, concept(found.noun), found.noun, owner, modifier, **_where(text, start, end),
            context=frozenset(around), after=frozenset(content_keys(text[end:end + AFTER_WINDOW])),
        ))
    return slots


def _scheduled(text: str, start: int) -> bool:
    """Whether the words just before a date say it is planned ("set for", "slated for", "will", "next")."""
    before = text[max(0, start - SCHEDULE_WINDOW):start].lower()
    return _SCHEDULE.search(before) is not None


def _where(text: str, start: int, end: int) -> dict[str, object]:
    return {"start": start, "end": end, "wording": text[start:end]}


def _noun_end(text: str, figure_end: int, noun: str) -> int:
    """Where the counted noun ends, so the wording reads "some 100,000 troops" (the figure alone for money)."""
    at = text.find(noun, figure_end, figure_end + 40)
    return at + len(noun) if at >= 0 else figure_end
