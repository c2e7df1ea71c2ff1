"""Tokens with character offsets, and reading numbers written in digits or words.

The slot parsers work on these tokens rather than on raw regexes so that "twenty-five", "100,000",
"an hour and a half" and "tens of thousands" are read by one small grammar.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, NamedTuple, Self, TypeVar

T = TypeVar("T")

_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[A-Za-z]+(?:\.(?=[\s,]))?|[^\sA-Za-z\d]")
_TOKEN_SPLIT = re.compile("(" + _TOKEN.pattern + ")")
"""The same tokens as separators of `re.split`, so one C call yields them with the text between them."""

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
SCALE_PLURALS = {"hundreds": 100, "thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000}
MULTIPLIERS = {"dozen": 12, "score": 20}
"""Counting words that multiply the number before them ("four dozen" = 48, "three score" = 60)."""


class Token(NamedTuple):
    """One word, number or punctuation mark with its offsets in the parsed text (a tuple: every claim makes
    dozens, and a frozen dataclass costs several times as much to build)."""

    text: str
    start: int
    end: int
    low: str
    """Lowercase form without a trailing abbreviation dot ("Jan." -> "jan")."""


class Tokens(tuple):
    """The tokens of one text, with their lowercase forms listed once for the phrase readers."""

    words: list[str]
    vocabulary: frozenset[str]
    """The distinct lowercase forms, so a parser can tell at once that a text has nothing for it."""
    has_digits: bool

    def __new__(cls, tokens: list[Token], words: list[str] | None = None) -> Self:
        self = super().__new__(cls, tokens)
        self.words = [t.low for t in tokens] if words is None else words
        self.vocabulary = frozenset(self.words)
        self.has_digits = any(w[:1].isdigit() for w in self.vocabulary)
        return self


_new_token = tuple.__new__
"""Builds a Token without NamedTuple's Python-level constructor: tokenising is the linker's commonest step."""


@lru_cache(maxsize=4096)
def tokenize(text: str) -> Tokens:
    """Split text into tokens; hyphens and quotes become tokens of their own.

    The result is shared between the parsers (cached per text), so it is an immutable tuple.
    """
    parts = _TOKEN_SPLIT.split(text)
    tokens, words, at = [], [], 0
    for k in range(1, len(parts), 2):
        at += len(parts[k - 1])
        token = parts[k]
        low = token.lower().rstrip(".")
        tokens.append(_new_token(Token, (token, at, at + len(token), low)))
        words.append(low)
        at += len(token)
    return Tokens(tokens, words)


def words_of(tokens: list[Token]) -> list[str]:
    """The lowercase forms of tokens (precomputed for a `Tokens` list)."""
    return tokens.words if isinstance(tokens, Tokens) else [t.low for t in tokens]


def digits_value(token: Token) -> float | None:
    """The value of a digit token such as "100,000" or "1.5", or None when it is not one."""
    raw = token.text.replace(",", "")
    if not raw or not raw[0].isdigit():
        return None
    try:
        return float(raw)
    except ValueError:
        return None


def _is_word_number(low: str) -> bool:
    return low in UNITS or low in TENS or low == "hundred" or low in SCALES


def read_number(tokens: list[Token], i: int, unit_words: frozenset[str] = frozenset()) -> tuple[float, int] | None:
    """Read one number starting at tokens[i]; returns (value, index after it) or None.

    Accepts digits with an optional scale word ("3 million"), word numbers ("one hundred and twenty",
    "twenty-five"), "a"/"an" as one before a scale or a unit in `unit_words`, "a dozen", and a trailing
    "and a half" when a unit follows it ("one and a half hours").
    """
    if i >= len(tokens):
        return None
    low = tokens[i].low
    value = digits_value(tokens[i])
    if value is not None:
        j = i + 1
        if j < len(tokens) and tokens[j].low in MULTIPLIERS:
            value *= MULTIPLIERS[tokens[j].low]
            j += 1
        if j < len(tokens) and tokens[j].low in SCALES:
            value *= SCALES[tokens[j].low]
            j += 1
        return _half_suffix(tokens, j, value, unit_words)
    if low in ("a", "an"):
        nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
        if nxt in MULTIPLIERS:
            return float(MULTIPLIERS[nxt]), i + 2
        if nxt in SCALES or nxt == "hundred":
            return read_number(tokens, i + 1, unit_words) if nxt == "hundred" else (float(SCALES[nxt]), i + 2)
        if nxt in unit_words:
            return 1.0, i + 1
        return None
    if not _is_word_number(low) or low in SCALES or low == "hundred":
        return None
    total, current, j = 0.0, 0.0, i
    while j < len(tokens):
        word = tokens[j].low
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in MULTIPLIERS and current:
            current *= MULTIPLIERS[word]
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        elif word == "-" and j + 1 < len(tokens) and tokens[j + 1].low in UNITS and tokens[j - 1].low in TENS or word == "and" and j + 1 < len(tokens) and _is_word_number(tokens[j + 1].low) and current >= 100:
            pass
        else:
            break
        j += 1
    if tokens[j - 1].low in ("-", "and"):
        j -= 1
    return _half_suffix(tokens, j, total + current, unit_words)


def _half_suffix(tokens: list[Token], j: int, value: float, unit_words: frozenset[str]) -> tuple[float, int]:
    words = words_of(tokens)[j:j + 4]
    if words[:3] == ["and", "a", "half"] and len(words) > 3 and words[3] in unit_words:
        return value + 0.5, j + 3
    return value, j


def format_number(value: float) -> str:
    """A number as a reviewer reads it: thousands separators, no trailing ".0"."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.1f}"


def scan(tokens: list[Token], match: Callable[[list[Token], int], tuple[T, int] | None]) -> list[tuple[int, int, T]]:
    """(start, end, value) of each phrase `match` reads at a token, left to right, phrases never overlapping.

    `match(tokens, i)` returns the value read at token i and the index after the phrase, or None.
    """
    found, i = [], 0
    while i < len(tokens):
        matched = match(tokens, i)
        if matched is None:
            i += 1
            continue
        value, k = matched
        found.append((tokens[i].start, tokens[k - 1].end, value))
        i = k
    return found
