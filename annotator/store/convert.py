"""Conversions between table rows and the pydantic models the rest of the tool sees."""

from __future__ import annotations

from datetime import datetime

from annotator.models import (
    Adjudication,
    Annotation,
    Article,
    ArticleRef,
    Claim,
    as_utc,
)
from annotator.store.tables import AdjudicationRow, AnnotationRow, ArticleRow


def article_to_row(article: Article, ingest_order: int, created_at: datetime) -> ArticleRow:
    return ArticleRow(
        **article.model_dump(exclude={"superseded_by"}),
        superseded_by=article.superseded_by,
        ingest_order=ingest_order,
        created_at=created_at,
    )


def row_to_article(row: ArticleRow) -> Article:
    return Article(
        id=row.id,
        source=row.source,
        url=row.url,
        title=row.title,
        outlet=row.outlet,
        published=row.published,
        body=row.body,
        event=row.event,
        content_hash=row.content_hash,
        superseded_by=row.superseded_by,
    )


def row_to_ref(row: ArticleRow) -> ArticleRef:
    return ArticleRef(
        id=row.id, source=row.source, url=row.url, title=row.title, outlet=row.outlet, published=row.published
    )


def claim_values(claim: Claim) -> dict:
    """The column values of a claim's row, for a bulk insert (no row object per claim)."""
    return {
        "id": claim.id,
        "article_id": claim.article.id,
        "position": claim.position,
        "text": claim.text,
        "source_text": claim.source_text,
        "start": claim.start,
        "end": claim.end,
        "kind": claim.kind,
        "speaker": claim.speaker,
        "checkworthiness": claim.checkworthiness,
        "needs_context": claim.needs_context,
        "group_id": claim.group,
        "corroborated_by": list(claim.corroborated_by),
        "conflicts": [{"claim_id": c.claim_id, "detail": c.detail} for c in claim.conflicts],
        "entities": [
            {"text": e.text, "label": e.label, "start": e.start, "end": e.end} for e in claim.entities
        ],
    }


def row_to_annotation(row: AnnotationRow) -> Annotation:
    return Annotation.model_construct(
        claim_id=row.claim_id,
        annotator=row.annotator,
        label=row.label,
        correction=row.correction,
        note=row.note,
        evidence=list(row.evidence or []),
        flagged=bool(row.flagged),
        created_at=as_utc(row.created_at),
        updated_at=as_utc(row.updated_at),
        duration_ms=row.duration_ms,
    )


def row_to_adjudication(row: AdjudicationRow) -> Adjudication:
    return Adjudication(
        claim_id=row.claim_id,
        adjudicator=row.adjudicator,
        label=row.label,
        correction=row.correction,
        note=row.note,
        created_at=as_utc(row.created_at),
        updated_at=as_utc(row.updated_at),
    )
