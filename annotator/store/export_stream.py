"""Streaming claims with their annotations for export and reports: driver cursors, no ORM objects per row.

A million annotations go through here, so rows are read in batches from the driver's own cursors (server-side on
PostgreSQL), models are built without re-validating what the database already holds, and each article's identity
is built once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlmodel import select

from annotator.models import Adjudication, Annotation, ArticleRef, Claim
from annotator.store.fast_rows import (
    ANNOTATION_COLUMNS,
    CLAIM_COLUMNS,
    annotation_from_row,
    claim_from_row,
)
from annotator.store.tables import AnnotationRow, ArticleRow, ClaimRow

if TYPE_CHECKING:
    from annotator.store.annotations import Store

BATCH_ROWS = 5000


@contextmanager
def _cursor(store: "Store", query, name: str) -> Iterator[Iterator[tuple]]:
    """Rows of a parameterless select in batches; a named server-side cursor on PostgreSQL keeps memory flat."""
    sql = str(query.compile(dialect=store.engine.dialect))
    connection = store.engine.raw_connection()
    try:
        if store.dialect == "postgresql":
            cursor = connection.driver_connection.cursor(name=name)
            cursor.itersize = BATCH_ROWS
        else:
            cursor = connection.cursor()
        cursor.execute(sql)

        def rows() -> Iterator[tuple]:
            while batch := cursor.fetchmany(BATCH_ROWS):
                yield from batch

        yield rows()
        cursor.close()
    finally:
        connection.rollback()
        connection.close()


def iter_export_items(store: "Store") -> Iterator[tuple[Claim, list[Annotation], Adjudication | None]]:
    """Each current claim (by id) with its annotations (by annotator) and adjudication, streamed.

    Both streams are sorted by byte order (collation "C"), the order Python compares the ids in while merging.
    """
    adjudications = {item.claim_id: item for item in store.adjudications()}
    binary = "C" if store.dialect == "postgresql" else "BINARY"
    claims_query = (
        select(*CLAIM_COLUMNS)
        .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
        .where(ArticleRow.superseded_by.is_(None))
        .order_by(ClaimRow.id.collate(binary))
    )
    annotations_query = select(*ANNOTATION_COLUMNS).order_by(
        AnnotationRow.claim_id.collate(binary), AnnotationRow.annotator
    )
    refs: dict[str, ArticleRef] = {}
    with _cursor(store, claims_query, "export_claims") as claim_rows, \
            _cursor(store, annotations_query, "export_annotations") as annotation_rows:
        pending = next(annotation_rows, None)
        for claim_row in claim_rows:
            claim_id = claim_row[0]
            while pending is not None and pending[0] < claim_id:
                pending = next(annotation_rows, None)
            claim_annotations = []
            while pending is not None and pending[0] == claim_id:
                claim_annotations.append(annotation_from_row(pending))
                pending = next(annotation_rows, None)
            yield claim_from_row(claim_row, refs), claim_annotations, adjudications.get(claim_id)
