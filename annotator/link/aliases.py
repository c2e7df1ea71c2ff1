"""Names that stand for one country or body in news text ("Moscow", "the Kremlin", "Russian" for Russia), found in
claims and mapped to one key, so two reports naming it differently still share it."""

from __future__ import annotations

import re
from collections.abc import Mapping

from annotator.link.normalise import STOPWORDS, TITLES, name_key

_FIRST_WORD = re.compile(r"[^\W_]+")

DEFAULT_ALIASES: dict[str, str] = {
    "russia": "russia", "russian": "russia", "russians": "russia", "moscow": "russia", "kremlin": "russia",
    "the kremlin": "russia", "russian federation": "russia",
    "united states": "united_states", "the united states": "united_states", "US": "united_states",
    "U.S.": "united_states", "USA": "united_states", "U.S.A.": "united_states", "america": "united_states",
    "american": "united_states", "americans": "united_states", "washington": "united_states",
    "white house": "united_states", "the white house": "united_states",
    "ukraine": "ukraine", "ukrainian": "ukraine", "ukrainians": "ukraine", "kyiv": "ukraine", "kiev": "ukraine",
    "UK": "united_kingdom", "U.K.": "united_kingdom", "britain": "united_kingdom",
    "great britain": "united_kingdom", "british": "united_kingdom", "united kingdom": "united_kingdom",
    "london": "united_kingdom",
    "china": "china", "chinese": "china", "beijing": "china",
    "germany": "germany", "german": "germany", "berlin": "germany",
    "france": "france", "french": "france", "paris": "france",
    "belarus": "belarus", "belarusian": "belarus",
    "NATO": "nato", "north atlantic treaty organization": "nato",
    "EU": "eu", "european union": "eu", "brussels": "eu",
}
"""Names of a country and the capitals, governments and adjectives that stand for it in news text.

Keys written in capitals ("US", "UK") match only in capitals, so the pronoun "us" is not a country.
"""

AFFILIATIONS = frozenset([
    "republican", "democrat", "democratic", "dem", "gop", "tory", "labour", "conservative", "liberal",
    "progressive", "libertarian", "socialist", "communist", "fascist", "nazi", "nativist", "islamist", "jihadist",
    "christian", "catholic", "protestant", "evangelical", "jewish", "jew", "muslim", "islamic", "hindu", "buddhist",
    "sikh", "mormon", "sunni", "shiite", "shia", "hispanic", "latino", "latina", "arab", "black", "white", "marine",
])
"""Parties, faiths, ideologies and peoples a group entity (spaCy's NORP) names: not a country, so "Republicans"
against "Democrats" are not two countries, whatever else the claims share."""
_AFFILIATION_WORD = re.compile(r"[A-Za-z]+")


def is_affiliation(name: str) -> bool:
    """Whether a group's name is a party, faith, ideology or people rather than a nation ("Congressional
    Republicans", "anti-Islamic", "Dems"), judged by any of its words in the singular."""
    for word in _AFFILIATION_WORD.findall(name.lower()):
        if word in AFFILIATIONS or (word.endswith("s") and word[:-1] in AFFILIATIONS):
            return True
    return False


class AliasTable:
    """Finds alias mentions in text and maps entity names to canonical keys."""

    def __init__(self, aliases: Mapping[str, str] | None = None) -> None:
        table = dict(DEFAULT_ALIASES)
        table.update(aliases or {})
        self._exact = {k: v for k, v in table.items() if k.isupper() or "." in k}
        self._folded = {k.lower(): v for k, v in table.items() if k not in self._exact}
        self._by_first_word: dict[str, list[str]] = {}
        for name in sorted(table, key=lambda n: (-len(n), n)):
            first = _FIRST_WORD.match(name)
            if first:
                self._by_first_word.setdefault(first.group().lower(), []).append(name)
        firsts = sorted(self._by_first_word, key=lambda w: (-len(w), w))
        self._starts = re.compile(  # the words an alias can start with, found by the regex engine, not word by word
            r"(?<![^\W_])(?:" + "|".join(map(re.escape, firsts)) + r")(?![^\W_])" if firsts else r"(?!x)x",
            re.IGNORECASE,
        )
        self._lookups: dict[str, str | None] = {}
        self._canonicals: dict[str, str] = {}

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, canonical key) of each alias mention in text, longest alias first at each word.

        Names in capitals ("US") match only as written, the others in any case; a mention must stand
        as whole words. Only the aliases starting with each word of the text are tried, so the cost
        does not grow with the size of the table.
        """
        found: list[tuple[int, int, str]] = []
        after = 0
        for word in self._starts.finditer(text):
            start = word.start()
            if start < after or (start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_.")):
                continue
            for name in self._by_first_word.get(word.group().lower(), ()):
                end = start + len(name)
                written = text[start:end]
                if end < len(text) and (text[end].isalnum() or text[end] == "_"):
                    continue
                key = self._exact.get(written) if name in self._exact else (
                    self._folded.get(written.lower()) if written.lower() == name.lower() else None
                )
                if key and (name not in self._exact or written == name):
                    found.append((start, end, key))
                    after = end
                    break
        return found

    def replace(self, text: str) -> str:
        """The text with every alias mention replaced by its canonical key."""
        out, last = [], 0
        for start, end, key in self.find(text):
            out.append(text[last:start])
            out.append(f" {key} ")
            last = end
        out.append(text[last:])
        return "".join(out)

    def lookup(self, name: str) -> str | None:
        """The canonical key when the name is a known alias ("the Kremlin" -> "russia"), else None."""
        if name not in self._lookups:
            self._lookups[name] = self._lookup(name)
        return self._lookups[name]

    def _lookup(self, name: str) -> str | None:
        cleaned = re.sub(r"['\u2019]s$", "", name.strip()).strip(" ,'\"")
        bare = re.sub(r"^(?i:the)\s+", "", cleaned)
        for candidate in (cleaned, bare, cleaned.rstrip("."), bare.rstrip(".")):
            if candidate in self._exact:
                return self._exact[candidate]
            if candidate.lower() in self._folded:
                return self._folded[candidate.lower()]
        return None

    def canonical(self, name: str, label: str = "") -> str:
        """The canonical key of an entity name: an alias, else the key of its last word without titles.

        The last word is a person's surname ("Sergey Lavrov", "Mr Lavrov" -> "lavrov"); it is used for
        every label because small models often label a person as a place or an organisation.
        """
        if name not in self._canonicals:
            self._canonicals[name] = self._canonical(name)
        return self._canonicals[name]

    def _canonical(self, name: str) -> str:
        known = self.lookup(name)
        if known:
            return known
        words = re.findall(r"[A-Za-z][A-Za-z'\-]*", re.sub(r"['\u2019]s\b", "", name))
        names = [w for w in words if w.lower() not in TITLES and w.lower() not in STOPWORDS] or words
        return name_key(names[-1]) if names else ""
