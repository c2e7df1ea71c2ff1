"""Whether a name written in an article can mean a person it named before, beyond its words being in their name
(`speakers.words_in_order`): the same suffix, and no office the person cannot hold together with theirs, so "Mr. Roe"
finds "Tom Roe Jr." and "President Roe" never finds "first lady Ann Roe"."""

from __future__ import annotations

from collections.abc import Set
from typing import Optional

from annotator.extract.speakers import has_suffix

OFFICES = frozenset(
    {"president", "vice president", "first lady", "senator", "representative", "governor", "mayor", "justice",
     "judge", "speaker", "king", "queen", "prince", "pope"}
)
"""Roles one person seldom holds together: "President Roe" and "first lady Ann Roe" are two people."""


def suffix_allows(words: list[str], full: list[str], answers_to_surname: bool) -> bool:
    """A name without its suffix fits a suffixed person only as a bare surname ("Mr. Roe" for "Tom Roe Jr."), and
    only when the article did not write that surname before introducing them: "Tom Roe" is the father."""
    if has_suffix(words) or not has_suffix(full):
        return True
    return len(words) == 1 and answers_to_surname


def offices_agree(held_gender: Optional[str], held_roles: Set[str], gender: Optional[str], roles: Set[str]) -> bool:
    """The mention's gender and offices do not contradict the person's."""
    if gender and held_gender and gender != held_gender:
        return False
    offices, held = roles & OFFICES, held_roles & OFFICES
    return not (offices and held and not offices & held)
