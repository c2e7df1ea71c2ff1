"""Dates in text ("Friday", "Jan. 21, 2022", "last week") resolved against the article's dateline."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from annotator.link.tokens import Token, tokenize

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
START_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(RELATIVE_DAYS) | {"last", "next", "this", "on"}
"""Words a date phrase can begin with (besides digits); other tokens are not tried."""


@dataclass(frozen=True)
class DateSpan:
    """The days a date phrase may mean, first to last inclusive (one day for "Jan. 21, 2022")."""

    first: date
    last: date

    @property
    def is_day(self) -> bool:
        """True when the phrase names one day."""
        return self.first == self.last

    def compatible(self, other: DateSpan) -> bool:
        """Whether both phrases can name the same day."""
        return self.first <= other.last and other.first <= self.last

    def describe(self) -> str:
        """ISO date, or "first..last" for a span."""
        if self.is_day:
            return self.first.isoformat()
        return f"{self.first.isoformat()}..{self.last.isoformat()}"


@dataclass(frozen=True)
class FoundDate:
    """A date phrase in a text: its character span and the days it means."""

    start: int
    end: int
    span: DateSpan


def dateline(published: str | date | None) -> date | None:
    """The publication day from an ISO date or datetime string, or None when absent or unreadable."""
    if published is None or isinstance(published, date):
        return published.date() if isinstance(published, datetime) else published
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _day(year: int, month: int, day: int) -> DateSpan | None:
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return DateSpan(d, d)


def _int(token: Token | None, low: int, high: int) -> int | None:
    if token is None or not token.text.isdigit():
        return None
    value = int(token.text)
    return value if low <= value <= high else None


def _month(token: Token | None) -> int | None:
    if token is None or token.low not in MONTHS:
        return None
    if token.low == "may" and not token.text[0].isupper():
        return None
    if token.low in ("mar", "jun", "jul", "sep", "dec") and not token.text[0].isupper():
        return None
    return MONTHS[token.low]


def _week_of(day: date, offset_weeks: int) -> DateSpan:
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=offset_weeks)
    return DateSpan(monday, monday + timedelta(days=6))


def _month_span(year: int, month: int) -> DateSpan:
    return DateSpan(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


def _shift_month(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


class _Reader:
    """Matches one date phrase at a token position."""

    def __init__(self, tokens: list[Token], today: date | None) -> None:
        self.tokens = tokens
        self.today = today

    def at(self, k: int) -> Token | None:
        return self.tokens[k] if 0 <= k < len(self.tokens) else None

    def low(self, k: int) -> str:
        token = self.at(k)
        return token.low if token else ""

    def _skip_ordinal(self, k: int) -> int:
        return k + 1 if self.low(k) in ORDINAL_SUFFIXES else k

    def _year_after(self, k: int) -> tuple[int | None, int]:
        j = k + 1 if self.low(k) == "," else k
        year = _int(self.at(j), 1000, 2999)
        return (year, j + 1) if year else (None, k)

    def match(self, i: int) -> tuple[DateSpan, int] | None:
        for rule in (self._iso, self._month_first, self._day_first, self._relative, self._weekday):
            found = rule(i)
            if found:
                return found
        return None

    def _iso(self, i: int) -> tuple[DateSpan, int] | None:
        year = _int(self.at(i), 1000, 2999)
        if year and self.low(i + 1) == "-" and self.low(i + 3) == "-":
            month, day = _int(self.at(i + 2), 1, 12), _int(self.at(i + 4), 1, 31)
            if month and day:
                span = _day(year, month, day)
                return (span, i + 5) if span else None
        return None

    def _month_first(self, i: int) -> tuple[DateSpan, int] | None:
        month = _month(self.at(i))
        if not month:
            return None
        day = _int(self.at(i + 1), 1, 31)
        if day:
            k = self._skip_ordinal(i + 2)
            year, k = self._year_after(k)
            year = year or (self.today.year if self.today else None)
            span = _day(year, month, day) if year else None
            return (span, k) if span else None
        year = _int(self.at(i + 1), 1000, 2999)
        if year:
            return _month_span(year, month), i + 2
        return None

    def _day_first(self, i: int) -> tuple[DateSpan, int] | None:
        day = _int(self.at(i), 1, 31)
        if not day:
            return None
        k = self._skip_ordinal(i + 1)
        if self.low(k) == "of":
            k += 1
        month = _month(self.at(k))
        if not month:
            return None
        year, end = self._year_after(k + 1)
        year = year or (self.today.year if self.today else None)
        span = _day(year, month, day) if year else None
        return (span, end) if span else None

    def _relative(self, i: int) -> tuple[DateSpan, int] | None:
        if self.today is None:
            return None
        word = self.low(i)
        if word in RELATIVE_DAYS:
            d = self.today + timedelta(days=RELATIVE_DAYS[word])
            return DateSpan(d, d), i + 1
        nxt = self.low(i + 1)
        if word == "last" and nxt == "night":
            d = self.today - timedelta(days=1)
            return DateSpan(d, d), i + 2
        offsets = {"last": -1, "next": 1, "this": 0}
        if word in offsets and nxt in ("week", "month", "year"):
            offset = offsets[word]
            if nxt == "week":
                return _week_of(self.today, offset), i + 2
            if nxt == "month":
                return _month_span(*_shift_month(self.today, offset)), i + 2
            year = self.today.year + offset
            return DateSpan(date(year, 1, 1), date(year, 12, 31)), i + 2
        return None

    def _weekday(self, i: int) -> tuple[DateSpan, int] | None:
        if self.today is None:
            return None
        modifier = self.low(i) if self.low(i) in ("last", "next", "this", "on") else ""
        k = i + 1 if modifier else i
        token = self.at(k)
        if token is None or token.low not in WEEKDAYS or not token.text[0].isupper():
            return None
        back = (self.today.weekday() - WEEKDAYS[token.low]) % 7
        if modifier == "next":
            d = self.today + timedelta(days=(7 - back) % 7 or 7)
        elif modifier == "last":
            d = self.today - timedelta(days=back or 7)
        else:
            d = self.today - timedelta(days=back)
        return DateSpan(d, d), k + 1


def _names_an_event(tokens: list[Token], i: int, k: int) -> bool:
    """Whether a month and day without a year name an event rather than a date ("the Sept. 11 attacks",
    "Sept. 11 hijackers"): a plural noun follows at once, and read against the dateline the year would be wrong."""
    if tokens[i].low not in MONTHS or k - i > 3 or any(t.text.isdigit() and len(t.text) == 4 for t in tokens[i:k]):
        return False
    after = tokens[k].text if k < len(tokens) else ""
    return after.isalpha() and after.islower() and len(after) > 3 and after.endswith("s") and not after.endswith("ss")


def find_dates(text: str, published: str | date | None = None) -> list[FoundDate]:
    """Every date phrase in text, resolved against the publication date where it is relative."""
    return list(_find_dates(text, published))


@lru_cache(maxsize=4096)
def _find_dates(text: str, published: str | date | None) -> tuple[FoundDate, ...]:
    tokens = tokenize(text)
    if not tokens.has_digits and not tokens.vocabulary & START_WORDS:
        return ()
    reader = _Reader(tokens, dateline(published))
    found, i = [], 0
    while i < len(tokens):
        low = tokens[i].low
        match = reader.match(i) if low in START_WORDS or low[:1].isdigit() else None
        if match is None:
            i += 1
            continue
        span, k = match
        if not _names_an_event(tokens, i, k):
            found.append(FoundDate(tokens[i].start, tokens[k - 1].end, span))
        i = k
    return tuple(found)


def parse_date(text: str, published: str | date | None = None) -> DateSpan | None:
    """The first date in text ("Friday" -> the Friday on or before the dateline), or None."""
    found = find_dates(text, published)
    return found[0].span if found else None
