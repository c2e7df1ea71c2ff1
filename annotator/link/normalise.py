"""Normalising words and names so that paraphrases and naming variants compare equal.

"Sergey" and "Sergei" become the same key, "soldiers", "troops" and
"forces" one concept, and "met", "meeting" and "talks" one frame, without a language model.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


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
