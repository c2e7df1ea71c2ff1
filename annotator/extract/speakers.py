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
    "doctor", "speaker", "detective", "father", "sister", "brother", "pastor", "sheriff", "madam", "mister",
    "constable", "commander", "lady", "dean", "principal", "inspector",
}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
NOT_GIVEN_NAMES = frozenset(
    """the a an and but or so then in on at of for from with by to as after before when while if since
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december his her their its our my your this that these those he she they we
    under despite unlike although because without against like meanwhile however still also even only yet both
    either neither whereas though unless until upon during over through into onto about above below across behind
    beyond near towards toward via per amid among between within around outside inside thanks according including
    instead already now later earlier today yesterday tomorrow last next asked told says said added wrote replied
    continued argued noted explained insisted tweeted posted responded countered""".split()
)
"""Capitalised words that start a sentence or a phrase but are never a first name."""
_EDGE_JUNK = " \t\n,.;:\"'“”‘’()[]"
_PARTICLES = frozenset("of the for and on in at to de da del della di du van von der den ten bin al el la le y".split())
_PRONOUNS = frozenset("i we you he she it they him her them us me this that who which one".split())
_OWNED_ORGANISATIONS = frozenset({"campaign", "administration", "government", "team", "office"})
_MAX_NAME_WORDS = 6
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Generational suffixes that end a name ("Tom Roe Jr."): the surname is the word before them."""
_ABBREVIATED_SUFFIXES = frozenset({"jr", "sr"})


def is_name(speaker: str) -> bool:
    """True when a speaker string reads as a person's or an organisation's name, not a description or a thing."""
    words = speaker.split()
    if words and words[0] in ("the", "The") and len(words) > 1:
        words = words[1:]
    if len(words) > 1 and words[-1] in _OWNED_ORGANISATIONS:
        words = words[:-1]
    if not words or len(words) > _MAX_NAME_WORDS or "," in speaker:
        return False
    if not words[0][:1].isupper() or words[-1].lower() in _PARTICLES:
        return False
    for word in words:
        bare = word.strip(".'’\"()")
        if not bare or bare.lower() in _PRONOUNS:
            return False
        if not (any(ch.isupper() for ch in bare) or bare[0].isdigit() or bare.lower() in _PARTICLES):
            return False
    return not all(word.lower().strip(".") in HONORIFICS | _PARTICLES for word in words)


def capitalised(text: str) -> bool:
    """True when every word of a name is capitalised, a number or a particle ("Bank of Valdremo", not "Valdremo
    harbour committee", which only describes the body)."""
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _PARTICLES or not w[:1].isalpha() for w in text.split())


def clean_name(text: str) -> str:
    """A person mention without titles (and whatever precedes the last title: "House Speaker Pelosi" -> "Pelosi"),
    leading function words ("Outside Ahmed's" -> "Ahmed"), possessive or surrounding punctuation."""
    words = [w for w in text.strip(_EDGE_JUNK).split() if w]
    for index, word in enumerate(words[:-1]):  # "Ann Roe's Office": the name ends at the possessive
        if index and _POSSESSIVE.search(word) and word[-2:] in ("'s", "’s"):
            words = words[: index + 1]
            break
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    while len(words) > 1 and (words[0].lower().rstrip(".") in HONORIFICS or words[0].lower() in NOT_GIVEN_NAMES):
        words.pop(0)
    titled = [i for i, word in enumerate(words[:-1]) if word.lower().rstrip(".") in HONORIFICS]
    if titled:  # "House Speaker Pelosi", "Bank of England Governor Andrew Bailey": the name follows the last title
        words = words[titled[-1] + 1 :]
    return " ".join(_word(w) for w in words if w.strip(_EDGE_JUNK))


def surname(name: str) -> str:
    """The lower-cased surname of a cleaned name: its last word, or the one before a suffix ("Roe Jr." -> "roe")."""
    words = name.lower().split()
    if len(words) > 1 and words[-1].rstrip(".") in SUFFIXES:
        return words[-2]
    return words[-1] if words else ""


def has_suffix(words: list[str]) -> bool:
    """True when the words of a name end with a generational suffix ("Tom Roe Jr.")."""
    return len(words) > 1 and words[-1].lower().rstrip(".") in SUFFIXES


def _word(word: str) -> str:
    """A word of a name without surrounding punctuation; an initial keeps its full stop ("James B. Roe"), and so
    does an abbreviated suffix, wherever the sentence's own full stop took it ("Tom Roe Jr." at a sentence end)."""
    bare = word.strip(_EDGE_JUNK)
    if len(bare) == 1 and bare.isupper() and word.rstrip(",;:)]\"'”’").endswith("."):
        return bare + "."
    if bare.lower() in _ABBREVIATED_SUFFIXES:
        return bare + "."
    return bare


class NameTable:
    """The people named in one article, each surname mapped to the fullest form of the name seen.

    A surname borne by two people ("Anna Berg", "Tom Berg") maps to nobody: a bare "Berg" is then left as written
    rather than guessed.
    """

    def __init__(self, person_mentions: Iterable[str]) -> None:
        self._by_surname: dict[str, str] = {}
        self._ambiguous: set[str] = set()
        for mention in person_mentions:
            name = clean_name(mention)
            if name and name[0].isupper():
                self._add(name)

    def _add(self, name: str) -> None:
        key = surname(name)
        if key in self._ambiguous:
            return
        known = self._by_surname.get(key)
        if known is None or (_compatible(known, name) and len(name.split()) > len(known.split())):
            self._by_surname[key] = name
        elif not _compatible(known, name) and not _compatible(name, known):
            del self._by_surname[key]
            self._ambiguous.add(key)

    def add_first_names(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Complete known surnames with the first names written right before them in the text.

        `pairs` are (first name, surname) read from the article, for names the model did not mark in full ("Ilse
        Marquardt" where it only marked "Ms Marquardt" as a person). A surname preceded by two different first
        names belongs to two people and is left short.
        """
        found: dict[str, set[str]] = {}
        for given, family in pairs:
            key = family.lower()
            if key in self._by_surname and given.lower() not in HONORIFICS | NOT_GIVEN_NAMES:
                found.setdefault(key, set()).add(given)
        for key, givens in found.items():
            words = self._by_surname[key].split()
            written = " ".join(words[[w.lower() for w in words].index(key):])  # "Roe Jr." keeps its suffix
            for given in sorted(givens):
                self._add(f"{given} {written}")

    def canonical(self, mention: str) -> Optional[str]:
        """The fullest known form of a person mention, or the cleaned mention when the surname is new or shared."""
        name = clean_name(mention)
        if not name:
            return None
        known = self._by_surname.get(surname(name))
        if known is not None and _compatible(name, known):
            return known
        return name

    def is_known_person(self, mention: str) -> bool:
        """True when the mention's surname belongs to a person named in the article."""
        name = clean_name(mention)
        key = surname(name) if name else ""
        return bool(name) and (key in self._by_surname or key in self._ambiguous)


def _compatible(short: str, full: str) -> bool:
    return words_in_order(short.split(), full.split())


def words_in_order(short: list[str], full: list[str]) -> bool:
    """Every word of the short form appears, in order, in the full form (initials allowed)."""
    full_lower = [w.lower() for w in full]
    position = 0
    for word in (w.lower() for w in short):
        while position < len(full_lower) and not (
            full_lower[position] == word or (word.endswith(".") and full_lower[position].startswith(word[:-1]))
        ):
            position += 1
        if position == len(full_lower):
            return False
        position += 1
    return True
