"""Quotations sentence by sentence: two claims that print the same sentences of a statement quote the same words.

One outlet quotes three sentences of a post, another two of them and a third of its own choosing, a third prints
one sentence as a block without quotation marks. Compared whole, the quotations differ; compared sentence by
sentence, each shares words word for word with the others, and a denial in one sentence says nothing of the rest.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher

from annotator.link.polarity import NEGATION_MARK, mark_negations

_BREAK = re.compile(r"\.\s?\.\s?\.|\u2026|(?<=[.!?;])\s+")
MIN_SENTENCE_WORDS = 4
"""A sentence must have this many content words to be recognised inside a longer one ("keep every harbour
lamp lit" inside "... lamp lit, not a single one dark"); a shorter one counts only as a whole sentence of both."""
MIN_WHOLE_WORDS = 2
"""A whole sentence printed by both ("Mind the evening tide.") counts from this many content words."""
SAME_SENTENCE = 0.85
"""Share of the shorter sentence's words found in order in the other for the two to be the same words."""
Matched = tuple[list[int], list[int]]
"""Words of each left passage printed in the right ones, then of each right one in the left ones."""


@dataclass(frozen=True)
class Passage:
    """One sentence (or the stretch between two cuts, "...") of a quotation: its content words, each negation
    written as NEGATION_MARK where it stands."""

    words: tuple[str, ...]
    vocabulary: frozenset[str]
    """The words as a set, so two sentences with no word in common are told apart without aligning them."""
    size: int
    """How many content words, the negation marks left out."""


def split_passages(text: str, keys: Callable[[str], list[str]]) -> list[Passage]:
    """The sentences of `text` with their content words (`keys` normalises a piece of text); empty ones left out."""
    found = []
    for piece in _BREAK.split(text):
        words = tuple(keys(mark_negations(piece)))
        if size := _count(words):
            found.append(Passage(words, frozenset(words) - {NEGATION_MARK}, size))
    return found


def _common(p: Passage, q: Passage) -> int:
    """How many words of p are printed in q: those of the shorter when it is (nearly) all inside the other, else 0.

    The stretches the two share must hold the same negations: "the gates will not stay shut" is not in "the gates
    will stay shut until ...", while "keep every harbour lamp lit" is in "... lamp lit, not a single one dark".
    """
    if p.words == q.words:
        return p.size if p.size >= MIN_WHOLE_WORDS else 0
    short = p if p.size <= q.size else q
    if short.size < MIN_SENTENCE_WORDS:
        return 0
    if len(p.vocabulary & q.vocabulary) < len(short.vocabulary) - (1 - SAME_SENTENCE) * short.size:
        return 0  # too few of the shorter's words are in the other at all for enough of them to be in order
    shorter = short.size
    blocks = [b for b in SequenceMatcher(None, p.words, q.words, autojunk=False).get_matching_blocks() if b.size]
    matched = sum(_count(p.words[b.a:b.a + b.size]) for b in blocks)
    if matched < SAME_SENTENCE * shorter:
        return 0
    in_p = _negations(p.words, blocks[0].a, blocks[-1].a + blocks[-1].size)
    in_q = _negations(q.words, blocks[0].b, blocks[-1].b + blocks[-1].size)
    return matched if in_p % 2 == in_q % 2 else 0


def _negations(words: tuple[str, ...], start: int, end: int) -> int:
    """The negations of the stretch `words[start:end]` and any right before it, which negate it ("no crew will be
    paid" prints "crew will be paid" after its "no"); one right after it starts other words ("respect, not a spot")."""
    while start > 0 and words[start - 1] == NEGATION_MARK:
        start -= 1
    return words[start:end].count(NEGATION_MARK)


def _share(matched: list[int], passages: list[Passage], words: int) -> float:
    """Share of a claim's `words` (its content words, at least those of its `passages`) in the `matched` words of
    each passage; 0 unless one passage shares MIN_SENTENCE_WORDS or more."""
    if max(matched, default=0) < MIN_SENTENCE_WORDS:
        return 0.0
    return min(1.0, sum(matched) / max(words, sum(p.size for p in passages)))


def _count(words: tuple[str, ...]) -> int:
    return sum(w != NEGATION_MARK for w in words)


def passage_similarity(left: list[Passage], left_words: int, right: list[Passage], right_words: int) -> float:
    """How much of each claim (`*_words`: its content words) the other prints sentence for sentence, 0..1: the
    geometric mean of the two shares.

    1 when the two print the same sentences, about a half when they share half of their sentences or one prints
    one of the four sentences of the other, little when a claim shares only a phrase it quotes within a sentence of
    its own. Both shares count, so a long quotation is not taken for the same statement as each of its sentences
    (which would pull what several outlets quote of different sentences into one group).
    """
    left_share, right_share = printed_shares(left, left_words, right, right_words)
    return math.sqrt(left_share * right_share)


def printed_shares(left: list[Passage], left_words: int, right: list[Passage], right_words: int,
                   matched: Matched | None = None) -> tuple[float, float]:
    """How much of each claim (`*_words`: its content words) the other prints sentence for sentence: the share of
    the left claim's words, then of the right's (both 0 unless one sentence of MIN_SENTENCE_WORDS or more is shared).
    `matched` is `matched_words(left, right)` when the caller has it already.
    """
    rows, columns = matched_words(left, right) if matched is None else matched
    left_share = _share(rows, left, left_words)
    if not left_share:
        return 0.0, 0.0
    return left_share, _share(columns, right, right_words)


def sentences_in_common(left: list[Passage], right: list[Passage], matched: Matched | None = None) -> int:
    """How many sentences the two print both (the fewer of those of each found in the other), 0 unless one of them
    has MIN_SENTENCE_WORDS or more: two quotations sharing two sentences quote one statement."""
    rows, columns = matched_words(left, right) if matched is None else matched
    if max(rows, default=0) < MIN_SENTENCE_WORDS:
        return 0
    return min(sum(1 for m in rows if m), sum(1 for m in columns if m))


def matched_words(left: list[Passage], right: list[Passage]) -> Matched:
    """The words of each left passage printed in the right ones (`_common`, the best match), then of each right one."""
    if not left or not right:
        return [], []
    common = [[_common(p, q) for q in right] for p in left]
    return [max(row) for row in common], [max(column) for column in zip(*common)]
