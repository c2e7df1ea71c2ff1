"""Rows and models, mapped by column name: one place that says which column holds which field.

Reads build models without ORM objects or re-validation (the hot paths: a million-record export goes through here);
the database already validated what it holds when it was written.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

from annotator.models import Adjudication, Annotation, Article, ArticleRef, Claim, ClaimEdit, Conflict, EntitySpan
from annotator.store.tables import AdjudicationRow, AnnotationRow, ArticleRow, ClaimRow

ModelT = TypeVar("ModelT", bound=BaseModel)

CLAIM_COLUMN_OF = {"group": "group_id"}
"""Claim fields whose column in the claims table has another name; every other field's column has its name."""
CLAIM_FIELDS = tuple(name for name in Claim.model_fields if name not in ("article", "superseded"))
"""The Claim fields the claims table holds (the article and whether it is superseded come from the articles table)."""
ARTICLE_REF_FIELDS = tuple(ArticleRef.model_fields)
ANNOTATION_FIELDS = tuple(Annotation.model_fields)
ADJUDICATION_FIELDS = tuple(Adjudication.model_fields)
ARTICLE_FIELDS = tuple(Article.model_fields)

CLAIM_COLUMNS = (
    *(getattr(ClaimRow, CLAIM_COLUMN_OF.get(name, name)) for name in CLAIM_FIELDS),
    *(getattr(ArticleRow, name) for name in ARTICLE_REF_FIELDS),
    ArticleRow.superseded_by,
)
"""Columns `claim_from_row` reads, in order: the claim's, its article's identity, whether the article is superseded."""
ANNOTATION_COLUMNS = tuple(getattr(AnnotationRow, name) for name in ANNOTATION_FIELDS)
"""Columns `annotation_from_row` reads, in order."""

_REF_START = len(CLAIM_FIELDS)
_SUPERSEDED = _REF_START + len(ARTICLE_REF_FIELDS)


def json_list(value: Any) -> Any:
    """A JSON list column as a Python list (SQLite hands back text, PostgreSQL the parsed value)."""
    if value == "[]" or not value:
        return []
    return json.loads(value) if isinstance(value, str) else list(value)


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


def json_edit(value: Any) -> ClaimEdit | None:
    """A claim edit column as a ClaimEdit (SQLite hands back text, PostgreSQL the parsed value; null: no edit)."""
    if value is None or value == "null":
        return None
    return trusted(ClaimEdit, json.loads(value) if isinstance(value, str) else dict(value))


def utc_time(value: Any) -> datetime:
    """A timestamp column as an aware UTC datetime (SQLite hands back naive text)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def row_reader(fields: tuple[str, ...], converters: dict[str, Callable[[Any], Any]], start: int = 0):
    """A function from a row to `{field: row[start + i]}`, each value passed through its converter if it has one.

    It is written out once as a dict literal from the field names, so reading a million rows costs what a
    hand-written mapping costs, while the names stay in one place (the models).
    """
    scope: dict[str, Any] = {}
    items = []
    for index, name in enumerate(fields, start):
        if name in converters:
            scope[f"convert_{index}"] = converters[name]
            items.append(f"{name!r}: convert_{index}(row[{index}])")
        else:
            items.append(f"{name!r}: row[{index}]")
    return eval(f"lambda row: {{{', '.join(items)}}}", scope)  # noqa: S307 (our own field names, not input)


def _conflicts(value: Any) -> list[Conflict]:
    return [trusted(Conflict, item) for item in json_list(value)]


def _entities(value: Any) -> list[EntitySpan]:
    return [trusted(EntitySpan, item) for item in json_list(value)]


_claim_values = row_reader(CLAIM_FIELDS, {
    "corroborated_by": json_list, "also_groups": json_list, "conflicts": _conflicts, "entities": _entities, "needs_context": bool,
    "checkworthiness_features": json_list,
})
_ref_values = row_reader(ARTICLE_REF_FIELDS, {}, _REF_START)
_annotation_values = row_reader(ANNOTATION_FIELDS, {
    "edit": json_edit, "evidence": json_list, "flagged": bool, "created_at": utc_time, "updated_at": utc_time,
})


def claim_from_row(row: tuple, refs: dict[str, ArticleRef]) -> Claim:
    """A claim from a row of CLAIM_COLUMNS; `refs` caches each article's identity across rows."""
    article_id = row[_REF_START]
    ref = refs.get(article_id)
    if ref is None:
        ref = refs[article_id] = trusted(ArticleRef, _ref_values(row))
    values = _claim_values(row)
    values["article"] = ref
    values["superseded"] = row[_SUPERSEDED] is not None
    return trusted(Claim, values)


def claim_values(claim: Claim) -> dict:
    """The column values of a claim's row, for a bulk insert (no row object per claim)."""
    values = {CLAIM_COLUMN_OF.get(name, name): getattr(claim, name) for name in CLAIM_FIELDS}
    values["article_id"] = claim.article.id
    values["corroborated_by"] = list(claim.corroborated_by)
    values["also_groups"] = list(claim.also_groups)
    values["conflicts"] = [conflict.model_dump() for conflict in claim.conflicts]
    values["entities"] = [entity.model_dump() for entity in claim.entities]
    values["checkworthiness_features"] = list(claim.checkworthiness_features)
    return values


def annotation_from_row(row: tuple) -> Annotation:
    """An annotation from a row of ANNOTATION_COLUMNS."""
    return trusted(Annotation, _annotation_values(row))


def annotation_from_table_row(row: AnnotationRow) -> Annotation:
    """An annotation from a row object of the annotations table."""
    return annotation_from_row(tuple(getattr(row, name) for name in ANNOTATION_FIELDS))


def adjudication_from_table_row(row: AdjudicationRow) -> Adjudication:
    """An adjudication from a row object of the adjudications table."""
    values = {name: getattr(row, name) for name in ADJUDICATION_FIELDS}
    values["created_at"] = utc_time(values["created_at"])
    values["updated_at"] = utc_time(values["updated_at"])
    return trusted(Adjudication, values)


def article_from_table_row(row: ArticleRow) -> Article:
    """An article from a row object of the articles table."""
    return trusted(Article, {name: getattr(row, name) for name in ARTICLE_FIELDS})


def ref_from_table_row(row: ArticleRow) -> ArticleRef:
    """An article's identity from a row object of the articles table."""
    return trusted(ArticleRef, {name: getattr(row, name) for name in ARTICLE_REF_FIELDS})


def article_to_row(article: Article, ingest_order: int, created_at: datetime) -> ArticleRow:
    """A new row of the articles table."""
    return ArticleRow(**article.model_dump(), ingest_order=ingest_order, created_at=created_at)
