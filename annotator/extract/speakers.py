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
    "councillor", "councilor", "commissioner", "director", "inspector", "superintendent", "sergeant", "sgt",
    "lieutenant", "lt", "admiral", "marshal", "bishop", "archbishop", "cardinal", "rev", "reverend", "rabbi",
    "imam", "sheikh", "lord", "lady", "baroness", "baron", "mp", "mep", "congressman", "congresswoman",
    "representative", "chairman", "chairwoman", "chair", "ceo", "coach", "economist", "analyst", "officer",
}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_GIVEN_NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
NOT_GIVEN_NAMES = frozenset(
    """the a an and but or so then in on at of for from with by to as after before when while if since
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december his her their its our my your this that these those he she they we""".split()
)
"""Capitalised words that start a sentence or a phrase but are never a first name."""
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

    def add_full_forms(self, body: str, blocked: Iterable[tuple[int, int]] = ()) -> None:
        """Take longer forms of known people's names from the text itself ("Ilse Marquardt" where the model only
        marked "Ms Marquardt" as a person): a capitalised first name right before a known surname.

        Words inside `blocked` character spans (places, organisations, dates the model found) are never first names.
        """
        blocked = list(blocked)
        for surname_key, known in list(self._by_surname.items()):
            surname = known.split()[-1]
            for match in re.finditer(rf"\b({_GIVEN_NAME})\s+{re.escape(surname)}\b", body):
                given = match.group(1)
                if (given.lower() in HONORIFICS or given.lower() in NOT_GIVEN_NAMES
                        or any(a <= match.start(1) < b for a, b in blocked)):
                    continue
                candidate = f"{given} {surname}"
                current = self._by_surname[surname_key]
                if len(candidate.split()) > len(current.split()) and _compatible(current, candidate):
                    self._by_surname[surname_key] = candidate

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
