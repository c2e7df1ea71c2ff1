"""Reading the amount part of a figure: a number, a span ("20 to 30") or a vague size ("tens of thousands").

Durations and counts share this grammar; each adds its own units and hedges around it.
"""

from __future__ import annotations

from annotator.link.ranges import Range, apply_hedge, exact, match_hedge, span
from annotator.link.tokens import SCALE_PLURALS, SCALES, Token, read_number, words_of

VAGUE_SIZES = {"dozens": (24, 99), "scores": (40, 199)}
"""Plural counting words with the span they stand for ("dozens" = 24 to 99)."""
FEW_WORDS = {
    ("several",): (3, 9), ("a", "few"): (2, 5), ("a", "couple", "of"): (2, 3), ("a", "couple"): (2, 3),
    ("a", "handful", "of"): (3, 6), ("few",): (2, 5),
}
"""Words for a small unstated number, as a multiplier span ("several thousand" = 3,000 to 9,000)."""


def _words(tokens: list[Token]) -> list[str]:
    return words_of(tokens)


def read_vague(tokens: list[Token], i: int) -> tuple[Range, int] | None:
    """Read "tens of thousands", "hundreds of thousands", "thousands", "dozens" at tokens[i]."""
    words = _words(tokens)
    if i >= len(words):
        return None
    word = words[i]
    if word == "tens" and words[i + 1:i + 2] == ["of"] and i + 2 < len(words) and words[i + 2] in SCALE_PLURALS:
        size = SCALE_PLURALS[words[i + 2]]
        return span(20 * size, 100 * size - 1, "vague"), i + 3
    if word in SCALE_PLURALS:
        size = SCALE_PLURALS[word]
        if words[i + 1:i + 2] == ["of"] and i + 2 < len(words) and words[i + 2] in SCALE_PLURALS:
            inner = SCALE_PLURALS[words[i + 2]]
            if inner > size:
                return span(2 * size * inner, 10 * size * inner - 1, "vague"), i + 3
        return span(2 * size, 10 * size - 1, "vague"), i + 1
    if word in VAGUE_SIZES:
        low, high = VAGUE_SIZES[word]
        return span(low, high, "vague"), i + 1
    return None


def read_core(tokens: list[Token], i: int, unit_words: frozenset[str] = frozenset()) -> tuple[Range, int] | None:
    """Read an unhedged amount at tokens[i]: a number, "X to Y", "X or Y", "between X and Y", a vague size.

    Values are in the caller's unit (the unit word itself is left for the caller to read).
    """
    words = _words(tokens)
    if i >= len(words):
        return None
    if words[i] == "between":
        first = read_number(tokens, i + 1, unit_words)
        if first and words[first[1]:first[1] + 1] == ["and"]:
            second = read_number(tokens, first[1] + 1, unit_words)
            if second:
                return span(first[0], second[0]), second[1]
        return None
    vague = read_vague(tokens, i)
    if vague:
        return vague
    for phrase, (low, high) in FEW_WORDS.items():
        if tuple(words[i:i + len(phrase)]) == phrase:
            j = i + len(phrase)
            if j < len(words) and (words[j] in SCALES or words[j] == "hundred"):
                size = SCALES.get(words[j], 100)
                return span(low * size, high * size, "vague"), j + 1
            if j < len(words) and words[j] in unit_words:
                return span(low, high, "vague"), j
            return None
    first = read_number(tokens, i, unit_words)
    if not first:
        return None
    value, j = first
    if j + 1 < len(words) and words[j] in ("-", "to", "or"):
        second = read_number(tokens, j + 1, unit_words)
        if second and second[0] > value:
            return span(value, second[0]), second[1]
    return exact(value), j


def read_hedged(tokens: list[Token], i: int) -> tuple[str, int]:
    """The hedge phrase at tokens[i] ("exact" when there is none) and the index after it."""
    words = _words(tokens)
    hedge = match_hedge(words, i)
    return hedge if hedge else ("exact", i)


def hedged(hedge: str, base: Range) -> Range:
    """Apply a hedge read by `read_hedged` to an amount."""
    return base if hedge == "exact" else apply_hedge(hedge, base)
