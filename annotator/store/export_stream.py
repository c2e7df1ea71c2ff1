"""Streaming claims with their annotations for export and reports: driver cursors, no ORM objects per row.

A million annotations go through here, so rows are read in batches from the driver's own cursors (server-side on
PostgreSQL), models are built without re-validating what the database already holds, and each article's identity
is built once.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlmodel import select

from annotator.models import ArticleRef, ExportItem
from annotator.store.adjudications import Adjudications
from annotator.store.database import Database
from annotator.store.mapping import ANNOTATION_COLUMNS, CLAIM_COLUMNS, annotation_from_row, claim_from_row
from annotator.store.tables import AdjudicationRow, AnnotationRow, ArticleRow, ClaimRow

BATCH_ROWS = 5000


class Export:
    """What leaves the database for export and reports."""

    def __init__(self, db: Database, adjudications: Adjudications) -> None:
        self.db = db
        self.adjudications = adjudications

    def items(self, *, labelled_only: bool = False) -> Iterator[ExportItem]:
        """Each current claim (by id) with its annotations (by annotator) and adjudication, streamed; with
        `labelled_only`, only the claims someone annotated or adjudicated.

        Both streams are sorted by byte order (collation "C"), the order Python compares the ids in while merging.
        """
        adjudications = {item.claim_id: item for item in self.adjudications.all()}
        binary = "C" if self.db.dialect == "postgresql" else "BINARY"
        claims_query = (
            select(*CLAIM_COLUMNS)
            .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
            .where(ArticleRow.superseded_by.is_(None))
            .order_by(ClaimRow.id.collate(binary))
        )
        if labelled_only:
            claims_query = claims_query.where(
                ClaimRow.id.in_(select(AnnotationRow.claim_id)) | ClaimRow.id.in_(select(AdjudicationRow.claim_id))
            )
        annotations_query = select(*ANNOTATION_COLUMNS).order_by(
            AnnotationRow.claim_id.collate(binary), AnnotationRow.annotator
        )
        refs: dict[str, ArticleRef] = {}
        with self.db.raw_cursor(claims_query, "export_claims", BATCH_ROWS) as claim_rows, \
                self.db.raw_cursor(annotations_query, "export_annotations", BATCH_ROWS) as annotation_rows:
            pending = next(annotation_rows, None)
            for claim_row in claim_rows:
                claim_id = claim_row[0]
                while pending is not None and pending[0] < claim_id:
                    pending = next(annotation_rows, None)
                claim_annotations = []
                while pending is not None and pending[0] == claim_id:
                    claim_annotations.append(annotation_from_row(pending))
                    pending = next(annotation_rows, None)
                yield ExportItem(claim_from_row(claim_row, refs), claim_annotations, adjudications.get(claim_id))
