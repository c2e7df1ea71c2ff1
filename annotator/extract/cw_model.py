"""A trained check-worthiness model: load it from its folder and score sentences with it."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.config import DEFAULT_SPACY_MODELS
from annotator.errors import UsageError
from annotator.extract.cw_config import LABEL, MODEL_META_KEY
from annotator.extract.cw_features import keep_tok2vec_mean

SCORE_BATCH = 256


@dataclass(frozen=True)
class CheckworthinessModel:
    """A loaded classifier and the version that is stored with every score it gives."""

    nlp: Any
    version: str
    path: Path
    tagger: Any = None
    """The English pipeline that tags sentences first, for an architecture that reads tags; None otherwise."""
    threshold: float = 0.5
    """The classifier's probability chosen on the dev split as the cut; scores are shifted so it reads 0.5."""
    attributes: Any = None
    """The tagger's attribute rules (indexed where they can be), that give the parts of speech of a claim's tags."""

    def score(self, texts: Sequence[str]) -> list[float]:
        """How likely each text is worth checking (0.5 at the dev split's cut), rounded to 4 places as stored."""
        return [round(value, 4) for value in score_texts(self.nlp, texts, tagger=self.tagger,
                                                         threshold=self.threshold)]

    def score_docs(self, docs: Sequence[Any]) -> list[float]:
        """`score` of Docs the model's tagger already tagged (their `cats` are overwritten)."""
        textcat = self.nlp.get_pipe("textcat")
        return [round(shifted(doc.cats.get(LABEL, 0.0), self.threshold), 4)
                for doc in textcat.pipe(list(docs), batch_size=SCORE_BATCH)]

    def reads_tags_of(self, nlp: Any) -> bool:
        """True when `nlp` tags and finds entities as this model's tagger does, so its Docs need no tagging again."""
        if self.tagger is None or not {"tagger", "ner"} <= set(nlp.pipe_names):
            return False
        return all(nlp.meta.get(key) == self.tagger.meta.get(key) for key in ("lang", "name", "version"))

    def score_offsets(self, doc: Any, offsets: Sequence[tuple[int, int]]) -> list[float | None]:
        """`score_spans` of each (start, end) stretch of `doc`; None where no tokens align with it."""
        spans = [doc.char_span(start, end, alignment_mode="expand") for start, end in offsets]
        scores = iter(self.score_spans([span for span in spans if span is not None and len(span)]))
        return [next(scores) if span is not None and len(span) else None for span in spans]

    def score_spans(self, spans: Sequence[Any]) -> list[float]:
        """`score` of each span's text (whitespace collapsed), reading the tags and entities its Doc already has;
        for a Doc from a pipeline the model `reads_tags_of`."""
        ruler = self.attributes
        docs = [retagged_span(span) for span in spans]
        if ruler is not None:  # parts of speech as the tagger alone gives them: the article's depend on its parse
            docs = [ruler(doc) for doc in docs]
        textcat = self.nlp.get_pipe("textcat")
        return [round(shifted(doc.cats.get(LABEL, 0.0), self.threshold), 4)
                for doc in textcat.pipe(docs, batch_size=SCORE_BATCH)]


def load_model(path: Path) -> CheckworthinessModel:
    """The model in `path`, or UsageError with one line naming the folder when it is not one."""
    import spacy

    meta_file = path / "meta.json"
    if not path.is_dir():
        raise UsageError(f"{path}: no such model folder (train one with `annotator train --out {path}`)")
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        version = meta[MODEL_META_KEY]["version"]
        tagger_name = meta[MODEL_META_KEY].get("tagger")
        threshold = float(meta[MODEL_META_KEY].get("threshold", 0.5))
    except (OSError, ValueError, KeyError, TypeError):
        raise UsageError(f"{path}: not a check-worthiness model (no {MODEL_META_KEY} in meta.json)") from None
    from annotator.extract.cw_architecture import register_architecture
    from annotator.extract.cw_features import register_tagged_features

    register_architecture()
    register_tagged_features()
    try:
        nlp = spacy.load(path)
    except (OSError, ValueError, KeyError) as exc:
        raise UsageError(f"{path}: cannot load the model ({str(exc).splitlines()[0][:160]})") from None
    if "textcat" not in nlp.pipe_names:
        raise UsageError(f"{path}: the model has no textcat component")
    tagger = load_tagger(str(tagger_name)) if tagger_name else None
    return CheckworthinessModel(nlp=nlp, version=str(version), path=path, tagger=tagger, threshold=threshold,
                                attributes=attribute_rules(tagger) if tagger is not None else None)


