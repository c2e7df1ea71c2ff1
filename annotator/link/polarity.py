"""Whether a text denies what it says: "can" and "cannot" are opposite statements."""

from __future__ import annotations

import re

_NEGATION = re.compile(r"\b(?:not|no|never|cannot|nor|neither|none|nothing|nobody)\b|n[\'\u2019]t\b", re.IGNORECASE)
NEGATION_MARK = "xnot"
"""A word standing for each negation in a text marked by `mark_negations`, kept by the content-word filter."""


def is_negated(text: str) -> bool:
    """An odd number of negations, so "not saying he will not" is no denial."""
    return len(_NEGATION.findall(text)) % 2 == 1


def mark_negations(text: str) -> str:
    """The text with each negation replaced by NEGATION_MARK, so word-by-word comparison sees where it stands."""
    return _NEGATION.sub(f" {NEGATION_MARK} ", text)
