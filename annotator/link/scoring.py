"""Scoring claim pairs: how likely two claims of one event state the same thing, 0..1.

Shared words and names count by their rarity in the event; distinctive content on which the claims
differ (other people, countries, speaker, quoted words, counted things) counts against them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from annotator.link.features import MIN_QUOTE_WORDS, ClaimFeatures
from annotator.link.name_forms import same_forms, unnamed
from annotator.link.passages import matched_words, passage_similarity, printed_shares, sentences_in_common
from annotator.link.people import same_person
from annotator.link.phrases import said_words, short_phrases
from annotator.link.polarity import denies

WEIGHTS = {"lexical": 0.35, "keys": 0.45, "entities": 0.10, "speaker": 0.10}
PENALTIES = {
    "names": 0.35, "countries": 0.35, "speaker": 0.15, "people": 0.30, "quotes": 0.30, "figures": 0.10,
    "polarity": 0.55,
}
"""Subtracted from a pair's score for each kind of distinctive content on which the two claims differ. A denial weighs
most: "has not apologised" repeats nearly every word of "apologised", and must still stay apart from it."""
OVERLAP_SHARE = 0.5
"""Share of the score given by how much of the shorter claim the longer one covers (the rest: similarity
of the whole texts), so a fact restated inside a longer sentence still matches."""
MIN_OVERLAP_KEYS = 8
"""A shorter claim with fewer keys than this ("You are the man") counts its overlap only in part: a few
shared words say little."""
COMMON_SHARE = 0.25
"""A name in this share of the event's claims or more is a main actor: leaving it out or naming it says
little about which statement a claim makes, so it carries no mismatch penalty."""
MIN_COMMON_CLAIMS = 3
"""A main actor is also named in at least this many claims, so that in a tiny event two names still differ."""
QUOTE_MATCH = 0.85
"""Two quotations this similar are the same words, whoever they are attributed to."""
MIN_CONTAINED_WORDS = 6
"""A quotation must have this many content words to be recognised inside a longer one as the same words."""
QUOTE_AGREE = 0.10
"""Added to the score of two claims crediting the same speaker with the same short quotation and nothing else
quoted ("Nah," she said): too few words to be a quotation match, but the same words of the same person."""
MIN_COVER = 0.7
"""A plain text and a quotation it repeats word for word are taken for the same statement when the shorter has at
least this share of the longer's words."""
WHOLE_PRINTED = 0.85
"""Share of a claim's words another claim's quotation must print sentence for sentence for the claim to be printed
whole inside it."""
MIN_COMMON_SENTENCES = 2
"""Two quotations printing this many of the same sentences quote the same statement, whatever else each prints."""


def key_counts(features: list[ClaimFeatures]) -> Counter[str]:
    """How many of the event's claims carry each key."""
    counts: Counter[str] = Counter()
    for feature in features:
        counts.update(feature.block_keys)
    return counts


def quote_similarity(a: ClaimFeatures, b: ClaimFeatures) -> float:
    """How close the closest pair of quotations of the two claims is (0 when either has none).

    Word order counts: a quotation is repeated verbatim or in part, so the same words reshuffled are
    another sentence.
    """
    best = 0.0
    for qa in a.quotes:
        for qb in b.quotes:
            best = max(best, fuzz.ratio(qa, qb) / 100, fuzz.partial_ratio(qa, qb) / 100, contained(qa, qb))
    return best


def unquoted_similarity(a: ClaimFeatures, b: ClaimFeatures) -> float:
    """How much of a quotation of one claim the other, which quotes nothing, gives word for word (0 when neither).

    One outlet prints a statement's words within quotation marks, another reproduces them as plain sentences (a post
    or a letter set out in full): the same words, whatever names the sentences around them carry. A denial of those
    words ("can" against "cannot") is not them. The two must be of about the same length (MIN_COVER): a plain
    sentence found inside a long quotation is one of several things said, and would join what the rest says.
    """
    if a.negated != b.negated:
        return 0.0
    if a.quotes and not b.quoted:
        quotes, text = a.quotes, b.norm_text
    elif b.quotes and not a.quoted:
        quotes, text = b.quotes, a.norm_text
    else:
        return 0.0
    words = len(text.split())
    return max(
        (contained(quote, text) for quote in quotes if min(words, n := len(quote.split())) >= MIN_COVER * max(words, n)),
        default=0.0,
    )


