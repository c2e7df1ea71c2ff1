"""Claim units: sentences of the body, joined so that one quote is one unit and every span is exact.

A sentence the parser broke off (a stray closing quote, a fragment without words) joins its neighbour, and
sentences of one paragraph that a quote runs across are one unit: no unit starts or ends inside a quote that
the article closes elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span

from annotator.extract import lexicon as lx
from annotator.extract.quotes import Quote

_TERMINAL = set(".!?…")
_CLOSERS = set("\"'”’)]»")
_QUOTE_CLOSERS = set("\"”»")
_TAIL_WORDS = 10


@dataclass
class Unit:
    """One claim candidate: a sentence, or the sentences one quote runs over."""

    span: Span
    start: int
    end: int
    paragraph: int
    paragraph_start: int
    chains: list[int] = field(default_factory=list)
    quoted_words: int = 0
    entities: list[tuple[int, int, str, str]] = field(default_factory=list)
    """(start_char, end_char, label, text) of the entities inside the unit."""


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


def claim_units(doc: Doc, body: str, quotes: list[Quote]) -> list[Unit]:
    """The units of a body: sentences, merged where a quote runs from one into the next."""
    spans = sentence_spans(doc, body)
    merged: list[Span] = []
    for span in spans:
        if merged and (_quote_runs_across(quotes, merged[-1], span, body) or _attribution_tail(merged[-1], span, body)):
            merged[-1] = doc[merged[-1].start : span.end]
        else:
            merged.append(span)
    return [unit for unit in (_trimmed(span, body) for span in merged) if unit is not None]


def _quote_runs_across(quotes: list[Quote], previous: Span, span: Span, body: str) -> bool:
    """True when a quote opened in `previous` is still open where `span`'s text begins (same paragraph only)."""
    previous_end = previous.end_char
    while previous_end > previous.start_char and body[previous_end - 1].isspace():
        previous_end -= 1
    boundary = _first_text(body, span.start_char)
    if "\n" in body[previous_end:boundary]:
        return False
    return any(quote.start < boundary < quote.end for quote in quotes if quote.start < boundary)


def _attribution_tail(previous: Span, span: Span, body: str) -> bool:
    """True for a short "Roe added." that the parser split from the quote it attributes."""
    if body[previous.start_char : previous.end_char].rstrip()[-1:] not in _QUOTE_CLOSERS:
        return False
    if "\n" in body[previous.end_char : span.start_char] or "\n" in body[span.start_char : span.end_char].strip():
        return False
    words = [t for t in span if not (t.is_punct or t.is_space)]
    root = span.root
    return (
        0 < len(words) <= _TAIL_WORDS
        and root.lemma_.lower() in lx.REPORTING_VERBS
        and not any(c.dep_ == "ccomp" for c in root.children)
        and not any(t.is_quote for t in span)
    )


def _first_text(body: str, offset: int) -> int:
    while offset < len(body) and body[offset].isspace():
        offset += 1
    return offset


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


def _trimmed(span: Span, body: str) -> Optional[Unit]:
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
    return Unit(span=span, start=start, end=end, paragraph=paragraph, paragraph_start=paragraph_start)
