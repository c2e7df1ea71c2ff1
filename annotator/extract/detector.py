"""Claim detection over a parsed article body: which units are claims, their kind, speaker and score.

The result is a list of plain dicts (msgpack-friendly, so it survives `nlp.pipe(n_process=...)`), in body order.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any, Optional

from spacy.tokens import Doc, Span

from annotator.extract import attribution as at
from annotator.extract.checkworthiness import checkworthiness_features, final_mark, score_features
from annotator.extract.nonclaims import is_non_claim
from annotator.extract.parse import comparable
from annotator.extract.people import find_people
from annotator.extract.quotes import QuoteIndex, find_quotes
from annotator.extract.resolve import UNKNOWN, Speaker, SpeakerResolver
from annotator.extract.speaker_mentions import Attribution
from annotator.extract.units import Unit, claim_units, sentence_spans

__all__ = ["DEFAULT_MIN_SCORE", "detect_claims", "sentence_spans"]

DEFAULT_MIN_SCORE = 0.35
"""Check-worthiness from which an unattributed sentence becomes a claim: low, because recall matters most."""
_MIN_WORDS = 3
_QUOTE_MIN_WORDS = 4
_OPENING_MARKS = set('"“«„')


class _Attributed:
    """What the detector learnt about one unit: its attribution and resolved speaker."""

    __slots__ = ("unit", "attribution", "speaker", "unresolved", "introduced")

    def __init__(self, unit: Unit) -> None:
        self.unit = unit
        self.attribution: Optional[Attribution] = None
        self.speaker: Optional[str] = None
        self.unresolved = False
        self.introduced = False
        """True for text a colon at the end of the paragraph before introduced as someone's words."""


def detect_claims(doc: Doc, *, min_score: float = DEFAULT_MIN_SCORE) -> list[dict[str, Any]]:
    """Claims of one article body as dicts with start, end, text, kind, speaker, needs_context, score, entities."""
    body = doc.text
    quote_list = find_quotes(body)
    quotes = QuoteIndex(quote_list)
    units = claim_units(doc, body, quote_list)
    entities = [(ent.start_char, ent.end_char, ent.label_, ent.text) for ent in doc.ents]
    starts = [unit.start for unit in units]

    def unit_of(offset: int) -> int:
        return max(0, bisect_right(starts, offset) - 1)

    resolver = SpeakerResolver(find_people(doc, unit_of, quotes.inside))
    items = []
    for index, unit in enumerate(units):
        unit.entities = [e for e in entities if e[0] >= unit.start and e[1] <= unit.end]
        overlapping = quotes.overlapping(unit.start, unit.end)
        unit.chains = sorted({q.chain for q in overlapping})
        unit.quoted_words = sum(
            len(body[max(q.start, unit.start) : min(q.end, unit.end)].split()) for q in overlapping
        )
        item = _Attributed(unit)
        item.attribution = at.find_attribution(unit.span, quotes.inside)
        head = item.attribution.head if item.attribution is not None else None
        for token in unit.span:  # pronoun subjects in reading order, so "she said ... She doubled down" chains
            if head is not None and token.i == head.i:
                continue
            if token.lower_ in ("he", "she") and token.dep_ in ("nsubj", "nsubjpass") and not quotes.inside(token.idx):
                if head is not None and head.i < token.i:
                    found = _speaker(resolver, item.attribution, index)
                    item.speaker, item.unresolved = found.name, found.needs_context
                    head = None
                resolver.follow(token, index)
        if head is not None:
            found = _speaker(resolver, item.attribution, index)
            item.speaker, item.unresolved = found.name, found.needs_context
        items.append(item)
    _attribute_quotes(items, body)
    claims: list[dict[str, Any]] = []
    seen: set[str] = set()
    for item in items:
        claim = _claim(item, body, min_score)
        if claim is None:
            continue
        key = comparable(claim["text"])
        if key in seen:
            continue
        seen.add(key)
        claims.append(claim)
    return claims


def _speaker(resolver: SpeakerResolver, attribution: Attribution, sentence: int) -> Speaker:
    """The resolved speaker of an attribution, recorded as a mention so later pronouns can refer to them."""
    if attribution.head is None:
        return UNKNOWN
    found = resolver.resolve(attribution.head, sentence)
    if found.person is not None and attribution.head.lower_ not in ("he", "she"):
        resolver.note(found.person, attribution.head, sentence)
    return found