def _compatible_speakers(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """One speaker, or one claim names none: not two people credited with words."""
    if not a.speaker or not b.speaker or a.speaker == b.speaker:
        return True
    return bool(a.named_speaker and b.named_speaker and same_person(a.named_speaker, b.named_speaker))


def shared_sentences(a: ClaimFeatures, b: ClaimFeatures) -> float:
    """How much of one claim's quoted words the other prints sentence for sentence (0 when neither quotes, or the
    words are credited to two different speakers).

    A long quotation of a post and one sentence of it printed as a block, or two outlets quoting overlapping
    sentences of one letter, are the same words; negations are compared only in the words both print, so a "not"
    elsewhere in a long quotation does not make the sentence both print a denial (`passages.passage_similarity`).
    """
    if not (a.quoted or b.quoted) or not _compatible_speakers(a, b):
        return 0.0
    return passage_similarity(a.passages, len(a.keys), b.passages, len(b.keys))


def printed_within(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Whether the two print the same words of one statement: one claim whole inside the other's quotation, or two
    quotations with MIN_COMMON_SENTENCES sentences in common (not when the words are credited to two people).

    One outlet prints a sentence of a post as a block of its own, another quotes the post with the sentences around
    it; two outlets quote three sentences of a post each, two of them the same: the words are said in both, whatever
    else the longer quotation says. Negations count only in the words both print, so a "not" in another sentence of
    the quotation is no denial of these.
    """
    if not (a.quoted or b.quoted) or not _compatible_speakers(a, b):
        return False
    matched = matched_words(a.passages, b.passages)
    if a.quoted and b.quoted and sentences_in_common(a.passages, b.passages, matched) >= MIN_COMMON_SENTENCES:
        return True
    return max(printed_shares(a.passages, len(a.keys), b.passages, len(b.keys), matched)) >= WHOLE_PRINTED


def _same_short_quotes(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Both credit the same speaker with the same short words: every quotation of both, too short to count as a
    quote ("Nah," she said), or a phrase one quotes ("rigged from the start", "we'll see them in court") among the other's quoted
    words. Titles in quotation marks ("Morning With the Mayor") are not words said."""
    if not (a.quoted and b.quoted) or not a.speaker or a.speaker != b.speaker:
        return False
    if _quotes_phrase(a, b) or _quotes_phrase(b, a):
        return True
    if a.quotes or b.quotes:
        return False
    return all(_best_ratio([x], b.quoted) >= QUOTE_MATCH for x in a.quoted) and all(
        _best_ratio([y], a.quoted) >= QUOTE_MATCH for y in b.quoted
    )


def _quotes_phrase(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Whether a short phrase `a` quotes is among the words `b` quotes."""
    phrases = short_phrases(a.claim.source_text or a.claim.text, MIN_QUOTE_WORDS)
    said = said_words(b.claim.source_text or b.claim.text) if phrases else ()
    return bool(said) and any(_best_ratio([x], list(said)) >= QUOTE_MATCH for x in phrases)


def contained(left: str, right: str, min_words: int = MIN_CONTAINED_WORDS) -> float:
    """Share of the shorter quotation's words found in order in the longer one (0 when it is too short).

    An outlet that cuts words out of a quotation ("your experience, your voice ... on the committee")
    still quotes the same words; the characters around the cut make a plain string ratio miss it.
    """
    a, b = left.split(), right.split()
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) < min_words:
        return 0.0
    matched = sum(block.size for block in SequenceMatcher(None, shorter, longer, autojunk=False).get_matching_blocks())
    return matched / len(shorter)


class Scorer:
    """Scores pairs of one event's claims; event-wide key weights and per-claim sums are computed once."""

    def __init__(
        self, features: list[ClaimFeatures], counts: Mapping[str, int] | None = None, total: int | None = None
    ) -> None:
        """`counts` and `total` are the event's key counts and claims when `features` are only part of it."""
        counts = key_counts(features) if counts is None else counts
        total = len(features) if total is None else total
        self.weights = {k: math.log(1 + total / n) for k, n in counts.items()}
        """Inverse document frequency of each key within the event: "Russia" in every claim weighs little."""
        least = max(MIN_COMMON_CLAIMS, COMMON_SHARE * total)
        self.common = frozenset(k for k, n in counts.items() if n >= least)
        self.key_sums = {f.index: sum(self.weights.get(k, 1.0) for k in f.block_keys) for f in features}

    def _weighted_jaccard(self, a: ClaimFeatures, b: ClaimFeatures) -> float:
        shared = a.block_keys & b.block_keys
        if not shared:
            return 0.0
        weights = self.weights
        inter = sum(weights.get(k, 1.0) for k in shared)
        return inter / (self.key_sums[a.index] + self.key_sums[b.index] - inter)

    def _weighted_overlap(self, a: ClaimFeatures, b: ClaimFeatures) -> float:
        """Weighted share of the shorter claim's keys that the other has: a short report of a fact
        inside a long sentence that also says more."""
        shared = a.block_keys & b.block_keys
        if not shared:
            return 0.0
        inter = sum(self.weights.get(k, 1.0) for k in shared)
        shorter = min(len(a.block_keys), len(b.block_keys))
        return inter / min(self.key_sums[a.index], self.key_sums[b.index]) * min(1.0, shorter / MIN_OVERLAP_KEYS)

    def _differ(self, a: frozenset[str], b: frozenset[str], shared_ok: bool = False,
                words: tuple[tuple[frozenset[str], frozenset[str]], ...] = ((frozenset(), frozenset()),) * 2) -> bool:
        """Both name something distinctive the other does not: different people, not one naming fewer.

        With `shared_ok`, names in common (distinctive ones) excuse the others: one report adds a place or
        a body to the same fact ("Braley ... at a fundraiser in Texas"). A name the other claim writes among its
        `words` without the tagger marking it, or writes short ("Dept." for "Department"), is named by both.
        """
        if not a or not b or (shared_ok and (a & b) - self.common):
            return False
        return bool(unnamed(a - b - self.common, words[1])) and bool(unnamed(b - a - self.common, words[0]))

    def opposed(self, a: ClaimFeatures, b: ClaimFeatures) -> bool:
        """One denies what the other asserts, judged in the clauses where the two share distinctive words (the whole
        claims when they share none): "she apologised, but did not resign" is no denial of "she apologised"."""
        if a.negated == b.negated and not (a.clauses and b.clauses):
            return False
        about = (a.block_keys & b.block_keys) - self.common
        if not about or not any(keys & about for keys, _ in a.clauses) or not any(keys & about for keys, _ in b.clauses):
            return a.negated != b.negated
        return denies(a.clauses, about) != denies(b.clauses, about)

    def mismatch_penalty(self, a: ClaimFeatures, b: ClaimFeatures, shares_sentences: bool = False) -> float:
        """How much the distinctive content of two claims says they are different statements, 0..1.

        Different named participants or countries, different speakers (two named people most of all),
        different quoted words, figures of different things, or one denying what the other asserts
        mark different statements even when the wording around them is the same. Names common in the
        event (its main actors) do not count. Quotations that print some of the same sentences
        (`shares_sentences`) are not different quoted words.
        """
        penalty = 0.0
        words = ((a.block_keys | a.names | a.countries, a.names | a.countries | a.entities),
                 (b.block_keys | b.names | b.countries, b.names | b.countries | b.entities))
        if self._differ(a.actors, b.actors, words=words) or self._differ(
            a.names - a.actors, b.names - b.actors, shared_ok=True, words=words
        ):
            penalty += PENALTIES["names"]
        if self._differ(*same_forms(a.countries, b.countries), words=words):
            penalty += PENALTIES["countries"]
        if a.speaker and b.speaker and a.speaker != b.speaker:
            two_people = a.named_speaker and b.named_speaker and not same_person(a.named_speaker, b.named_speaker)
            penalty += PENALTIES["people" if two_people else "speaker"]
        if self.opposed(a, b):
            penalty += PENALTIES["polarity"]
        if a.quoted and b.quoted and not shares_sentences and _best_ratio(a.quoted, b.quoted) < QUOTE_MATCH:
            penalty += PENALTIES["quotes"]
        if a.count_things and b.count_things and not a.count_things & b.count_things:
            penalty += PENALTIES["figures"]
        return penalty

    def score(self, a: ClaimFeatures, b: ClaimFeatures) -> float:
        """How likely two claims state the same thing, 0..1."""
        lexical = (fuzz.token_set_ratio(a.norm_text, b.norm_text) + fuzz.ratio(a.sorted_text, b.sorted_text)) / 200
        entities = len(a.entities & b.entities) / len(a.entities | b.entities) if a.entities and b.entities else 0.0
        score = (
            WEIGHTS["lexical"] * lexical
            + WEIGHTS["keys"] * self._weighted_jaccard(a, b)
            + WEIGHTS["entities"] * entities
            + WEIGHTS["speaker"] * (1.0 if a.speaker and a.speaker == b.speaker else 0.0)
        )
        overlap = self._weighted_overlap(a, b)
        quoted = quote_similarity(a, b) if a.quotes and b.quotes else unquoted_similarity(a, b)
        if quoted >= QUOTE_MATCH:
            return max(score, quoted)
        sentences = shared_sentences(a, b)
        if sentences >= QUOTE_MATCH:
            return max(score, sentences)
        penalty = self.mismatch_penalty(a, b, sentences > 0)
        agree = QUOTE_AGREE if _same_short_quotes(a, b) else 0.0
        return max(sentences, (1 - OVERLAP_SHARE) * (score - penalty) + OVERLAP_SHARE * (overlap - penalty) + agree)


def _best_ratio(left: list[str], right: list[str]) -> float:
    return max(
        max(fuzz.ratio(x, y) / 100, fuzz.partial_ratio(x, y) / 100, contained(x, y, 3)) for x in left for y in right
    )
