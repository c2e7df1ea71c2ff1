"""Claims from articles: one article at a time, or a stream through `nlp.pipe` (optionally multi-process)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from annotator.extract.detector import detect_claims
from annotator.extract.ids import claim_id
from annotator.extract.parallel import can_fork, records_in_parallel
from annotator.extract.pipeline import CLAIM_DETECTOR, CLAIMS_ATTR
from annotator.models import Article, Claim, EntitySpan

DEFAULT_BATCH_SIZE = 16


def extract_claims(nlp: Language, article: Article) -> list[Claim]:
    """The claims of one article, in body order."""
    return claims_from_doc(nlp, nlp(article.body), article)


def extract_many(
    nlp: Language, articles: Iterable[Article], *, n_process: int = 1, batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[tuple[Article, list[Claim]]]:
    """Each article with its claims, streamed through `nlp.pipe` in input order.

    With `n_process > 1`, forked workers run the pipeline (spaCy's own `n_process` where fork is unavailable).
    """
    if n_process > 1 and CLAIM_DETECTOR in nlp.pipe_names and can_fork():
        for article, records in records_in_parallel(nlp, articles, n_process=n_process, batch_size=batch_size):
            yield article, claims_from_records(article, records)
        return
    stream = ((article.body, article) for article in articles)
    for doc, article in nlp.pipe(stream, as_tuples=True, n_process=n_process, batch_size=batch_size):
        yield article, claims_from_doc(nlp, doc, article)


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
