"""Merging another database into this one: for reviewers who worked offline on a copy."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from sqlmodel import select

from annotator.errors import ImportRecordError
from annotator.models import Adjudication, Annotation
from annotator.store.mapping import ANNOTATION_COLUMNS, annotation_from_row
from annotator.store.results import MergeResult
from annotator.store.tables import AnnotationRow

if TYPE_CHECKING:
    from annotator.store.store import Store

Named = TypeVar("Named", Annotation, Adjudication)
BATCH_ROWS = 5000


def merge_into(target: Store, source: Store) -> MergeResult:
    """Copy missing articles and claims, then annotations (newest edit wins, history keeps both) and adjudications.

    Where this database already has a current version of an article, an incoming other version comes in as
    superseded, so a merge never hides the version reviewers here are working on.

    Claims are matched by their stable ids, so running the same merge twice changes nothing. Names are trimmed
    ("alice " is alice) and an empty one refuses the merge of annotations, as an import does.
    """
    result = MergeResult()
    for article in source.articles.all():
        if target.articles.has(article.id):
            continue
        current = target.articles.current_id(article.source)
        if article.superseded_by is None and current is not None:
            article = article.model_copy(update={"superseded_by": current})
        claims = [claim for claim in source.claims.all(article=article.id) if claim.article.id == article.id]
        outcome = target.articles.add(article, claims)
        result.articles += outcome.status != "unchanged"
    result.annotations = target.annotations.import_records(
        _trimmed(_annotations(source), "annotator", source), action="merge")
    existing = {item.claim_id: item for item in target.adjudications.all()}
    for adjudication in list(_trimmed(source.adjudications.all(), "adjudicator", source)):
        current = existing.get(adjudication.claim_id)
        if current is None or (current.updated_at < adjudication.updated_at and current != adjudication):
            target.adjudications.save(adjudication)
            result.adjudications += 1
    return result


def _annotations(source: Store) -> Iterator[Annotation]:
    """The source's annotations by claim and annotator, read in batches from the driver's cursor (server-side on
    PostgreSQL) without an ORM object per row: a million of them cost what an export reads."""
    query = select(*ANNOTATION_COLUMNS).order_by(AnnotationRow.claim_id, AnnotationRow.annotator)
    with source.db.raw_cursor(query, "merge_annotations", BATCH_ROWS) as rows:
        for row in rows:
            yield annotation_from_row(row)


def _trimmed(records: Iterable[Named], field: str, source: Store) -> Iterator[Named]:
    """The records with the name in `field` trimmed; ImportRecordError naming the claim when a name is empty."""
    for record in records:
        name = getattr(record, field)
        if name != name.strip() or not name:
            if not name.strip():
                raise ImportRecordError(f"{source.db.url}: claim '{record.claim_id}': the {field} name is empty "
                                        "or only spaces")
            record = record.model_copy(update={field: name.strip()})
        yield record
