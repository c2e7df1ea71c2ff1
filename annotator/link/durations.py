"""Durations in text ("an hour and a half", "nearly two hours", "90-minute") as ranges of minutes."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.link.amounts import hedged, read_core, read_hedged
from annotator.link.ranges import Range, exact
from annotator.link.tokens import Token, read_number, scan, tokenize, words_of

UNIT_MINUTES = {
    "minute": 1, "minutes": 1, "min": 1, "mins": 1, "hour": 60, "hours": 60, "hr": 60, "hrs": 60,
    "day": 1440, "days": 1440, "week": 10080, "weeks": 10080,
}
UNIT_WORDS = frozenset(UNIT_MINUTES)


@dataclass(frozen=True)
class FoundDuration:
    """A duration phrase in a text: its character span and its range in minutes."""

    start: int
    end: int
    minutes: Range


def _unit_core(tokens: list[Token], j: int) -> tuple[Range, int] | None:
    """An amount and its unit at tokens[j], in minutes, before any hedge."""
    words = words_of(tokens)
    here = words[j] if j < len(words) else ""
    if here == "half":
        for gap in (("a",), ("an",), ("-",), ()):
            k = j + 1 + len(gap)
            if tuple(words[j + 1:k]) == gap and k < len(words) and words[k] in UNIT_WORDS:
                return exact(0.5 * UNIT_MINUTES[words[k]]), k + 1
        return None
    if here in UNIT_WORDS and words[j + 1:j + 4] == ["and", "a", "half"]:
        return exact(1.5 * UNIT_MINUTES[here]), j + 4
    core = read_core(tokens, j, UNIT_WORDS)
    if core is None:
        return None
    amount, k = core
    if k < len(words) and words[k] == "-":
        k += 1
    if k >= len(words) or words[k] not in UNIT_WORDS:
        return None
    unit = UNIT_MINUTES[words[k]]
    minutes, k = amount.scaled(unit), k + 1
    if minutes.hedge != "exact":
        return minutes, k
    if words[k:k + 3] == ["and", "a", "half"]:
        return minutes.plus(0.5 * unit), k + 3
    start = k + 1 if words[k:k + 1] == ["and"] else k
    extra = read_number(tokens, start, UNIT_WORDS)
    if extra and extra[1] < len(words) and words[extra[1]] in UNIT_WORDS:
        smaller = UNIT_MINUTES[words[extra[1]]]
        if smaller < unit:
            return minutes.plus(extra[0] * smaller), extra[1] + 1
    return minutes, k


def _match(tokens: list[Token], i: int) -> tuple[Range, int] | None:
    hedge, j = read_hedged(tokens, i)
    core = _unit_core(tokens, j)
    if core is None:
        return None
    minutes, k = core
    return hedged(hedge, minutes), k


def find_durations(text: str) -> list[FoundDuration]:
    """Every duration phrase in text, left to right."""
    tokens = tokenize(text)
    if not tokens.vocabulary & UNIT_WORDS:
        return []
    return [FoundDuration(start, end, value) for start, end, value in scan(tokens, _match)]


def parse_duration(text: str) -> Range | None:
    """The first duration in text as a range of minutes ("nearly two hours" -> [96, 120)), or None."""
    found = find_durations(text)
    return found[0].minutes if found else None


def format_minutes(value: float) -> str:
    """Minutes as a reviewer reads them: "90 min", or whole days for long spans."""
    if value >= 1440 and value % 1440 == 0:
        days = int(value // 1440)
        return f"{days} day" if days == 1 else f"{days} days"
    if value == int(value):
        return f"{int(value)} min"
    return f"{value:.1f} min"
