"""Check-worthiness: a transparent score in 0..1 from features a reviewer can understand.

Each feature is 0 or 1 and has a fixed weight; the score is the logistic of their weighted sum, so
`checkworthiness_features` shows exactly why a sentence scored as it did.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span

from annotator.extract import lexicon as lx
from annotator.extract.attribution import has_reporting_cue
from annotator.extract.cw_explain import BIAS, WEIGHTS, score_features  # noqa: F401  (re-exported)

CHECKWORTHY_THRESHOLD = 0.5
"""Score from which a sentence counts as check-worthy on its own (the ClaimBuster benchmark uses this)."""

_MIN_TOKENS = 6


def final_mark(text: str) -> str:
    """The last character of a sentence once closing quotes and brackets are set aside: its "?", "." or "!"."""
    return text.rstrip().rstrip("\"'”’)")[-1:]


def checkworthiness_features(span: Span, *, attributed: Optional[bool] = None) -> dict[str, int]:
    """The 0/1 features of a sentence or clause that the score is built from.

    `attributed` lets a caller that has already looked for an attribution skip looking again.
    """
    words = [t for t in span if not (t.is_punct or t.is_space)]
    labels = {t.ent_type_ for t in words if t.ent_type_}
    numeric = bool(labels & lx.NUMERIC_LABELS) or any(t.like_num and t.ent_type_ not in lx.TEMPORAL_LABELS for t in words)
    first_person_subjects = [t for t in words if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in lx.FIRST_PERSON]
    return {
        "number": int(numeric),
        "temporal": int(bool(labels & lx.TEMPORAL_LABELS)),
        "named_entity": int(bool(labels & lx.NAMED_LABELS)),
        "past_tense": int(any(t.tag_ in ("VBD", "VBN") for t in words)),
        "attribution": int(has_reporting_cue(span) if attributed is None else attributed),
        "comparison": int(any(t.tag_ in ("JJR", "JJS", "RBR", "RBS") or t.lower_ in lx.COMPARISON_WORDS for t in words)),
        "question": int(final_mark(span.text) == "?"),
        "first_person_opinion": int(any(t.head.lemma_.lower() in lx.OPINION_VERBS for t in first_person_subjects)),
        "first_person_promise": int(any(_is_promise(t) for t in first_person_subjects)),
        "imperative": int(_is_imperative(words)),
        "short": int(len(words) < _MIN_TOKENS),
    }


def checkworthiness(span: Span) -> float:
    """How worth checking a sentence is, 0..1 (0.5 and above: check-worthy on its own)."""
    return round(score_features(checkworthiness_features(span)), 4)


def _is_promise(subject) -> bool:
    verb = subject.head
    return any(child.tag_ == "MD" and child.lower_ in ("will", "'ll", "would", "shall") for child in verb.children)


def _is_imperative(words) -> bool:
    if not words:
        return False
    first = words[0]
    return first.tag_ == "VB" and first.dep_ == "ROOT" and not any(c.dep_.startswith("nsubj") for c in first.children)
