"""Whether two claims name the same thing in different forms: shortened ("Tex." and "Texas"), inflected
("Democrats" and "Democratic"), or a noun and its adjective ("Israel" and "Israeli")."""

from __future__ import annotations

import os

MIN_SHORT_FORM = 3
"""Letters a shortened name ("Dept", "Tex") must keep to stand for the longer word it begins."""
MIN_SHARED_STEM = 6
"""Letters two forms of one name ("Democrats", "Democratic") must share from the start."""


def unnamed(names: frozenset[str], other: tuple[frozenset[str], frozenset[str]]) -> frozenset[str]:
    """The names that another claim (its keys, its names) neither holds nor writes in another form."""
    words, named = other
    return frozenset(
        n for n in names
        if n not in words and not any(_one_form(n, w, w in named) for w in words)
    )


def _one_form(name: str, word: str, word_is_name: bool) -> bool:
    """Whether a name and another claim's word are one name: the name shortened ("dep" for "department"), the word
    a name shortened ("tex" for "texas"; a plain word that begins a name is no mention of it), or both differing only
    in their last letters from a long shared start ("democrats", "democratic"; not "iran", "iraq")."""
    if len(name) >= MIN_SHORT_FORM and word.startswith(name):
        return True
    if word_is_name and len(word) >= MIN_SHORT_FORM and name.startswith(word):
        return True
    shared = len(os.path.commonprefix((name, word)))
    return shared >= MIN_SHARED_STEM and shared >= min(len(name), len(word)) - 1


def same_forms(left: frozenset[str], right: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The two sets with each key of one that another form of a key of the other ("republicans" and "republican",
    "democrat" and "democratic", "israel" and "israeli") begins with written as that key, so a noun and its adjective
    or plural are one group, not two differing ones."""
    def fold(keys: frozenset[str], others: frozenset[str]) -> frozenset[str]:
        return frozenset(min((o for o in others if k.startswith(o) or o.startswith(k)), key=len, default=k) for k in keys)
    return fold(left, right | left), fold(right, left | right)
