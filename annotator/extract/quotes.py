"""Direct quotations: character spans of quoted speech, including quotes that run across paragraphs."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

OPENING = {"“", "«", "„"}
CLOSING = {"”", "»"}
STRAIGHT = '"'
_SAYS = r"(?:said|says|added|told|wrote|replied|argued|continued|explained|noted|insisted|tweeted|stated|asked)"
REPORTING_CLAUSE = re.compile(
    rf",\s+(?:(?:he|she|they|(?:the|a|an)(?:\s+[a-z-]+){{1,3}}|(?:[A-Z][\w.'’-]*\s+){{0,3}}[A-Z][\w'’-]+)\s+{_SAYS}"
    rf"|{_SAYS}\s+(?:[A-Z][\w.'’-]*\s+){{0,3}}[A-Z][\w'’-]+)\b"
)
"""", Roe said" or ", said Roe" inside an unclosed quote: the writer's words, so the quote ended before them."""


@dataclass(frozen=True)
class Quote:
    """One quoted stretch of text; `chain` numbers the quotes that continue one another across paragraphs."""

    start: int
    """Offset of the opening mark."""
    end: int
    """Offset just past the closing mark, or the paragraph end when the quote continues in the next paragraph."""
    chain: int
    closed: bool


def find_quotes(body: str, paragraph_separator: str = "\n\n") -> list[Quote]:
    """Every direct quote in the body, paragraph by paragraph, in order.

    A paragraph that ends inside a quote continues into the next paragraph when that one opens with a quote
    mark (the newspaper convention for long quotes), so both parts share a chain number.
    """
    quotes: list[Quote] = []
    chain = -1
    open_at_paragraph_end = False
    offset = 0
    for paragraph in body.split(paragraph_separator):
        opener = _first_mark(paragraph)
        continues = open_at_paragraph_end and opener == 0
        open_at_paragraph_end = False
        start = None
        for index, char in enumerate(paragraph):
            if start is None and (char in OPENING or char == STRAIGHT):
                start = index
                if not continues:
                    chain += 1
                continues = False
            elif start is not None and (char in CLOSING or char == STRAIGHT):
                quotes.append(Quote(offset + start, offset + index + 1, chain, True))
                start = None
        if start is not None:
            forgotten = REPORTING_CLAUSE.search(paragraph, start)
            if forgotten is not None:  # '"We will close, Roe said.': the closing mark was left out
                quotes.append(Quote(offset + start, offset + forgotten.start(), chain, False))
            else:
                quotes.append(Quote(offset + start, offset + len(paragraph), chain, False))
                open_at_paragraph_end = True
        offset += len(paragraph) + len(paragraph_separator)
    return quotes


def _first_mark(paragraph: str) -> int:
    """Index of the first non-space character when it is a quote mark, else -1."""
    stripped = paragraph.lstrip()
    if stripped[:1] in OPENING or stripped[:1] == STRAIGHT:
        return len(paragraph) - len(stripped)
    return -1


class QuoteIndex:
    """Fast questions about which characters of the body lie inside a quote."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self._starts = [q.start for q in quotes]

    def inside(self, char_offset: int) -> bool:
        """True when the character at `char_offset` is within a quote (marks included)."""
        index = bisect_right(self._starts, char_offset) - 1
        return index >= 0 and char_offset < self.quotes[index].end

    def overlapping(self, start: int, end: int) -> list[Quote]:
        """Quotes that share characters with [start, end)."""
        return [q for q in self.quotes if q.start < end and start < q.end]
