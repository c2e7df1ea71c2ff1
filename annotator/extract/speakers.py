"""Speaker names: normalise a mention ("Mr Lavrov", "Blinken") to the fullest form used in the article."""

from __future__ import annotations

import re
from typing import Iterable, Optional

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "professor", "president", "secretary", "minister",
    "senator", "sen", "rep", "gov", "governor", "general", "gen", "chancellor", "premier", "king", "queen",
    "prince", "princess", "pope", "judge", "justice", "mayor", "ambassador", "spokesman", "spokeswoman",
    "spokesperson", "foreign", "prime", "vice", "deputy", "state", "of", "us", "u.s.", "uk", "russian",
    "ukrainian", "american", "british", "german", "french", "chief", "head", "leader", "colonel", "captain",
}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_EDGE_JUNK = " \t\n,.;:\"'“”‘’()[]"


def clean_name(text: str) -> str:
    """A person mention without titles, honorifics, possessive or surrounding punctuation."""
    words = [w for w in text.strip(_EDGE_JUNK).split() if w]
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        words.pop(0)
    return " ".join(w.strip(_EDGE_JUNK) for w in words if w.strip(_EDGE_JUNK))


class NameTable:
    """The people named in one article, each surname mapped to the fullest form of the name seen."""

    def __init__(self, person_mentions: Iterable[str]) -> None:
        self._by_surname: dict[str, str] = {}
        for mention in person_mentions:
            name = clean_name(mention)
            if not name or not name[0].isupper():
                continue
            surname = name.split()[-1].lower()
            known = self._by_surname.get(surname)
            if known is None or len(name.split()) > len(known.split()):
                self._by_surname[surname] = name

    def canonical(self, mention: str) -> Optional[str]:
        """The fullest known form of a person mention, or the cleaned mention when the surname is new."""
        name = clean_name(mention)
        if not name:
            return None
        known = self._by_surname.get(name.split()[-1].lower())
        if known is not None and _compatible(name, known):
            return known
        return name

    def is_known_person(self, mention: str) -> bool:
        """True when the mention's surname belongs to a person named in the article."""
        name = clean_name(mention)
        return bool(name) and name.split()[-1].lower() in self._by_surname


def _compatible(short: str, full: str) -> bool:
    """True when every word of the short form appears, in order, in the full form (initials allowed)."""
    full_words = [w.lower() for w in full.split()]
    position = 0
    for word in (w.lower() for w in short.split()):
        while position < len(full_words) and not (
            full_words[position] == word or (word.endswith(".") and full_words[position].startswith(word[:-1]))
        ):
            position += 1
        if position == len(full_words):
            return False
        position += 1
    return True
