"""Publication dates: recognise a header line that is a date and turn it into an ISO 8601 date."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Optional

_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
)
_DATE_HINT = re.compile(
    rf"\b{_MONTH}(?=[\s,\d]|$)|\b\d{{8}}\b|\b\d{{4}}-\d{{1,2}}-\d{{1,2}}|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b",
    re.IGNORECASE,
)
_PREFIX = re.compile(
    r"^\s*(?:(?:first\s+)?published(?:\s+on)?|last\s+updated|updated(?:\s+on)?|posted(?:\s+on)?|date)\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_WEEKDAY_ONLY = re.compile(
    r"^\s*(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*$", re.IGNORECASE
)
_HAS_YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
_MAX_DATE_LINE_WORDS = 10


@lru_cache(maxsize=4096)
def parse_published(text: Optional[str]) -> Optional[str]:
    """ISO 8601 date (YYYY-MM-DD) of a free-form date string, or None when it is not a date.

    Handles "Jan 21, 2022", "January 21, 2022, 9:21 AM", "20220121", "13:55 GMT, 21 January 2022",
    ISO timestamps and "Published: 21/01/2022" (day first, the usual order outside the US).
    """
    if not text or not text.strip():
        return None
    value = _PREFIX.sub("", text.strip()).strip()
    compact = _COMPACT.match(value)
    if compact:
        return _iso_or_none(*(int(part) for part in compact.groups()))
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    if _WEEKDAY_ONLY.match(value) or not _HAS_YEAR.search(value):
        return None
    import dateparser  # imported lazily: it takes a moment and most callers never need it

    parsed = dateparser.parse(
        value,
        languages=["en"],
        settings={"RETURN_AS_TIMEZONE_AWARE": False, "DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"},
    )
    return parsed.date().isoformat() if parsed else None


def looks_like_date_line(line: str) -> bool:
    """True when a header line is a publication date rather than a sentence."""
    stripped = line.strip()
    if not stripped or len(stripped.split()) > _MAX_DATE_LINE_WORDS or len(stripped) > 80:
        return False
    if not _DATE_HINT.search(stripped):
        return False
    return parse_published(stripped) is not None


def _iso_or_none(year: int, month: int, day: int) -> Optional[str]:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
