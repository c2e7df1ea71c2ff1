"""Acronyms and the names they stand for: "CIA" and "Central Intelligence Agency" give one key."""

from __future__ import annotations

import re

_CAPITALS = re.compile(r"\b([A-Z]{2,6})(?:s|'s|\u2019s)?\b")
_NAME_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:of|for|and|on|the|&)?\s*[A-Z][a-z]+)+")
LINKING_WORDS = frozenset(["of", "for", "and", "on", "the", "&"])
MIN_WORDS = 2
MIN_LETTERS = 3
"""A run gives a key only with this many initials: "White House" or a person's two names are no acronym."""


def written_acronyms(text: str) -> set[str]:
    """"acr:<letters>" for each acronym written in capitals in text ("CIA", "FBI's")."""
    return {f"acr:{m.group(1).lower()}" for m in _CAPITALS.finditer(text)}


def acronym_keys(text: str, known: frozenset[str] | set[str]) -> set[str]:
    """The acronyms in text, and the `known` acronyms that its runs of capitalised words spell out.

    "the Central Intelligence Agency" gives "acr:cia" when some report of the event writes "CIA";
    linking words are skipped ("Department of Homeland Security" gives "acr:dhs"), and every tail of
    a run is tried, since a title or a place often stands before the name. Only acronyms written
    somewhere in the event count, so runs of names spell no stray keys.
    """
    keys = written_acronyms(text)
    for run in _NAME_RUN.finditer(text):
        words = [w for w in run.group().split() if w.lower() not in LINKING_WORDS]
        for start in range(len(words) - MIN_WORDS + 1):
            key = "acr:" + "".join(w[0] for w in words[start:]).lower()
            if len(key) - 4 >= MIN_LETTERS and key in known:
                keys.add(key)
    return keys


def spelled_out(name: str, known: frozenset[str] | set[str]) -> str:
    """The acronym a name spells out when the event writes it ("Sarn Water Authority" -> "swa"), else ""."""
    words = [w for w in name.split() if w.lower() not in LINKING_WORDS and w[:1].isupper()]
    if len(words) < MIN_LETTERS:
        return ""
    initials = "".join(w[0] for w in words).lower()
    return initials if f"acr:{initials}" in known else ""