def _attribute_quotes(items: list[_Attributed], body: str) -> None:
    """Give quoted units without their own attribution the speaker of their quote.

    A quote's speaker is the one any unit of its chain names; an unattributed quote continues the speaker of an
    earlier quote in its paragraph, or, when its paragraph opens with it, of the paragraph just before (or of the
    attribution that introduced it with a colon).
    """
    chain_speaker: dict[int, tuple[Optional[str], bool]] = {}
    for item in items:
        if item.attribution is None:
            continue
        for chain in item.unit.chains:
            chain_speaker.setdefault(chain, (item.speaker, item.unresolved))
    last_by_paragraph: dict[int, Optional[str]] = {}
    introduced: dict[int, Optional[str]] = {}
    for item in items:
        unit = item.unit
        if item.attribution is None and unit.chains:
            chain = unit.chains[0]
            if chain in chain_speaker:
                item.speaker, unresolved = chain_speaker[chain]
                item.unresolved = unresolved or item.speaker is None
            else:
                item.speaker = _neighbour_quote_speaker(unit, body, last_by_paragraph, introduced)
                item.unresolved = item.speaker is None
                chain_speaker[chain] = (item.speaker, item.unresolved)
        elif item.attribution is None and introduced.get(unit.paragraph - 1) is not None:
            item.speaker, item.introduced = introduced[unit.paragraph - 1], True
        if unit.chains and item.speaker is not None:
            last_by_paragraph[unit.paragraph] = item.speaker
        if item.attribution is not None and body[unit.start : unit.end].rstrip().endswith(":"):
            introduced[unit.paragraph] = item.speaker


def _neighbour_quote_speaker(
    unit: Unit, body: str, last_by_paragraph: dict[int, Optional[str]], introduced: dict[int, Optional[str]]
) -> Optional[str]:
    """The speaker an unattributed quote continues (see `_attribute_quotes`)."""
    if unit.paragraph in last_by_paragraph:
        return last_by_paragraph[unit.paragraph]
    if body[unit.paragraph_start] not in _OPENING_MARKS:
        return None
    if unit.paragraph - 1 in introduced:
        return introduced[unit.paragraph - 1]
    return last_by_paragraph.get(unit.paragraph - 1)


def _claim(item: _Attributed, body: str, min_score: float) -> Optional[dict[str, Any]]:
    sentence = item.unit
    span = sentence.span
    text = " ".join(body[sentence.start : sentence.end].split())
    if sum(1 for word in text.split() if any(ch.isalpha() for ch in word)) < _MIN_WORDS:
        return None
    if not sentence.chains and is_non_claim(span):
        return None
    features = checkworthiness_features(span, attributed=item.attribution is not None)
    attributed = item.attribution is not None or (bool(sentence.chains or item.introduced) and item.speaker is not None)
    quoted = sentence.quoted_words >= _QUOTE_MIN_WORDS or item.introduced
    inside_quote = quoted or bool(sentence.chains)
    if features["question"] and not (attributed and inside_quote) and not _states_something(span):
        return None
    if features["first_person_opinion"] and not (attributed or inside_quote):
        return None
    score = score_features(features)
    if not (attributed or quoted or score >= min_score):
        return None
    if quoted:
        kind = "quote"
    elif attributed:
        kind = "attributed"
    elif features["number"]:
        kind = "statistic"
    else:
        kind = "event"
    needs_context = item.unresolved or (quoted and item.speaker is None) or _pronoun_subject(span, attributed)
    entities = [[text, label, start, end] for start, end, label, text in sentence.entities]
    return {
        "start": sentence.start,
        "end": sentence.end,
        "text": text,
        "kind": kind,
        "speaker": item.speaker,
        "needs_context": bool(needs_context),
        "checkworthiness": round(score, 4),
        "features": [name for name, value in features.items() if value],
        "entities": entities,
    }


def _states_something(span: Span) -> bool:
    """Whether a unit ending in a question also asserts something in a sentence of its own: a quote of several
    sentences ("The world tells us, 'Wait.' And I say wait for what?") is kept for what it asserts."""
    return any(
        final_mark(sentence.text) in (".", "!")
        for sentence in span.sents if any(token.is_alpha for token in sentence)
    )


def _pronoun_subject(span: Span, attributed: bool) -> bool:
    """True when an unattributed sentence's main subject is a bare third-person pronoun."""
    if attributed:
        return False
    root = span.root
    return any(
        child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in ("he", "she", "they", "it") for child in root.children
    )
