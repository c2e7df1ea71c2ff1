"""Counts in text ("some 100,000 troops", "tens of thousands of soldiers") as ranges with the thing counted."""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.link.amounts import (
    FEW_WORDS,
    VAGUE_SIZES,
    hedged,
    read_core,
    read_hedged,
)
from annotator.link.dates import MONTHS
from annotator.link.ranges import INF, Range
from annotator.link.tokens import (
    SCALE_PLURALS,
    SCALES,
    TENS,
    UNITS,
    Token,
    digits_value,
    tokenize,
    words_of,
)

CURRENCIES = {"$": "dollars", "€": "euros", "£": "pounds"}
NOT_COUNTED = frozenset(
    ["percent", "per", "cent", "pc", "%", "am", "pm", "a.m", "p.m", "gmt", "utc", "bst", "est", "cet", "times"]
)
"""Words after a number that make it a percentage, a time of day or a ratio rather than a count."""
NOUN_STOP = frozenset(
    ["the", "a", "an", "to", "in", "on", "at", "and", "with", "were", "was", "is", "are", "has", "have", "had", "that", "which", "who", "as", "by", "from", "for", "but", "or", "than", "into", "across", "near", "along", "while", "since", "after", "before", "said"]
)
PLURAL_NOUNS = frozenset(["people", "children", "men", "women", "police", "personnel", "staff", "military", "aircraft"])
NOUN_WINDOW = 4
OTHERS = frozenset(["other", "others"])
""""three other women": the figure leaves out someone already named, so the whole is at least that many."""
INCREMENTS = frozenset(["more", "additional", "further", "extra", "new"])
""""three more deaths": the figure is added to an earlier total, not a total of its own."""
PART_OF = frozenset(["the", "those", "these", "its", "their", "his", "her", "our"])
""""Fifteen of the 19 hijackers": the first figure is a part; the whole (19) is read on its own."""
MAX_HEDGE_TOKENS = 4
"""Longest hedge before a figure, in tokens ("a little more than", "an estimated")."""
NUMBER_WORDS = frozenset(
    [*UNITS, *TENS, *SCALES, *SCALE_PLURALS, *VAGUE_SIZES, "hundred", "dozen"]
    + [word for phrase in FEW_WORDS for word in phrase if word not in ("a", "of")]
)
"""Words without which a text written without digits holds no count."""


@dataclass(frozen=True)
class FoundCount:
    """A count in a text: its character span, its range, and the noun naming what is counted."""

    start: int
    end: int
    value: Range
    noun: str
    modifier: str = ""
    """A lowercase word between the figure and the noun ("cargo" in "1,200 cargo ships"), or ""."""


def _looks_plural(word: str) -> bool:
    return word in PLURAL_NOUNS or (
        len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s"))
    )


def _counted_noun(tokens: list[Token], k: int, currency: str | None) -> tuple[str, str]:
    """The noun naming what is counted (the first plural word in the few words after the figure) and
    the lowercase word just before it, which narrows what is counted ("cargo ships", "patrol boats")."""
    if currency:
        return currency, ""
    modifier = ""
    window = list(tokens[k:k + NOUN_WINDOW + 2])
    for n, token in enumerate(window[:NOUN_WINDOW + 2]):
        word = token.low
        if word == "of" or word == "-" or _names_a_day(window, n):
            continue
        if not word.isalpha() or word in NOUN_STOP:
            return "", ""
        if _looks_plural(word):
            return word, modifier
        modifier = word if token.text.islower() else ""
    return "", ""


def _names_a_day(window: list[Token], n: int) -> bool:
    """Whether window[n] is the month or the day of "Sept. 11" standing inside a noun phrase."""
    token = window[n]
    if token.low in MONTHS and token.text[:1].isupper():
        return n + 1 < len(window) and window[n + 1].text.isdigit()
    return token.text.isdigit() and n > 0 and window[n - 1].low in MONTHS and window[n - 1].text[:1].isupper()


def _is_year(token: Token, hedge: str, value: Range) -> bool:
    number = digits_value(token)
    return (
        number is not None and hedge == "exact" and value.hedge == "exact" and re.fullmatch(r"\d{4}", token.text)
        is not None and 1800 <= number <= 2100
    )


def _not_a_count(tokens: list[Token], j: int, k: int) -> bool:
    """Figures that count nothing here: "9/11" and "24/7", the day in "Sept. 11 hijackers", a part
    ("15 of the 19"), and an increment ("three more")."""
    words = words_of(tokens)
    if k < len(words) and words[k] == "/" or j > 0 and words[j - 1] == "/":
        return True
    if j > 0 and words[j - 1] in MONTHS and tokens[j - 1].text[:1].isupper():
        return True
    if words[k:k + 1] == ["of"] and k + 2 < len(words) and words[k + 1] in PART_OF and words[k + 2][:1].isdigit() or (
        words[k:k + 1] == ["of"] and k + 2 < len(words) and words[k + 1] in PART_OF and words[k + 2] in NUMBER_WORDS
    ):
        return True
    return k < len(words) and words[k] in INCREMENTS


def _possible_starts(tokens: list[Token]) -> set[int]:
    """Token positions where a count may begin: a number word or digits, or a hedge just before one."""
    cores = [i for i, t in enumerate(tokens) if t.low[:1].isdigit() or t.low in NUMBER_WORDS or t.low == "between"]
    return {start for i in cores for start in range(max(0, i - MAX_HEDGE_TOKENS), i + 1)}


def find_counts(text: str, skip: list[tuple[int, int]] = ()) -> list[FoundCount]:
    """Every count of a named thing in text, left to right, ignoring figures inside the `skip` spans."""
    tokens = tokenize(text)
    if not tokens.has_digits and not tokens.vocabulary & NUMBER_WORDS:
        return []
    starts = _possible_starts(tokens)
    found, i = [], 0
    while i < len(tokens):
        if i not in starts:
            i += 1
            continue
        if any(s <= tokens[i].start < e for s, e in skip):
            i += 1
            continue
        hedge, j = read_hedged(tokens, i)
        core = read_core(tokens, j)
        if core is None or any(s <= tokens[j].start < e for s, e in skip):
            i += 1
            continue
        value, k = core
        first = tokens[j]
        glued = first.start > 0 and (text[first.start - 1].isalpha() or text[first.start - 1] == "-")
        after = tokens[k].low if k < len(tokens) else ""
        if glued or after in NOT_COUNTED or after == ":" or _is_year(first, hedge, value) or _not_a_count(tokens, j, k):
            i = k
            continue
        if value.hedge == "exact" and value.nominal == 1:
            i = k
            continue
        before = tokens[i - 1].text if i > 0 else ""
        value = hedged(hedge, value)
        if after in OTHERS:
            value = Range(value.low, INF, nominal=value.nominal, hedge="at least")
            k += 1
        noun, modifier = _counted_noun(tokens, k, CURRENCIES.get(before))
        if noun:
            found.append(FoundCount(tokens[i].start, tokens[k - 1].end, value, noun, modifier))
        i = k
    return found


def parse_count(text: str) -> Range | None:
    """The first figure in text as a range ("some 100,000" -> [90,000, 110,000]), with or without a noun."""
    tokens = tokenize(text)
    for i in range(len(tokens)):
        hedge, j = read_hedged(tokens, i)
        core = read_core(tokens, j)
        if core is not None:
            return hedged(hedge, core[0])
    return None
