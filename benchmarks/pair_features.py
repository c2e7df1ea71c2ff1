"""What a claim pair looks like to a learned pair model (benchmarks/pair_model.py): the parts the lexical scorer
(annotator.link.scoring) weighs, one number each, plus a few it does not (shared figures and word pairs, other
years, the rarest shared name, relative length).
"""

from __future__ import annotations

import math

from rapidfuzz import fuzz

from annotator.link.features import ClaimFeatures
from annotator.link.people import same_person
from annotator.link.scoring import (
    QUOTE_MATCH, Scorer, _best_ratio, _same_forms, _same_short_quotes, printed_within, quote_similarity,
    shared_sentences, unquoted_similarity,
)

NAMES = (
    "score", "lexical", "jaccard", "overlap", "entities", "same_speaker", "quote", "sentences", "printed",
    "names_differ", "countries_differ", "speakers_differ", "people_differ", "polarity_differs", "quotes_differ",
    "figures_differ", "short_quotes_agree", "shared_figures", "shared_word_pairs", "years_differ", "rare_shared",
    "length_ratio",
)
"""Names of the pair features, in the order `pair_vector` gives them."""
WORD_PAIRS = 3
"""Shared neighbouring-word pairs ("grain loan") counted up to this many: a few shared phrases are telling."""


def mismatch_parts(scorer: Scorer, a: ClaimFeatures, b: ClaimFeatures, shares_sentences: bool) -> list[float]:
    """Each kind of distinctive content on which the two differ, 1 or 0, as `Scorer.mismatch_penalty` reads them:
    named participants, countries, an unnamed speaker, two named people, polarity, quoted words, counted things."""
    names = scorer._differ(a.actors, b.actors) or scorer._differ(a.names - a.actors, b.names - b.actors, shared_ok=True)
    speakers = bool(a.speaker and b.speaker and a.speaker != b.speaker)
    people = speakers and bool(a.named_speaker and b.named_speaker and not same_person(a.named_speaker, b.named_speaker))
    quotes = bool(a.quoted and b.quoted) and not shares_sentences and _best_ratio(a.quoted, b.quoted) < QUOTE_MATCH
    return [
        float(names), float(scorer._differ(*_same_forms(a.countries, b.countries))), float(speakers and not people),
        float(people), float(a.negated != b.negated), float(quotes),
        float(bool(a.count_things and b.count_things and not a.count_things & b.count_things)),
    ]


def pair_vector(scorer: Scorer, a: ClaimFeatures, b: ClaimFeatures, score: float | None = None) -> list[float]:
    """The pair's features in the order of NAMES; `score` is the lexical score when already computed."""
    score = scorer.score(a, b) if score is None else score
    lexical = (fuzz.token_set_ratio(a.norm_text, b.norm_text) + fuzz.ratio(a.sorted_text, b.sorted_text)) / 200
    entities = len(a.entities & b.entities) / len(a.entities | b.entities) if a.entities and b.entities else 0.0
    quoted = quote_similarity(a, b) if a.quotes and b.quotes else unquoted_similarity(a, b)
    sentences = shared_sentences(a, b)
    figures = {k for k in a.block_keys & b.block_keys if ":" in k}
    word_pairs = (a.search_keys & b.search_keys) - a.block_keys
    rare = max((scorer.weights.get(k, 1.0) for k in a.entities & b.entities), default=0.0)
    top = math.log(1 + max(1, len(scorer.key_sums)))
    years = bool(a.years and b.years and not a.years & b.years)
    shorter, longer = sorted((len(a.keys), len(b.keys)))
    return [
        score, lexical, scorer._weighted_jaccard(a, b), scorer._weighted_overlap(a, b), entities,
        float(bool(a.speaker) and a.speaker == b.speaker), quoted, sentences, float(printed_within(a, b)),
        *mismatch_parts(scorer, a, b, sentences > 0),
        float(_same_short_quotes(a, b)), float(bool(figures)), min(len(word_pairs), WORD_PAIRS) / WORD_PAIRS,
        float(years), rare / top, shorter / longer if longer else 0.0,
    ]