def attribute_rules(tagger: Any) -> Any:
    """The tagger's attribute ruler, as the faster index of the same rules where it can evaluate them exactly."""
    if "attribute_ruler" not in tagger.pipe_names:
        return None
    ruler = tagger.get_pipe("attribute_ruler")
    try:
        from annotator.extract.attribute_index import AttributeIndex

        return AttributeIndex(ruler)
    except (ImportError, ValueError):
        return ruler


def load_tagger(name: str | None = None) -> Any:
    """The English pipeline (`name`, else the first installed default) with only what tags and finds entities."""
    import spacy

    for candidate in [name] if name else list(DEFAULT_SPACY_MODELS):
        try:
            return spacy.load(candidate, exclude=["parser", "lemmatizer", "senter"])
        except (OSError, ImportError, ValueError):
            continue
    raise UsageError(f"cannot load the spaCy pipeline {name or ' or '.join(DEFAULT_SPACY_MODELS)} that tags "
                     "sentences for this model")


def tagged_docs(tagger: Any, texts: Sequence[str]) -> list[Any]:
    """The texts tokenized, tagged and with entities, by the English pipeline."""
    return list(tagger.pipe(list(texts), batch_size=SCORE_BATCH))


def retagged_span(span: Any) -> Any:
    """A Doc of the span's words without whitespace tokens (as its collapsed text tokenizes), with their tags,
    entity types and the mean of their token vectors."""
    from spacy.tokens import Doc

    tokens = [token for token in span if not token.is_space]
    entities, previous = [], ""
    for token in tokens:
        label = token.ent_type_
        if not label:
            entities.append("O")
        elif token.ent_iob_ == "B" or label != previous:
            entities.append(f"B-{label}")
        else:
            entities.append(f"I-{label}")
        previous = label
    doc = Doc(span.doc.vocab, words=[token.text for token in tokens],
              spaces=[True] * (len(tokens) - 1) + [False] if tokens else [],
              tags=[token.tag_ for token in tokens], ents=entities)
    tensor = span.doc.tensor
    if tokens and getattr(tensor, "ndim", 0) == 2 and tensor.shape[0] == len(span.doc) and tensor.shape[1]:
        keep_tok2vec_mean(doc, tensor[[token.i for token in tokens]])
    return doc


def score_texts(nlp: Any, texts: Sequence[str], *, tagger: Any = None, threshold: float = 0.5) -> list[float]:
    """The CHECKWORTHY probability of each text under a textcat pipeline (tagged by `tagger` first, if given),
    shifted on the log-odds scale so that `threshold` reads 0.5 (the order of the texts is unchanged)."""
    if tagger is None:
        docs = nlp.pipe(list(texts), batch_size=SCORE_BATCH)
    else:
        docs = nlp.get_pipe("textcat").pipe(tagged_docs(tagger, texts), batch_size=SCORE_BATCH)
    return [shifted(doc.cats.get(LABEL, 0.0), threshold) for doc in docs]


def shifted(probability: float, threshold: float) -> float:
    """`probability` with `threshold` moved to 0.5 on the log-odds scale."""
    if threshold == 0.5 or probability <= 0.0 or probability >= 1.0:
        return probability
    odds = math.log(probability / (1.0 - probability)) - math.log(threshold / (1.0 - threshold))
    return 1.0 / (1.0 + math.exp(-odds))
