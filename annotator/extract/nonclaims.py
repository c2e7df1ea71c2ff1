"""Sentences that look like claims but only report on the reporting: "X declined to comment", "X did not respond
to a request for comment", "This story has been updated", and a video's "Jane Roe has the story" line."""

from __future__ import annotations

from spacy.tokens import Span, Token

_MAX_WORDS = 35
_REFUSING = frozenset({"decline", "refuse"})
_SPEAKING = frozenset({"comment", "respond", "elaborate", "discuss", "answer", "say", "speak", "confirm", "reply"})
_ANSWERING = frozenset({"respond", "reply", "return", "answer", "reach", "comment", "be"})
_ASKING_NOUNS = frozenset({"comment", "request", "inquiry", "message", "email", "e-mail", "call", "question"})
_PUBLISHED = frozenset({"story", "article", "post", "report", "version", "piece", "headline"})
_REVISING = frozenset({"update", "correct", "revise", "publish", "misstate", "misidentify", "amend", "edit"})
_COVERAGE = frozenset({"story", "details", "report", "latest", "more", "look"})


def is_non_claim(span: Span) -> bool:
    """True when every sentence of the span is one of the lines that say nothing checkable about the news."""
    sentences = list(span.sents)
    return bool(sentences) and all(_non_claim_sentence(sentence) for sentence in sentences)


def _non_claim_sentence(sent: Span) -> bool:
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not words or len(words) > _MAX_WORDS or any(t.is_quote for t in sent):
        return False
    root = sent.root
    return _no_comment(root) or _editors_note(root) or _video_blurb(root, len(words))


def _no_comment(root: Token) -> bool:
    """"X declined to comment", "did not respond to a request for comment", "could not be reached for comment"."""
    lemma = root.lemma_.lower()
    if lemma in _REFUSING:
        return any(t.lemma_.lower() in _SPEAKING for t in root.children if t.dep_ in ("xcomp", "dobj", "prep"))
    negated = any(c.dep_ == "neg" for c in root.children)
    if not (negated and lemma in _ANSWERING):
        return False
    return any(t.lemma_.lower() in _ASKING_NOUNS for t in root.subtree)


def _editors_note(root: Token) -> bool:
    """"This story has been updated", "An earlier version of this article misstated ..."."""
    if root.lemma_.lower() not in _REVISING:
        return False
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(
        s.lemma_.lower() in _PUBLISHED and any(t.lower_ in ("this", "earlier") for t in s.subtree) for s in subjects
    )


def _video_blurb(root: Token, words: int) -> bool:
    """"Jane Roe has the story." or "John Doe reports from Portvale." as the whole sentence."""
    subjects = [c for c in root.children if c.dep_ == "nsubj" and c.ent_type_ == "PERSON"]
    if not subjects or words > 14:
        return False
    lemma = root.lemma_.lower()
    if lemma == "have":
        return any(c.dep_ == "dobj" and c.lemma_.lower() in _COVERAGE for c in root.children)
    if lemma in ("report", "join"):
        clauses = [c for c in root.children if c.dep_ in ("ccomp", "dobj", "xcomp")]
        return not clauses and any(c.dep_ in ("prep", "advmod") for c in root.children)
    return False
