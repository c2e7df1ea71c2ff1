"""Normalising words and names so that paraphrases and naming variants compare equal.

Moscow and the Kremlin become "russia", "Sergey" and "Sergei" the same key, "soldiers", "troops" and
"forces" one concept, and "met", "meeting" and "talks" one frame, without a language model.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

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

IRREGULAR = {
    "met": "meet", "said": "say", "says": "say", "told": "tell", "held": "hold", "made": "make",
    "took": "take", "taken": "take", "gave": "give", "given": "give", "left": "leave", "sent": "send",
    "spoke": "speak", "spoken": "speak", "began": "begin", "begun": "begin", "went": "go", "gone": "go",
    "came": "come", "saw": "see", "seen": "see", "thought": "think", "brought": "bring", "sought": "seek",
    "fought": "fight", "won": "win", "lost": "lose", "ran": "run", "children": "child", "men": "man",
    "women": "woman", "people": "people", "news": "news", "was": "be", "were": "be", "is": "be", "are": "be",
    "been": "be", "being": "be", "am": "be", "had": "have", "has": "have", "did": "do", "does": "do",
    "done": "do", "wrote": "write", "written": "write", "chose": "choose", "chosen": "choose",
    "drew": "draw", "drawn": "draw", "grew": "grow", "grown": "grow", "rose": "rise", "risen": "rise",
    "fell": "fall", "fallen": "fall", "struck": "strike", "led": "lead", "kept": "keep", "meant": "mean",
    "felt": "feel", "paid": "pay", "sold": "sell", "bought": "buy", "stood": "stand", "knew": "know",
    "known": "know", "heard": "hear", "built": "build", "spent": "spend", "agreed": "agree",
    "crises": "crisis", "analyses": "analysis",
}

SYNONYMS: dict[str, tuple[str, ...]] = {
    "troop": ("troops", "soldier", "soldiers", "force", "forces", "personnel", "servicemen", "units"),
    "people": ("person", "persons", "residents", "civilians", "inhabitants", "villagers"),
    "border": ("frontier", "frontiers", "borders", "boundary"),
    "talk": ("talks", "meeting", "meet", "discussion", "discuss", "negotiation", "negotiate", "session",
             "conversation", "consultations", "summit", "encounter"),
    "mass": ("massed", "amass", "amassed", "deploy", "deployed", "station", "stationed", "gather",
             "build-up", "buildup", "assemble", "assembled", "concentrate"),
    "say": ("tell", "state", "add", "remark", "announce", "declare", "note"),
    "warn": ("caution", "threaten"),
    "attack": ("invade", "invasion", "assault", "offensive", "incursion"),
    "answer": ("response", "reply", "respond"),
    "demand": ("proposal", "proposals", "request"),
    "ready": ("prepared", "willing"),
    "blockade": ("closure", "siege", "shutdown"),
}
"""Concepts and the words (any inflection) that express them in news copy."""

STOPWORDS = frozenset(["a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "over", "under", "about", "as", "than", "that", "this", "these", "those", "there", "their", "they", "them", "he", "him", "his", "she", "her", "it", "its", "we", "us", "our", "you", "your", "i", "me", "my", "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not", "only", "own", "same", "so", "too", "very", "can", "will", "just", "would", "could", "should", "may", "might", "must", "shall", "do", "be", "have", "also", "then", "once", "here", "out", "up", "down", "off", "again", "further", "while", "after", "before", "during", "between", "through", "above", "below", "until", "against", "because", "mr", "mrs", "ms", "dr", "say", "tell", "s", "t", "re", "ll", "ve", "d", "m", "one", "said"])

QUANTITY_WORDS = frozenset(["zero", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions", "tens", "dozen", "dozens", "half", "couple", "several", "nearly", "almost", "roughly", "approximately", "around", "estimated", "least", "fewer", "less", "many", "much"])
"""Number and hedge words: left out of matching so that reports differing only in a figure still match."""

TITLES = frozenset(
    ["mr", "mrs", "ms", "dr", "sir", "president", "secretary", "minister", "foreign", "prime", "chancellor", "general", "spokesman", "spokeswoman", "spokesperson", "ambassador", "senator", "governor", "mayor", "deputy", "top", "state", "of", "the", "u.s.", "us", "russian"]
)

_WORD = re.compile(r"[A-Za-z][\w'\-]*")
_FIRST_WORD = re.compile(r"[^\W_]+")
_WORD_START = re.compile(r"[^\W_]+")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light lemma: irregular forms from a table, then plural, past and -ing endings and a final e."""
    w = word.lower()
    if w in IRREGULAR:
        return IRREGULAR[w]
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "ches", "shes", "xes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("ied") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("eed"):
        w = w[:-1]
    elif w.endswith("ed") and len(w) > 4:
        w = _undouble(w[:-2])
    elif w.endswith("ing") and len(w) > 5:
        w = _undouble(w[:-3])
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


