"""Whether a text denies what it says: "can" and "cannot" are opposite statements."""

from __future__ import annotations

import re

_NEGATION = re.compile(r"\b(?:not|no|never|cannot|nor|neither|none|nothing|nobody)\b|n[\'\u2019]t\b", re.IGNORECASE)
_CORRELATIVE = re.compile(r"\bnot\s+(?:only|just|merely|simply)\b(?=.*\bbut\b)", re.IGNORECASE | re.DOTALL)
"""The "not" of "not only ... but (also)", which adds to what is said rather than denying it."""
NEGATION_MARK = "xnot"
"""A word standing for each negation in a text marked by `mark_negations`, kept by the content-word filter."""


def is_negated(text: str) -> bool:
    """An odd number of negations, so "not saying he will not" is no denial; "not only ... but" is none."""
    return len(_NEGATION.findall(_CORRELATIVE.sub(" ", text))) % 2 == 1


def mark_negations(text: str) -> str:
    """The text with each negation replaced by NEGATION_MARK, so word-by-word comparison sees where it stands."""
    return _NEGATION.sub(f" {NEGATION_MARK} ", _CORRELATIVE.sub(" ", text))
