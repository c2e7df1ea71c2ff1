"""Building models from rows our own tables hold, without ORM objects or re-validation (the hot read paths)."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, TypeVar

from pydantic import BaseModel

from annotator.models import Annotation, ArticleRef, Claim, Conflict, EntitySpan
from annotator.store.tables import AnnotationRow, ArticleRow, ClaimRow

ModelT = TypeVar("ModelT", bound=BaseModel)

CLAIM_COLUMNS = (
    ClaimRow.id, ClaimRow.text, ClaimRow.source_text, ClaimRow.start, ClaimRow.end, ClaimRow.kind, ClaimRow.speaker,
    ClaimRow.checkworthiness, ClaimRow.group_id, ClaimRow.corroborated_by, ClaimRow.conflicts,
    ClaimRow.needs_context, ClaimRow.entities, ClaimRow.position,
    ArticleRow.id, ArticleRow.source, ArticleRow.url, ArticleRow.title, ArticleRow.outlet, ArticleRow.published,
    ArticleRow.superseded_by,
)
"""Columns `claim_from_row` reads, in order."""
ANNOTATION_COLUMNS = (
    AnnotationRow.claim_id, AnnotationRow.annotator, AnnotationRow.label, AnnotationRow.correction,
    AnnotationRow.note, AnnotationRow.evidence, AnnotationRow.flagged, AnnotationRow.created_at,
    AnnotationRow.updated_at, AnnotationRow.duration_ms,
)
"""Columns `annotation_from_row` reads, in order."""


def json_list(value: Any) -> Any:
    """A JSON list column as a Python list (SQLite hands back text, PostgreSQL the parsed value)."""
    if value == "[]" or not value:
        return []
    return json.loads(value) if isinstance(value, str) else value


def trusted(model: type[ModelT], values: dict[str, Any]) -> ModelT:
    """Build a model from values read back from our own tables, which were validated when they were written.

    `model_construct` costs about 10 microseconds a call, which dominates a million-record export; this sets the
    same instance attributes directly. `values` must hold every field of the model.
    """
    instance = model.__new__(model)
    object.__setattr__(instance, "__dict__", values)
    object.__setattr__(instance, "__pydantic_fields_set__", set(values))
    object.__setattr__(instance, "__pydantic_extra__", None)
    object.__setattr__(instance, "__pydantic_private__", None)
    return instance


def utc_time(value: Any) -> datetime:
    """A timestamp column as an aware UTC datetime (SQLite hands back naive text)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def claim_from_row(row: tuple, refs: dict[str, ArticleRef]) -> Claim:
    """A claim from a row of CLAIM_COLUMNS; `refs` caches each article's identity across rows."""
    article_id = row[14]
    ref = refs.get(article_id)
    if ref is None:
        ref = refs[article_id] = trusted(ArticleRef, {
            "id": article_id, "source": row[15], "url": row[16], "title": row[17], "outlet": row[18],
            "published": row[19],
        })
    return trusted(Claim, {
        "id": row[0], "article": ref, "text": row[1], "source_text": row[2], "start": row[3], "end": row[4],
        "kind": row[5], "speaker": row[6], "checkworthiness": row[7], "group": row[8],
        "corroborated_by": json_list(row[9]),
        "conflicts": [trusted(Conflict, item) for item in json_list(row[10])],
        "needs_context": bool(row[11]),
        "entities": [trusted(EntitySpan, item) for item in json_list(row[12])],
        "position": row[13], "superseded": row[20] is not None,
    })


def annotation_from_row(row: tuple) -> Annotation:
    """An annotation from a row of ANNOTATION_COLUMNS."""
    return trusted(Annotation, {
        "claim_id": row[0], "annotator": row[1], "label": row[2], "correction": row[3], "note": row[4],
        "evidence": json_list(row[5]), "flagged": bool(row[6]), "created_at": utc_time(row[7]),
        "updated_at": utc_time(row[8]), "duration_ms": row[9],
    })
