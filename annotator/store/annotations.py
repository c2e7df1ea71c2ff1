"""Annotations, adjudications and routing: every decision saved at once, with an append-only history."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func
from sqlmodel import Session, select

from annotator.errors import ClaimFullError, NotFoundError
from annotator.models import (
    Adjudication,
    Annotation,
    Claim,
    LabelVote,
    Progress,
    QueueSpec,
    as_utc,
    utc_now,
)
from annotator.store import convert, queue, routing
from annotator.store.articles import STREAM_BATCH, ArticleStore
from annotator.store.tables import (
    AdjudicationRow,
    AnnotationHistoryRow,
    AnnotationRow,
    AnnotatorRow,
    ArticleRow,
    ClaimRow,
)

LOCKED_QUEUE_PATIENCE_SECONDS = 10.0
"""How long to retry while every open claim is locked by other reviewers' in-flight transactions."""

if TYPE_CHECKING:
    from annotator.models import TeamStats
    from annotator.store.merge import MergeResult


@dataclass
class ImportResult:
    """Counts of an import or merge."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0


class Store(ArticleStore):
    """Reads and writes articles, claims, annotations and adjudications; every method is its own transaction."""


    def save_annotation(
        self, annotation: Annotation, *, action: str = "save", overlap: int | None = None
    ) -> Annotation:
        """Insert or replace one annotator's decision on a claim and log it; committed before this returns.

        With `overlap`, a first decision on a claim that already has `overlap` other annotators (or live
        reservations) is refused with ClaimFullError, so concurrent reviewers never push a claim past it.
        """
        with self._write() as session:
            if overlap is not None:
                self._check_capacity(session, annotation.claim_id, annotation.annotator, overlap)
            saved = self._upsert_annotation(session, annotation, action)
            routing.release_lease(session, annotation.claim_id, annotation.annotator)
        return saved

    def reserve_next_claim(
        self, annotator: str, *, overlap: int, lease_seconds: int, skip: Iterable[str] = ()
    ) -> Claim | None:
        """The next claim for this annotator under the overlap, reserved for `lease_seconds`; None when done."""
        skip_ids = frozenset(skip)
        deadline = time.monotonic() + LOCKED_QUEUE_PATIENCE_SECONDS
        while True:
            with self._write() as session:
                claim_id = routing.reserve_next(
                    session, annotator, overlap=overlap, lease_seconds=lease_seconds, skip=skip_ids
                )
            if claim_id is not None:
                return self.get_claim(claim_id)
            with self._read() as session:
                if not routing.has_open_claim(session, annotator, overlap=overlap, skip=skip_ids) or time.monotonic() > deadline:
                    return None
            time.sleep(0.05)

    def renew_lease(self, claim_id: str, annotator: str, *, overlap: int, lease_seconds: int) -> bool:
        """Keep a claim reserved while it stays on screen; False when another reviewer has taken its place."""
        with self._write() as session:
            if not routing.lock_claim(session, claim_id):
                return False
            if self._annotation_row(session, claim_id, annotator) is not None:
                return False
            if routing.claim_load(session, claim_id, annotator) >= overlap:
                return False
            routing.take_lease(session, claim_id, annotator, lease_seconds)
            return True

    def release_claim(self, claim_id: str, annotator: str) -> None:
        """Give a reserved claim back to the queue (skip, quit)."""
        with self._write() as session:
            routing.release_lease(session, claim_id, annotator)

    def _check_capacity(self, session: Session, claim_id: str, annotator: str, overlap: int) -> None:
        if not routing.lock_claim(session, claim_id):
            raise NotFoundError(f"no claim with id '{claim_id}'")
        if self._annotation_row(session, claim_id, annotator) is not None:
            return
        if routing.claim_load(session, claim_id, annotator) >= overlap:
            raise ClaimFullError(f"claim '{claim_id}' already has {overlap} annotator(s)")

    def remove_annotation(self, claim_id: str, annotator: str) -> None:
        """Take an annotator's decision back to "no label", keeping the removal in the history."""
        with self._write() as session:
            row = self._annotation_row(session, claim_id, annotator)
            if row is None:
                return
            session.add(_history(row, "remove"))
            session.delete(row)

    def get_annotation(self, claim_id: str, annotator: str) -> Annotation | None:
        """An annotator's current decision on a claim, or None."""
        with self._read() as session:
            row = self._annotation_row(session, claim_id, annotator)
            return convert.row_to_annotation(row) if row is not None else None

    def annotations(self, *, annotator: str | None = None) -> Iterator[Annotation]:
        """Stream current annotations ordered by claim id, then annotator."""
        query = select(AnnotationRow).order_by(AnnotationRow.claim_id, AnnotationRow.annotator)
        if annotator is not None:
            query = query.where(AnnotationRow.annotator == annotator)
        with self._read() as session:
            for row in session.exec(query.execution_options(yield_per=STREAM_BATCH)):
                yield convert.row_to_annotation(row)

    def label_votes(self) -> list[LabelVote]:
        """Every current (claim, annotator, label), fetched without ORM objects, for agreement over big tables."""
        query = select(AnnotationRow.claim_id, AnnotationRow.annotator, AnnotationRow.label)
        return list(map(LabelVote._make, self._raw_rows(query)))

    def annotations_by_claim(self, annotator: str, claim_ids: Sequence[str]) -> dict[str, Annotation]:
        """An annotator's decisions on the given claims, keyed by claim id."""
        if not claim_ids:
            return {}
        query = select(AnnotationRow).where(
            AnnotationRow.annotator == annotator, AnnotationRow.claim_id.in_(list(claim_ids))
        )
        with self._read() as session:
            return {row.claim_id: convert.row_to_annotation(row) for row in session.exec(query)}

    def labelled_claim_ids(self, annotator: str) -> set[str]:
        """Ids of the claims an annotator has labelled."""
        query = select(AnnotationRow.claim_id).where(AnnotationRow.annotator == annotator)
        with self._read() as session:
            return set(session.exec(query))

    def history(self, claim_id: str, annotator: str) -> list[dict]:
        """Every recorded change of one annotation, oldest first."""
        query = (
            select(AnnotationHistoryRow)
            .where(AnnotationHistoryRow.claim_id == claim_id, AnnotationHistoryRow.annotator == annotator)
            .order_by(AnnotationHistoryRow.id)
        )
        with self._read() as session:
            return [row.model_dump() for row in session.exec(query)]

    def progress(self, annotator: str) -> Progress:
        """How many current claims an annotator has labelled, out of all current claims."""
        done_query = (
            select(func.count(AnnotationRow.id))
            .join(ClaimRow, AnnotationRow.claim_id == ClaimRow.id)
            .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
            .where(AnnotationRow.annotator == annotator, ArticleRow.superseded_by.is_(None))
        )
        with self._read() as session:
            done = session.exec(done_query).one()
        return Progress(annotator=annotator, done=done, total=self.count_claims())

    def import_annotations(self, records: Sequence[Annotation], *, action: str = "import") -> ImportResult:
        """Bring in annotation records in one transaction: newer edits win, older ones go to the history only."""
        result = ImportResult()
        with self._write() as session:
            known_claims = set(
                session.exec(select(ClaimRow.id).where(ClaimRow.id.in_({r.claim_id for r in records})))
            )
            missing = [r.claim_id for r in records if r.claim_id not in known_claims]
            if missing:
                raise NotFoundError(f"unknown claim id '{missing[0]}' ({len(missing)} record(s) name unknown claims)")
            for record in records:
                existing = self._annotation_row(session, record.claim_id, record.annotator)
                if existing is None:
                    self._upsert_annotation(session, record, action, keep_times=True)
                    result.added += 1
                elif _same_decision(existing, record):
                    result.unchanged += 1
                elif as_utc(existing.updated_at) < record.updated_at:
                    self._upsert_annotation(session, record, action, keep_times=True)
                    result.updated += 1
                else:
                    session.add(_history(record, action))
                    result.unchanged += 1
        return result


    def save_adjudication(self, adjudication: Adjudication) -> Adjudication:
        """Record a lead's decision on a claim; the annotations it settles stay as they are."""
        with self._write() as session:
            self._ensure_annotator(session, adjudication.adjudicator)
            row = session.get(AdjudicationRow, adjudication.claim_id)
            now = utc_now()
            if row is None:
                row = AdjudicationRow(**adjudication.model_dump(exclude={"created_at", "updated_at"}),
                                      created_at=now, updated_at=now)
            else:
                for field in ("adjudicator", "label", "correction", "note"):
                    setattr(row, field, getattr(adjudication, field))
                row.updated_at = now
            session.add(row)
            session.flush()
            return convert.row_to_adjudication(row)

    def remove_adjudication(self, claim_id: str) -> None:
        """Take a lead's decision back (undo), leaving the claim unsettled again."""
        with self._write() as session:
            row = session.get(AdjudicationRow, claim_id)
            if row is not None:
                session.delete(row)

    def adjudications(self) -> Iterator[Adjudication]:
        """Every adjudication, ordered by claim id."""
        with self._read() as session:
            for row in session.exec(select(AdjudicationRow).order_by(AdjudicationRow.claim_id)):
                yield convert.row_to_adjudication(row)

    def export_items(self) -> Iterator[tuple[Claim, list[Annotation], Adjudication | None]]:
        """Stream each current claim (by id) with its annotations and adjudication, for export and agreement."""
        from annotator.store.export_stream import iter_export_items

        return iter_export_items(self)

    def annotations_for_claim(self, claim_id: str) -> list[Annotation]:
        """Every annotator's current decision on one claim (for adjudication)."""
        query = select(AnnotationRow).where(AnnotationRow.claim_id == claim_id).order_by(AnnotationRow.annotator)
        with self._read() as session:
            return [convert.row_to_annotation(row) for row in session.exec(query)]

    def get_adjudication(self, claim_id: str) -> Adjudication | None:
        """The lead's decision on a claim, if any."""
        with self._read() as session:
            row = session.get(AdjudicationRow, claim_id)
            return convert.row_to_adjudication(row) if row is not None else None

    def claims_to_review(self, *, include_agreed: bool = False) -> list[str]:
        """Ids of claims whose annotators disagree (or every multi-annotated claim), in reading order."""
        from annotator.store.team import claims_to_review

        return claims_to_review(self, include_agreed=include_agreed)

    def queue_length(self, spec: QueueSpec) -> int:
        """How many claims an annotator's queue holds."""
        return queue.queue_length(self, spec)

    def queue_page(self, spec: QueueSpec, offset: int, limit: int) -> list[str]:
        """The claim ids at positions `offset` .. `offset + limit - 1` of an annotator's queue."""
        return queue.queue_page(self, spec, offset, limit)

    def queue_index(self, spec: QueueSpec, claim_id: str) -> int | None:
        """Where a claim sits in an annotator's queue (None: not in it)."""
        return queue.queue_index(self, spec, claim_id)

    def queue_next_unlabelled(self, spec: QueueSpec, after: str | None) -> tuple[int, str, bool] | None:
        """Position, id and whether the search wrapped, of the next claim after `after` the annotator has not labelled."""
        return queue.queue_next_unlabelled(self, spec, after)

    def queue_ids_starting(self, spec: QueueSpec, prefix: str, limit: int = 2) -> list[str]:
        """Ids in an annotator's queue starting with `prefix`, the exact id first."""
        return queue.queue_ids_starting(self, spec, prefix, limit)

    def team_stats(self, *, overlap: int = 1) -> "TeamStats":
        """Queue progress, per-annotator counts and pace, and claims awaiting adjudication."""
        from annotator.store.team import team_stats

        return team_stats(self, overlap=overlap)

    def merge_from(self, other: "Store") -> "MergeResult":
        """Bring in another database's articles, annotations and adjudications without losing any."""
        from annotator.store.merge import merge_into

        return merge_into(self, other)


    @staticmethod
    def _annotation_row(session: Session, claim_id: str, annotator: str) -> AnnotationRow | None:
        query = select(AnnotationRow).where(AnnotationRow.claim_id == claim_id, AnnotationRow.annotator == annotator)
        return session.exec(query).first()

    @staticmethod
    def _ensure_annotator(session: Session, name: str) -> None:
        if session.get(AnnotatorRow, name) is None:
            session.add(AnnotatorRow(name=name, created_at=utc_now()))
            session.flush()

    def _upsert_annotation(
        self, session: Session, annotation: Annotation, action: str, *, keep_times: bool = False
    ) -> Annotation:
        if session.get(ClaimRow, annotation.claim_id) is None:
            raise NotFoundError(f"no claim with id '{annotation.claim_id}'")
        self._ensure_annotator(session, annotation.annotator)
        row = self._annotation_row(session, annotation.claim_id, annotation.annotator)
        now = utc_now()
        values = annotation.model_dump(exclude={"claim_id", "annotator", "created_at", "updated_at"})
        if row is None:
            row = AnnotationRow(
                claim_id=annotation.claim_id,
                annotator=annotation.annotator,
                created_at=annotation.created_at if keep_times else now,
                updated_at=annotation.updated_at if keep_times else now,
                **values,
            )
        else:
            for field, value in values.items():
                setattr(row, field, value)
            row.updated_at = annotation.updated_at if keep_times else now
        session.add(row)
        session.flush()
        session.add(_history(row, action))
        return convert.row_to_annotation(row)


def _same_decision(row: AnnotationRow, record: Annotation) -> bool:
    return (
        row.label == record.label
        and row.correction == record.correction
        and row.note == record.note
        and list(row.evidence or []) == list(record.evidence)
        and bool(row.flagged) == record.flagged
    )


def _history(source: AnnotationRow | Annotation, action: str) -> AnnotationHistoryRow:
    """A history entry recording the state of a stored row or an incoming record."""
    return AnnotationHistoryRow(
        claim_id=source.claim_id,
        annotator=source.annotator,
        action=action,
        label=source.label,
        correction=source.correction,
        note=source.note,
        evidence=list(source.evidence or []),
        flagged=bool(source.flagged),
        duration_ms=source.duration_ms,
        annotation_updated_at=source.updated_at,
        recorded_at=utc_now(),
    )
