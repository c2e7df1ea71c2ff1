"""Whether a text denies what it says: "can" and "cannot" are opposite statements."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_NEGATION = re.compile(r"\b(?:not|no|never|cannot|nor|neither|none|nothing|nobody)\b|n[\'\u2019]t\b", re.IGNORECASE)
_CORRELATIVE = re.compile(r"\bnot\s+(?:only|just|merely|simply)\b(?=.*\bbut\b)", re.IGNORECASE | re.DOTALL)
"""The "not" of "not only ... but (also)", which adds to what is said rather than denying it."""
_CLAUSE_BREAK = re.compile(
    r"[,;:()\u2014]|\s[\u2013-]\s|\b(?:but|while|whereas|though|although|because|since|after|before|when|who|which)\b",
    re.IGNORECASE,
)
"""Where one clause of a sentence ends: a denial in one clause says nothing of what another asserts."""
NEGATION_MARK = "xnot"
"""A word standing for each negation in a text marked by `mark_negations`, kept by the content-word filter."""

Clauses = tuple[tuple[frozenset[str], int], ...]
"""The content keys of each clause of a text, with the number of negations in it."""


def is_negated(text: str) -> bool:
    """An odd number of negations, so "not saying he will not" is no denial; "not only ... but" is none."""
    return len(_NEGATION.findall(_CORRELATIVE.sub(" ", text))) % 2 == 1


def mark_negations(text: str) -> str:
    """The text with each negation replaced by NEGATION_MARK, so word-by-word comparison sees where it stands."""
    return _NEGATION.sub(f" {NEGATION_MARK} ", _CORRELATIVE.sub(" ", text))


def clauses(text: str, keys_of: Callable[[str], Iterable[str]]) -> Clauses:
    """The clauses of a text with their keys (`keys_of` normalises a piece of text) and negation counts.

    A clause is cut at its first negation: the words before it are outside what it denies, so "critics called him
    gaffe-prone and said he hasn't raised enough money" denies nothing of his being gaffe-prone.
    """
    kept = _CORRELATIVE.sub(" ", text)
    found: list[tuple[frozenset[str], int]] = []
    for piece in _CLAUSE_BREAK.split(kept):
        if not piece.strip():
            continue
        first = _NEGATION.search(piece)
        if first and piece[:first.start()].strip():
            found.append((frozenset(keys_of(piece[:first.start()])), 0))
            piece = piece[first.start():]
        found.append((frozenset(keys_of(piece)), len(_NEGATION.findall(piece))))
    return tuple(found)


def denies(text_clauses: Clauses, about: frozenset[str]) -> bool:
    """Whether the clauses that speak of `about` (keys the text shares with another) deny it: an odd number of
    negations in them, so "she apologised, but did not resign" denies nothing of her apology."""
    return sum(negations for keys, negations in text_clauses if keys & about) % 2 == 1
