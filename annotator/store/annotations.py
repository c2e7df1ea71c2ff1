"""Annotations: every decision saved at once, with an append-only history."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import timedelta

from sqlalchemy import func
from sqlmodel import select

from annotator.models import DECISION_FIELDS, Annotation, ClaimEdit, LabelVote, Progress, utc_now
from annotator.store.annotation_save import save_decision, take_lease_if_free
from annotator.store.bulk_import import import_annotations
from annotator.store.claims import STREAM_BATCH, Claims
from annotator.store.database import Database
from annotator.store.lookups import annotation_row
from annotator.store.mapping import annotation_from_table_row
from annotator.store.results import ImportResult
from annotator.store.tables import AnnotationHistoryRow, AnnotationRow, ArticleRow, ClaimRow


class Annotations:
    """Annotators' current decisions and their history; each call is one transaction."""

    def __init__(self, db: Database, claims: Claims) -> None:
        self.db = db
        self.claims = claims

    def save(self, annotation: Annotation, *, action: str = "save", overlap: int | None = None) -> Annotation:
        """Insert or replace one annotator's decision on a claim and log it; committed before this returns.

        With `overlap`, a first decision on a claim that already has `overlap` other annotators (or live
        reservations) is refused with ClaimFullError, so concurrent reviewers never push a claim past it.
        """
        with self.db.driver_transaction() as cursor:
            return save_decision(cursor, annotation, action, overlap)

    def save_and_reserve(self, annotation: Annotation, *, overlap: int, reserve: str,
                         lease_seconds: int) -> tuple[Annotation, bool]:
        """Save a decision under the overlap as `save` does and, in the same transaction, reserve the claim `reserve`
        for the annotator's next look: one commit for a routed keypress. The flag is False when that claim has no
        place left for them (the decision is saved all the same)."""
        expires_at = utc_now() + timedelta(seconds=lease_seconds)
        with self.db.driver_transaction() as cursor:
            saved = save_decision(cursor, annotation, "save", overlap)
            return saved, take_lease_if_free(cursor, reserve, annotation.annotator, overlap, expires_at)

    def remove(self, claim_id: str, annotator: str) -> None:
        """Take an annotator's decision back to "no label", keeping the removal in the history."""
        with self.db.write() as session:
            row = annotation_row(session, claim_id, annotator)
            if row is None:
                return
            session.add(_history(row, "remove"))
            session.delete(row)

    def get(self, claim_id: str, annotator: str) -> Annotation | None:
        """An annotator's current decision on a claim, or None."""
        with self.db.read() as session:
            row = annotation_row(session, claim_id, annotator)
            return annotation_from_table_row(row) if row is not None else None

    def all(self, *, annotator: str | None = None) -> Iterator[Annotation]:
        """Stream current annotations ordered by claim id, then annotator."""
        query = select(AnnotationRow).order_by(AnnotationRow.claim_id, AnnotationRow.annotator)
        if annotator is not None:
            query = query.where(AnnotationRow.annotator == annotator)
        with self.db.read() as session:
            for row in session.exec(query.execution_options(yield_per=STREAM_BATCH)):
                yield annotation_from_table_row(row)

    def votes(self) -> list[LabelVote]:
        """Every current (claim, annotator, label), fetched without ORM objects, for agreement over big tables; an
        annotation without a verdict (an edit, note or flag alone) is no vote."""
        query = select(AnnotationRow.claim_id, AnnotationRow.annotator, AnnotationRow.label).where(
            AnnotationRow.label.is_not(None)
        )
        return list(map(LabelVote._make, self.db.raw_rows(query)))

    def by_claim(self, annotator: str, claim_ids: Sequence[str]) -> dict[str, Annotation]:
        """An annotator's decisions on the given claims, keyed by claim id."""
        if not claim_ids:
            return {}
        query = select(AnnotationRow).where(
            AnnotationRow.annotator == annotator, AnnotationRow.claim_id.in_(list(claim_ids))
        )
        with self.db.read() as session:
            return {row.claim_id: annotation_from_table_row(row) for row in session.exec(query)}

    def for_claim(self, claim_id: str) -> list[Annotation]:
        """Every annotator's current decision on one claim (for adjudication)."""
        query = select(AnnotationRow).where(AnnotationRow.claim_id == claim_id).order_by(AnnotationRow.annotator)
        with self.db.read() as session:
            return [annotation_from_table_row(row) for row in session.exec(query)]

    def history(self, claim_id: str, annotator: str) -> list[dict]:
        """Every recorded change of one annotation, oldest first."""
        query = (
            select(AnnotationHistoryRow)
            .where(AnnotationHistoryRow.claim_id == claim_id, AnnotationHistoryRow.annotator == annotator)
            .order_by(AnnotationHistoryRow.id)
        )
        with self.db.read() as session:
            return [row.model_dump() for row in session.exec(query)]

    def progress(self, annotator: str) -> Progress:
        """How many current claims an annotator has given a verdict, out of all current claims."""
        done_query = (
            select(func.count(AnnotationRow.id))
            .join(ClaimRow, AnnotationRow.claim_id == ClaimRow.id)
            .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
            .where(AnnotationRow.annotator == annotator, AnnotationRow.label.is_not(None),
                   ArticleRow.superseded_by.is_(None))
        )
        done = self.db.scalars(done_query)[0]
        return Progress(annotator=annotator, done=done, total=self.claims.count())

    def import_records(self, records: Iterable[Annotation], *, action: str = "import") -> ImportResult:
        """Bring in annotation records (streamed) in one transaction: newer edits win, older ones go to the history
        only; set-based, so a million records cost about what exporting them does (see `bulk_import`)."""
        return import_annotations(self.db, records, action=action)


def _decision(source: AnnotationRow | Annotation) -> dict:
    """The decision fields of a stored row or an incoming record, normalised so the two compare."""
    values = {name: getattr(source, name) for name in DECISION_FIELDS}
    if isinstance(values["edit"], ClaimEdit):
        values["edit"] = values["edit"].model_dump()
    values["evidence"] = list(values["evidence"] or [])
    values["flagged"] = bool(values["flagged"])
    return values


def _history(source: AnnotationRow | Annotation, action: str) -> AnnotationHistoryRow:
    """A history entry recording the state of a stored row or an incoming record."""
    return AnnotationHistoryRow(
        claim_id=source.claim_id,
        annotator=source.annotator,
        action=action,
        duration_ms=source.duration_ms,
        annotation_updated_at=source.updated_at,
        recorded_at=utc_now(),
        **_decision(source),
    )
