"""Claims from articles: one article at a time, or a stream through `nlp.pipe` (optionally multi-process)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

from annotator.extract.detector import detect_claims
from annotator.extract.ids import claim_id
from annotator.extract.parallel import can_fork, records_in_parallel
from annotator.extract.pipeline import CLAIM_DETECTOR, CLAIMS_ATTR
from annotator.models import Article, Claim, EntitySpan

if TYPE_CHECKING:
    from annotator.extract.cw_model import CheckworthinessModel

DEFAULT_BATCH_SIZE = 16


def extract_claims(nlp: Language, article: Article) -> list[Claim]:
    """The claims of one article, in body order."""
    return claims_from_doc(nlp, nlp(article.body), article)


def extract_many(
    nlp: Language, articles: Iterable[Article], *, n_process: int = 1, batch_size: int = DEFAULT_BATCH_SIZE,
    model: "CheckworthinessModel | None" = None,
) -> Iterator[tuple[Article, list[Claim]]]:
    """Each article with its claims, streamed through `nlp.pipe` in input order.

    With `n_process > 1`, forked workers run the pipeline (spaCy's own `n_process` where fork is unavailable).
    With `model`, claims carry its check-worthiness and version; a model that reads tags takes them from the
    article's Doc when `nlp` is its tagger, instead of tagging every claim again.
    """
    reuse = model is not None and model.reads_tags_of(nlp)
    if n_process > 1 and CLAIM_DETECTOR in nlp.pipe_names and can_fork():
        scorer = model if reuse else None
        parallel = records_in_parallel(nlp, articles, n_process=n_process, batch_size=batch_size, scorer=scorer)
        for article, records, scores in parallel:
            yield article, _scored(model, claims_from_records(article, records), scores)
        return
    stream = ((article.body, article) for article in articles)
    for doc, article in nlp.pipe(stream, as_tuples=True, n_process=n_process, batch_size=batch_size):
        claims = claims_from_doc(nlp, doc, article)
        spans_scores = model.score_offsets(doc, [(c.start, c.end) for c in claims]) if reuse and model else None
        yield article, _scored(model, claims, spans_scores)


def _scored(
    model: "CheckworthinessModel | None", claims: list[Claim], scores: Sequence[float | None] | None
) -> list[Claim]:
    """The claims with the model's scores (the text scored afresh where the Doc gave none) and its version."""
    if model is None or not claims:
        return claims
    given = list(scores) if scores is not None else [None] * len(claims)
    missing = [index for index, score in enumerate(given) if score is None]
    for index, score in zip(missing, model.score([claims[index].text for index in missing]) if missing else []):
        given[index] = score
    return [claim.model_copy(update={"checkworthiness": score, "checkworthiness_model": model.version})
            for claim, score in zip(claims, given)]


def claims_from_doc(nlp: Language, doc: Doc, article: Article) -> list[Claim]:
    """Claim models for an article from its processed body."""
    if doc.text != article.body:
        raise ValueError(f"{article.source}: the processed text is not the article body")
    records: list[dict[str, Any]] | None = None
    if CLAIM_DETECTOR in nlp.pipe_names:
        records = doc._.get(CLAIMS_ATTR)
    if records is None:
        records = detect_claims(doc)
    return claims_from_records(article, records)


def claims_from_records(article: Article, records: list[dict[str, Any]]) -> list[Claim]:
    """Claim models from the detector's records for an article."""
    ref = article.ref()
    claims = []
    for position, record in enumerate(records):
        start, end = record["start"], record["end"]
        claims.append(
            Claim(
                id=claim_id(article.id, start, end, record["text"]),
                article=ref,
                text=record["text"],
                source_text=article.body[start:end],
                start=start,
                end=end,
                kind=record["kind"],
                speaker=record["speaker"],
                checkworthiness=record["checkworthiness"],
                checkworthiness_features=record.get("features", []),
                needs_context=record["needs_context"],
                entities=[EntitySpan(text=t, label=label, start=s, end=e) for t, label, s, e in record["entities"]],
                position=position,
            )
        )
    return claims
