"""Quote wording: where two outlets quote the same words differently in a token that changes the meaning.

"Wendy Wasserman Schultz" against "Debbie Wasserman Schultz", "40 people" against "14 people", "we will"
against "we will not": a name, a number, a negation or a quantifier. Punctuation, spelling of
contractions and dropped or added filler words are not material.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz import fuzz

from annotator.link.tokens import TENS, UNITS

QUOTE = re.compile(r"[\"\u201c\u201d]([^\"\u201c\u201d]+)[\"\u201c\u201d]")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019\-\.,]*[A-Za-z0-9]|[A-Za-z0-9]")
NEGATIONS = frozenset(["not", "no", "never", "cannot", "can't", "won't", "don't", "didn't", "doesn't", "isn't",
                       "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "shouldn't", "wouldn't",
                       "couldn't", "nor", "neither", "none", "nothing", "nobody", "without"])
QUANTIFIERS = frozenset(["all", "every", "each", "some", "many", "most", "few", "several", "any", "both",
                         "more", "less", "fewer", "only", "always", "half", "dozens", "hundreds", "thousands",
                         "millions", "billions", "first", "last"])
NUMBER_WORDS = frozenset([*UNITS, *TENS, "hundred", "thousand", "million", "billion", "dozen"])
SAME_QUOTE = 0.85
"""Two quotations whose words agree this much (or one is this close to a part of the other) are one quote."""
MIN_SHARED_WORDS = 5
"""A quotation must share this many words with the other to be compared: shorter ones are fragments."""

MAX_EDGE_REPLACE = 2
"""Different words at the very start or end are compared only when this short ("Wendy" for "Debbie"):
longer ones are each outlet quoting a different stretch."""


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int
    low: str


@dataclass(frozen=True)
class WordingDifference:
    """A material token on which two quotations of the same words differ, with offsets in each claim's text."""

    left: Word | None
    right: Word | None

    def words(self) -> tuple[str, str]:
        return (self.left.text if self.left else "(absent)", self.right.text if self.right else "(absent)")


@lru_cache(maxsize=8192)
def quotations(text: str) -> tuple[tuple[Word, ...], ...]:
    """The words of each quotation in text (offsets into text); cached, as every pair of claims asks again."""
    found = []
    for m in QUOTE.finditer(text):
        words = tuple(
            Word(w.group(), m.start(1) + w.start(), m.start(1) + w.end(), _fold(w.group()))
            for w in WORD.finditer(m.group(1))
        )
        if words:
            found.append(words)
    return tuple(found)


def _fold(word: str) -> str:
    return word.lower().replace("\u2019", "'").rstrip(".,")


def _material(words: Sequence[Word], k: int) -> bool:
    """A name, a number, a negation or a quantifier.

    A name is capitalised; the quotation's first word only when the next word is capitalised too ("Wendy
    Wasserman"), since any first word is capitalised.
    """
    word = words[k]
    if word.low in NEGATIONS or word.low in QUANTIFIERS or word.low in NUMBER_WORDS:
        return True
    if any(c.isdigit() for c in word.text):
        return True
    if not word.text[:1].isupper() or word.low in ("i", "i'm", "i've", "i'll", "i'd"):
        return False
    return k > 0 or (k + 1 < len(words) and words[k + 1].text[:1].isupper())


def _is_negation(words: Sequence[Word]) -> bool:
    return any(w.low in NEGATIONS or w.low.endswith("n't") for w in words)


def same_quote(left: Sequence[Word], right: Sequence[Word]) -> bool:
    a = " ".join(w.low for w in left)
    b = " ".join(w.low for w in right)
    if min(len(left), len(right)) < MIN_SHARED_WORDS:
        return False
    return fuzz.ratio(a, b) / 100 >= SAME_QUOTE or fuzz.partial_ratio(a, b) / 100 >= SAME_QUOTE + 0.05


def difference(left: Sequence[Word], right: Sequence[Word]) -> WordingDifference | None:
    """The first material token on which two quotations of the same words differ, else None.

    Only the stretch both quote is compared, so one outlet quoting more of the sentence is no difference.
    A replaced name, number or quantifier counts; an added or dropped word counts only when it is a negation.
    """
    if not same_quote(left, right):
        return None
    matcher = SequenceMatcher(None, [w.low for w in left], [w.low for w in right], autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return None
    first_a, first_b = blocks[0].a, blocks[0].b
    last_a, last_b = blocks[-1].a + blocks[-1].size, blocks[-1].b + blocks[-1].size
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        outside = i2 <= first_a and j2 <= first_b or i1 >= last_a and j1 >= last_b
        if tag == "equal" or outside and (tag != "replace" or max(i2 - i1, j2 - j1) > MAX_EDGE_REPLACE):
            continue
        if tag == "replace":
            if _replaced_materially(left, right, i1, i2, j1, j2):
                return WordingDifference(left[i1], right[j1])
        elif _is_negation(left[i1:i2]) or _is_negation(right[j1:j2]):
            return WordingDifference(left[i1] if i2 > i1 else None, right[j1] if j2 > j1 else None)
    return None


def _replaced_materially(left: Sequence[Word], right: Sequence[Word], i1: int, i2: int, j1: int, j2: int) -> bool:
    mine, theirs = left[i1:i2], right[j1:j2]
    if {w.low for w in mine} == {w.low for w in theirs} or _abbreviated(mine, theirs) or _acronym(mine, theirs):
        return False
    if _is_negation(mine) != _is_negation(theirs):
        return True
    return any(_material(left, k) for k in range(i1, i2)) and any(_material(right, k) for k in range(j1, j2))


def _abbreviated(mine: Sequence[Word], theirs: Sequence[Word]) -> bool:
    """One word shortened to the other ("Sen." for "Senator", "Gov." for "Governor"): the same word."""
    if len(mine) != 1 or len(theirs) != 1:
        return False
    a, b = sorted((mine[0].low.rstrip("."), theirs[0].low.rstrip(".")), key=len)
    return len(a) >= 2 and b.startswith(a) and not any(c.isdigit() for c in a + b)


def _acronym(mine: Sequence[Word], theirs: Sequence[Word]) -> bool:
    """One side writes as an acronym the name the other spells out ("US" or "U.S." for "United States")."""
    for short, long in ((mine, theirs), (theirs, mine)):
        if len(short) == 1 and len(long) >= 2 and all(w.text[:1].isupper() for w in long):
            letters = short[0].text.replace(".", "")
            if letters.isupper() and letters == "".join(w.text[0] for w in long):
                return True
    return False


def wording_difference(left_text: str, right_text: str) -> WordingDifference | None:
    """The first material difference between any quotation in one text and the same quotation in the other."""
    for left in quotations(left_text):
        for right in quotations(right_text):
            found = difference(left, right)
            if found:
                return found
    return None