def _undouble(w: str) -> str:
    if len(w) > 2 and w[-1] == w[-2] and w[-1] not in "lsz":
        return w[:-1]
    return w


@lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    """A spelling-tolerant key: no accents, y read as i, doubled letters once ("Sergey" = "Sergei")."""
    ascii_word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    ascii_word = ascii_word.replace("ph", "f").replace("y", "i")
    return re.sub(r"([a-z])\1+", r"\1", ascii_word)


@lru_cache(maxsize=1)
def _concepts() -> dict[str, str]:
    table: dict[str, str] = {}
    for concept, words in SYNONYMS.items():
        for word in (concept, *words):
            table[stem(word)] = concept
    return table


@lru_cache(maxsize=65536)
def concept(word: str) -> str:
    """The normalised key of one word: its stem, mapped through the synonym table, spelling-tolerant."""
    stemmed = stem(word)
    return name_key(_concepts().get(stemmed, stemmed))


@lru_cache(maxsize=65536)
def frame_of(word: str) -> str:
    """The event frame a word evokes ("met", "talks" -> "talk", "confirmed" -> "say"), or "" for none."""
    key = _concepts().get(stem(word), "")
    return key if key in ("talk", "say", "attack") else FRAME_WORDS.get(stem(word), "")


FRAME_WORDS = {
    stem(w): frame
    for frame, words in {
        "call": ("phone", "telephone", "phone call"),
        "conference": ("conference", "presser", "briefing"),
        "speech": ("speech", "address"),
        "visit": ("visit", "trip", "tour", "flight"),
        "vote": ("vote", "election", "ballot"),
        "sign": ("sign", "signing", "signature"),
        "arrive": ("arrive", "arrival", "land"),
        "start": ("begin", "start", "launch", "commence", "onset"),
        "say": ("confirm", "promise", "insist", "reiterate", "claim", "vow", "pledge", "stress", "warn",
                "acknowledge", "admit", "deny", "argue", "urge", "describe", "call", "comment"),
    }.items()
    for w in words
}


DURATION_FRAMES = {"speak": "talk"}
"""Words that name a talk only when a length follows them ("spoke for nearly four hours")."""


def content_keys(text: str) -> list[str]:
    """The normalised content words of a text, in order, stopwords and numbers left out.

    A proper noun (capitalised inside a sentence, or written in capitals) is a name: it is kept whole,
    only spelling-folded, so "CNN" stays "cnn" and "Agency" never becomes "agenci".
    """
    keys = []
    for match in _WORD.finditer(text):
        reading = _word_reading(match.group())
        if reading is None:
            continue
        proper, name, common = reading
        if proper is None:  # capitalised: a name unless a sentence can start here
            before = match.start() - 1
            while before >= 0 and text[before].isspace():  # looked back without copying the text before the word
                before -= 1
            proper = before >= 0 and text[before] not in _SENTENCE_OPENERS
        key = name if proper else common
        if key:
            keys.append(key)
    return keys


_SENTENCE_OPENERS = frozenset(".!?\"\u201c\u2018(:;\u2014\u2013-")


@lru_cache(maxsize=65536)
def _word_reading(written: str) -> tuple[bool | None, str, str] | None:
    """How `content_keys` reads one written word, worked out once per spelling: None for a stopword or a number,
    else (proper noun: True, False or None when it depends on what precedes it, name key, common key); a key
    that is itself a stopword or a single letter is "" (left out)."""
    raw = written.strip("'-")
    word = raw.lower().removesuffix("'s")
    if not word or word in STOPWORDS or word in QUANTITY_WORDS:
        return None
    if not raw[:1].isupper() or raw.lower() in IRREGULAR and not (len(raw) >= 2 and raw.isupper()):
        proper: bool | None = False
    else:
        proper = True if len(raw) >= 2 and raw.isupper() else None
    name = name_key(word) if proper is not False else ""
    common = concept(word) if proper is not True else ""
    return proper, _kept(name), _kept(common)


def _kept(key: str) -> str:
    return key if key not in STOPWORDS and len(key) > 1 else ""


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
