"""Spans of years ("from 1967 to 1979", "1966-78", "since 2004"): how long something lasted or has lasted."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.link.tokens import Token, scan, tokenize

FIRST_YEAR = 1800
LAST_YEAR = 2100
SPAN_WORDS = frozenset(["to", "until", "till", "through", "-", "\u2013", "\u2014"])
"""Words and dashes between the first and last year of a span."""
SAME_PERIOD_SHARE = 0.5
"""Two spans describe one period (one term in office) when they overlap by this share of the shorter one."""


@dataclass(frozen=True)
class YearSpan:
    """Years first to last inclusive; `last` is None for "since first" (still going)."""

    first: int
    last: int | None

    def describe(self) -> str:
        """"1967-1979" or "since 1967"."""
        return f"since {self.first}" if self.last is None else f"{self.first}-{self.last}"

    def compatible(self, other: YearSpan) -> bool:
        """Whether both can describe the same period: the same first year, and the same last where both end."""
        if self.first != other.first:
            return False
        return self.last is None or other.last is None or self.last == other.last

    def same_period(self, other: YearSpan) -> bool:
        """Whether the two spans plausibly describe one period, so differing ends are a disagreement.

        Spans that barely touch ("1967-1979" and "1979-1990") are two terms, not two accounts of one.
        """
        if (self.last is None) != (other.last is None):
            return False
        if self.last is None or other.last is None:
            return True
        shared = min(self.last, other.last) - max(self.first, other.first) + 1
        shorter = min(self.last - self.first, other.last - other.first) + 1
        return shared > 0 and shared >= SAME_PERIOD_SHARE * shorter


@dataclass(frozen=True)
class FoundYears:
    """A year span in a text: its character span and the years."""

    start: int
    end: int
    years: YearSpan


def _year(token: Token | None) -> int | None:
    if token is None or not token.text.isdigit() or len(token.text) != 4:
        return None
    value = int(token.text)
    return value if FIRST_YEAR <= value <= LAST_YEAR else None


def _last_year(token: Token | None, first: int) -> int | None:
    """The closing year of a span, written in full or as two digits ("1966-78")."""
    if token is None or not token.text.isdigit():
        return None
    if len(token.text) == 2:
        century = first - first % 100
        value = century + int(token.text)
        return value if value >= first else value + 100
    value = _year(token)
    return value if value is not None and value > first else None


def _at(tokens: list[Token], k: int) -> Token | None:
    return tokens[k] if 0 <= k < len(tokens) else None


def _match(tokens: list[Token], i: int) -> tuple[YearSpan, int] | None:
    word = tokens[i].low
    if word == "since":
        first = _year(_at(tokens, i + 1))
        return (YearSpan(first, None), i + 2) if first else None
    if word in ("from", "between"):
        first = _year(_at(tokens, i + 1))
        joiner = _at(tokens, i + 2)
        wanted = ("and",) if word == "between" else SPAN_WORDS
        if first and joiner is not None and joiner.low in wanted:
            last = _last_year(_at(tokens, i + 3), first)
            return (YearSpan(first, last), i + 4) if last else None
        return None
    first = _year(tokens[i])
    joiner = _at(tokens, i + 1)
    if first and joiner is not None and joiner.low in SPAN_WORDS:
        last = _last_year(_at(tokens, i + 2), first)
        return (YearSpan(first, last), i + 3) if last else None
    return None


def find_year_spans(text: str) -> list[FoundYears]:
    """Every span of years in text, left to right."""
    tokens = tokenize(text)
    if not tokens.has_digits:
        return []
    return [FoundYears(start, end, value) for start, end, value in scan(tokens, _match)]
