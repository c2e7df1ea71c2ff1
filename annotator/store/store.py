"""The Store: the only way the rest of the tool reads and writes the database, in pydantic models."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlmodel import Session, select

from annotator.errors import DatabaseError, NotFoundError
from annotator.models import Adjudication, Annotation, Article, Claim, Progress, utc_now
from annotator.store import convert
from annotator.store.engine import make_engine, redact_url
from annotator.store.migrate import upgrade
from annotator.store.tables import (
    AdjudicationRow,
    AnnotationHistoryRow,
    AnnotationRow,
    AnnotatorRow,
    ArticleRow,
    ClaimRow,
)

if TYPE_CHECKING:
    from annotator.store.merge import MergeResult

STREAM_BATCH = 2000


@dataclass(frozen=True)
class AddArticleResult:
    """What `add_article` did: `added`, `unchanged` (same content seen before) or `new_version`."""

    status: str
    article_id: str
    superseded_id: str | None = None


@dataclass
class ImportResult:
    """Counts of an import or merge."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0


def open_store(url: str, *, migrate: bool = True) -> "Store":
    """Open the database at `url`, bringing its schema up to date, or raise DatabaseError with one clear line."""
    engine = make_engine(url)
    try:
        if migrate:
            upgrade(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseError(f"cannot open database '{redact_url(url)}': {_first_line(exc)}") from None
    return Store(engine)


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class Store:
    """Reads and writes articles, claims, annotations and adjudications; every method is its own transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._write_engine = engine.execution_options(sqlite_begin="IMMEDIATE")

    @property
    def url(self) -> str:
        """The database URL with any password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        """`sqlite` or `postgresql`."""
        return self.engine.dialect.name

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        try:
            with Session(self.engine) as session:
                yield session
        except OperationalError as exc:
            raise DatabaseError(f"database unavailable ({self.url}): {_first_line(exc)}") from None

    @contextmanager
    def _write(self) -> Iterator[Session]:
        try:
            with Session(self._write_engine) as session:
                yield session
                session.commit()
        except OperationalError as exc:
            raise DatabaseError(f"database unavailable ({self.url}): {_first_line(exc)}") from None

    # Articles and claims

    def add_article(self, article: Article, claims: Sequence[Claim]) -> AddArticleResult:
        """Store an article and its claims; the same content again changes nothing, changed content is a new version."""
        with self._write() as session:
            if session.get(ArticleRow, article.id) is not None:
                return AddArticleResult("unchanged", article.id)
            previous = None
            if article.superseded_by is None:
                previous = session.exec(
                    select(ArticleRow).where(ArticleRow.source == article.source, ArticleRow.superseded_by.is_(None))
                ).first()
            if previous is not None and previous.content_hash == article.content_hash:
                return AddArticleResult("unchanged", previous.id)
            next_order = (session.exec(select(func.max(ArticleRow.ingest_order))).one() or 0) + 1
            session.add(convert.article_to_row(article, next_order, utc_now()))
            session.flush()
            for claim in claims:
                session.add(convert.claim_to_row(claim))
            if previous is not None:
                previous.superseded_by = article.id
                session.add(previous)
                return AddArticleResult("new_version", article.id, previous.id)
            return AddArticleResult("added", article.id)

    def has_article(self, article_id: str) -> bool:
        """True when this exact article version is stored (re-ingesting it can be skipped)."""
        with self._read() as session:
            return session.get(ArticleRow, article_id) is not None

    def articles(self, *, event: str | None = None) -> list[Article]:
        """Every stored article version in ingest order, optionally of one event."""
        with self._read() as session:
            query = select(ArticleRow).order_by(ArticleRow.ingest_order)
            if event is not None:
                query = query.where(ArticleRow.event == event)
            return [convert.row_to_article(row) for row in session.exec(query)]

    def get_article(self, article_id: str) -> Article:
        """One article by id."""
        with self._read() as session:
            row = session.get(ArticleRow, article_id)
            if row is None:
                raise NotFoundError(f"no article with id '{article_id}'")
            return convert.row_to_article(row)

    def events(self) -> list[str]:
        """Names of the events that have articles."""
        with self._read() as session:
            query = select(ArticleRow.event).where(ArticleRow.event.is_not(None)).distinct()
            return sorted(session.exec(query))

    def claims(
        self, *, event: str | None = None, article: str | None = None, include_superseded: bool = True
    ) -> Iterator[Claim]:
        """Stream claims in reading order (article ingest order, then position in the article)."""
        query = select(ClaimRow, ArticleRow).join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
        if event is not None:
            query = query.where(ArticleRow.event == event)
        if article is not None:
            query = query.where((ArticleRow.id == article) | (ArticleRow.source == article))
        if not include_superseded:
            query = query.where(ArticleRow.superseded_by.is_(None))
        query = query.order_by(ArticleRow.ingest_order, ClaimRow.position)
        with self._read() as session:
            for claim_row, article_row in session.exec(query.execution_options(yield_per=STREAM_BATCH)):
                yield convert.row_to_claim(claim_row, article_row)

    def claim_ids(self) -> list[str]:
        """Ids of the current (not superseded) claims in reading order; cheap enough to hold for 100,000 claims."""
        query = (
            select(ClaimRow.id)
            .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
            .where(ArticleRow.superseded_by.is_(None))
            .order_by(ArticleRow.ingest_order, ClaimRow.position)
        )
        with self._read() as session:
            return list(session.exec(query))

    def get_claims(self, claim_ids: Sequence[str]) -> list[Claim]:
        """The claims with these ids, in the order given (a window for the annotation screen)."""
        if not claim_ids:
            return []
        query = (
            select(ClaimRow, ArticleRow)
            .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
            .where(ClaimRow.id.in_(list(claim_ids)))
        )
        with self._read() as session:
            found = {row.id: convert.row_to_claim(row, article) for row, article in session.exec(query)}
        return [found[claim_id] for claim_id in claim_ids if claim_id in found]

    def get_claim(self, claim_id: str) -> Claim:
        """One claim by id."""
        claims = self.get_claims([claim_id])
        if not claims:
            raise NotFoundError(f"no claim with id '{claim_id}'")
        return claims[0]

    def count_claims(self, *, include_superseded: bool = False) -> int:
        """How many claims there are."""
        query = select(func.count(ClaimRow.id)).join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
        if not include_superseded:
            query = query.where(ArticleRow.superseded_by.is_(None))
        with self._read() as session:
            return session.exec(query).one()

    def update_links(self, claims: Iterable[Claim]) -> int:
        """Store recomputed `group`, `corroborated_by` and `conflicts` of claims; annotations are untouched."""
        updated = 0
        with self._write() as session:
            for claim in claims:
                row = session.get(ClaimRow, claim.id)
                if row is None:
                    continue
                row.group_id = claim.group
                row.corroborated_by = list(claim.corroborated_by)
                row.conflicts = [conflict.model_dump() for conflict in claim.conflicts]
                session.add(row)
                updated += 1
        return updated

    # Annotations

    def save_annotation(self, annotation: Annotation, *, action: str = "save") -> Annotation:
        """Insert or replace one annotator's decision on a claim and log it; committed before this returns."""
        with self._write() as session:
            saved = self._upsert_annotation(session, annotation, action)
        return saved

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
                elif convert.as_utc(existing.updated_at) < record.updated_at:
                    self._upsert_annotation(session, record, action, keep_times=True)
                    result.updated += 1
                else:
                    session.add(_history_from_model(record, action))
                    result.unchanged += 1
        return result

    # Adjudications

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

    def adjudications(self) -> Iterator[Adjudication]:
        """Every adjudication, ordered by claim id."""
        with self._read() as session:
            for row in session.exec(select(AdjudicationRow).order_by(AdjudicationRow.claim_id)):
                yield convert.row_to_adjudication(row)

    def export_items(self) -> Iterator[tuple[Claim, list[Annotation], Adjudication | None]]:
        """Stream each current claim (by id) with its annotations and adjudication, for export and agreement."""
        adjudications = {item.claim_id: item for item in self.adjudications()}
        annotation_stream = self.annotations()
        pending = next(annotation_stream, None)
        claim_query = (
            select(ClaimRow, ArticleRow)
            .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
            .where(ArticleRow.superseded_by.is_(None))
            .order_by(ClaimRow.id)
        )
        with self._read() as session:
            for claim_row, article_row in session.exec(claim_query.execution_options(yield_per=STREAM_BATCH)):
                while pending is not None and pending.claim_id < claim_row.id:
                    pending = next(annotation_stream, None)
                claim_annotations = []
                while pending is not None and pending.claim_id == claim_row.id:
                    claim_annotations.append(pending)
                    pending = next(annotation_stream, None)
                yield (
                    convert.row_to_claim(claim_row, article_row),
                    claim_annotations,
                    adjudications.get(claim_row.id),
                )

    def merge_from(self, other: "Store") -> "MergeResult":
        """Bring in another database's articles, annotations and adjudications without losing any."""
        from annotator.store.merge import merge_into

        return merge_into(self, other)

    # Internals

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


def _history(row: AnnotationRow, action: str) -> AnnotationHistoryRow:
    return AnnotationHistoryRow(
        claim_id=row.claim_id,
        annotator=row.annotator,
        action=action,
        label=row.label,
        correction=row.correction,
        note=row.note,
        evidence=list(row.evidence or []),
        flagged=bool(row.flagged),
        duration_ms=row.duration_ms,
        annotation_updated_at=row.updated_at,
        recorded_at=utc_now(),
    )


def _history_from_model(annotation: Annotation, action: str) -> AnnotationHistoryRow:
    return AnnotationHistoryRow(
        claim_id=annotation.claim_id,
        annotator=annotation.annotator,
        action=action,
        label=annotation.label,
        correction=annotation.correction,
        note=annotation.note,
        evidence=list(annotation.evidence),
        flagged=annotation.flagged,
        duration_ms=annotation.duration_ms,
        annotation_updated_at=annotation.updated_at,
        recorded_at=utc_now(),
    )
