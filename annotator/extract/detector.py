"""Claim detection over a parsed article body: which sentences are claims, their kind, speaker and score.

The result is a list of plain dicts (msgpack-friendly, so it survives `nlp.pipe(n_process=...)`), in body order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from spacy.tokens import Doc, Span

from annotator.extract import attribution as at
from annotator.extract.checkworthiness import checkworthiness_features, score_features
from annotator.extract.quotes import QuoteIndex, find_quotes
from annotator.extract.speakers import NameTable

DEFAULT_MIN_SCORE = 0.35
"""Check-worthiness from which an unattributed sentence becomes a claim: low, because recall matters most."""
_MIN_WORDS = 3
_QUOTE_MIN_WORDS = 4
_TERMINAL = set(".!?…")
_CLOSERS = set("\"'”’)]»")
_OPENING_MARKS = set('"“«„')


@dataclass
class _Sentence:
    span: Span
    start: int
    end: int
    paragraph: int
    paragraph_start: int
    attribution: Optional[at.Attribution] = None
    speaker: Optional[str] = None
    unresolved: bool = False
    chains: list[int] = field(default_factory=list)
    quoted_words: int = 0
    entities: list[tuple[int, int, str, str]] = field(default_factory=list)
    """(start_char, end_char, label, text) of the entities inside the sentence."""


@dataclass
class _SpeakerState:
    """The last named speaker and the other people mentioned since, for resolving "he said"."""

    candidate: Optional[str] = None
    rivals: set[str] = field(default_factory=set)


def detect_claims(doc: Doc, *, min_score: float = DEFAULT_MIN_SCORE) -> list[dict[str, Any]]:
    """Claims of one article body as dicts with start, end, text, kind, speaker, needs_context, score, entities."""
    body = doc.text
    quotes = QuoteIndex(find_quotes(body))
    entities = [(ent.start_char, ent.end_char, ent.label_, ent.text) for ent in doc.ents]
    names = NameTable(text for _, _, label, text in entities if label == "PERSON")
    names.add_first_names(_first_names_before_known_surnames(doc, names))
    sentences = [s for s in (_trimmed(span, body) for span in sentence_spans(doc, body)) if s is not None]
    for sentence in sentences:
        sentence.entities = [e for e in entities if e[0] >= sentence.start and e[1] <= sentence.end]
    _attribute(sentences, body, quotes, names)
    _attribute_quotes(sentences, body)
    return [claim for claim in (_claim(s, body, min_score) for s in sentences) if claim is not None]


def _first_names_before_known_surnames(doc: Doc, names: NameTable) -> list[tuple[str, str]]:
    """(first name, surname) where a proper noun sits right before a known person's surname on the same line and
    outside any place, organisation or date the model found."""
    pairs = []
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if (
            token.pos_ == "PROPN" and token.is_alpha and token.is_title and token.whitespace_ == " "
            and token.ent_type_ in ("", "PERSON") and following.is_title
            and names.is_known_person(following.text)
        ):
            pairs.append((token.text, following.text))
    return pairs


def sentence_spans(doc: Doc, body: str) -> list[Span]:
    """Sentences, with stray closing quotes and broken-off fragments joined to their neighbours."""
    if not len(doc):
        return []
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [doc[:]]
    ranges: list[list[int]] = []
    for sent in doc.sents:
        if ranges and _should_join(doc, body, ranges[-1], sent.start, sent.end):
            ranges[-1][1] = sent.end
        else:
            ranges.append([sent.start, sent.end])
    return [doc[start:end] for start, end in ranges]


def _should_join(doc: Doc, body: str, previous: list[int], start: int, end: int) -> bool:
    """Join a sentence to the previous one in its paragraph when it has no words or the previous one broke off."""
    last = next((t for t in reversed(doc[previous[0] : previous[1]]) if not t.is_space), None)
    first = next((t for t in doc[start:end] if not t.is_space), None)
    if last is None:
        return True
    if first is None or "\n" in body[last.idx + len(last.text) : first.idx]:
        return False
    if not any(ch.isalnum() for ch in body[first.idx : doc[end - 1].idx + len(doc[end - 1].text)]):
        return True
    return last.text[-1] not in _TERMINAL and last.text[-1] not in _CLOSERS


def _trimmed(span: Span, body: str) -> Optional[_Sentence]:
    start, end = span.start_char, span.end_char
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    paragraph = body.count("\n\n", 0, start)
    paragraph_start = body.rfind("\n\n", 0, start)
    paragraph_start = 0 if paragraph_start < 0 else paragraph_start + 2
    return _Sentence(span=span, start=start, end=end, paragraph=paragraph, paragraph_start=paragraph_start)


def _attribute(sentences: list[_Sentence], body: str, quotes: QuoteIndex, names: NameTable) -> None:
    """Find each sentence's own speaker, resolving pronouns and role descriptions to the last named speaker.

    "He" is resolved only when no other person has been mentioned since that speaker was named (in earlier
    sentences, or earlier in the same sentence); otherwise the speaker stays unknown and needs context.
    """
    state = _SpeakerState()
    for sentence in sentences:
        overlapping = quotes.overlapping(sentence.start, sentence.end)
        sentence.chains = sorted({q.chain for q in overlapping})
        sentence.quoted_words = sum(
            len(body[max(q.start, sentence.start) : min(q.end, sentence.end)].split())
            for q in overlapping
        )
        found = at.find_attribution(sentence.span, quotes.inside)
        sentence.attribution = found
        persons = [
            (start, names.canonical(text) or text)
            for start, _, label, text in sentence.entities
            if label == "PERSON" and not quotes.inside(start)
        ]
        kind = found.kind if found is not None else None
        if kind == at.GROUP and found.mention and names.is_known_person(found.mention):
            kind = at.NAME
        if kind == at.NAME:
            sentence.speaker = names.canonical(found.mention or "")
            state.candidate, state.rivals = sentence.speaker, set()
            continue
        if kind in (at.PRONOUN, at.DESCRIPTION):
            mention_at = _mention_offset(body, sentence, found)
            earlier = {name for offset, name in persons if offset < mention_at and name != state.candidate}
            if state.candidate is not None and not state.rivals and not earlier:
                sentence.speaker = state.candidate
            else:
                sentence.unresolved = True
        elif kind == at.GROUP:
            sentence.speaker = found.mention
        elif kind == at.UNRESOLVED:
            sentence.unresolved = True
        state.rivals |= {name for _, name in persons if name != state.candidate}


def _mention_offset(body: str, sentence: _Sentence, found: at.Attribution) -> int:
    """Where the speaker mention sits in the body (the sentence end when it cannot be found)."""
    position = body.find(found.mention or "", sentence.start, sentence.end) if found.mention else -1
    return position if position >= 0 else sentence.end


def _attribute_quotes(sentences: list[_Sentence], body: str) -> None:
    """Give quoted sentences without their own attribution the speaker of their quote."""
    chain_speaker: dict[int, Optional[str]] = {}
    chain_resolved: set[int] = set()
    for sentence in sentences:
        if sentence.attribution is None:
            continue
        for chain in sentence.chains:
            if chain not in chain_resolved:
                chain_speaker[chain] = sentence.speaker
                chain_resolved.add(chain)
    last_speaker_by_paragraph: dict[int, Optional[str]] = {}
    for sentence in sentences:
        if sentence.attribution is None and sentence.chains:
            chain = sentence.chains[0]
            if chain in chain_resolved:
                sentence.speaker = chain_speaker[chain]
                sentence.unresolved = sentence.speaker is None
            else:
                sentence.speaker = _neighbour_quote_speaker(sentence, body, last_speaker_by_paragraph)
                sentence.unresolved = sentence.speaker is None
                chain_speaker[chain] = sentence.speaker
                chain_resolved.add(chain)
        if sentence.chains and sentence.speaker is not None:
            last_speaker_by_paragraph[sentence.paragraph] = sentence.speaker


def _neighbour_quote_speaker(
    sentence: _Sentence, body: str, last_speaker_by_paragraph: dict[int, Optional[str]]
) -> Optional[str]:
    """An unattributed quote continues the speaker of an earlier quote in its paragraph, or, when its paragraph
    opens with it, of a quote in the paragraph just before."""
    if sentence.paragraph in last_speaker_by_paragraph:
        return last_speaker_by_paragraph[sentence.paragraph]
    if body[sentence.paragraph_start] not in _OPENING_MARKS:
        return None
    return last_speaker_by_paragraph.get(sentence.paragraph - 1)


def _claim(sentence: _Sentence, body: str, min_score: float) -> Optional[dict[str, Any]]:
    span = sentence.span
    text = " ".join(body[sentence.start : sentence.end].split())
    if sum(1 for word in text.split() if any(ch.isalpha() for ch in word)) < _MIN_WORDS:
        return None
    features = checkworthiness_features(span, attributed=sentence.attribution is not None)
    attributed = sentence.attribution is not None or (bool(sentence.chains) and sentence.speaker is not None)
    quoted = sentence.quoted_words >= _QUOTE_MIN_WORDS
    inside_quote = quoted or bool(sentence.chains)
    if features["question"] and not (attributed and inside_quote):
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
    needs_context = sentence.unresolved or (quoted and sentence.speaker is None) or _pronoun_subject(span, attributed)
    entities = [[text, label, start, end] for start, end, label, text in sentence.entities]
    return {
        "start": sentence.start,
        "end": sentence.end,
        "text": text,
        "kind": kind,
        "speaker": sentence.speaker,
        "needs_context": bool(needs_context),
        "checkworthiness": round(score, 4),
        "entities": entities,
    }


def _pronoun_subject(span: Span, attributed: bool) -> bool:
    """True when an unattributed sentence's main subject is a bare third-person pronoun."""
    if attributed:
        return False
    root = span.root
    return any(
        child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in ("he", "she", "they", "it") for child in root.children
    )
