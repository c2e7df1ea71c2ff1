"""Routing: which claim an annotator gets next, so no claim collects more than `overlap` annotators.

Every change to a claim's load (a lease taken, an annotation added) happens while holding that claim's row lock
(`FOR UPDATE` on PostgreSQL; SQLite's `BEGIN IMMEDIATE` serialises writers), and the load is recounted in a fresh
statement after the lock is held, so concurrent annotators never push a claim past the overlap.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import timedelta

from sqlalchemy import and_, delete, exists, func
from sqlmodel import Session, select

from annotator.models import Claim, utc_now
from annotator.store.annotation_save import take_lease_if_free
from annotator.store.claims import Claims
from annotator.store.database import Database
from annotator.store.queue import order_columns
from annotator.store.tables import AnnotationRow, ArticleRow, ClaimRow, LeaseRow

CANDIDATE_BATCH = 20
LOCKED_QUEUE_PATIENCE_SECONDS = 10.0
"""How long to retry while every open claim is locked by other reviewers' in-flight transactions."""


class Routing:
    """Which claim each annotator gets next, reserved for them under the overlap; each call is one transaction."""

    def __init__(self, db: Database, claims: Claims) -> None:
        self.db = db
        self.claims = claims

    def reserve_next(
        self, annotator: str, *, overlap: int, lease_seconds: int, skip: Iterable[str] = (), order: str = "reading"
    ) -> Claim | None:
        """The next claim for this annotator under the overlap, reserved for `lease_seconds`; None when done.

        Open claims come in `order`: `reading`, `score` (most check-worthy first) or `uncertain`."""
        skip_ids = frozenset(skip)
        deadline = time.monotonic() + LOCKED_QUEUE_PATIENCE_SECONDS
        while True:
            with self.db.write() as session:
                claim_id = reserve_next(
                    session, annotator, overlap=overlap, lease_seconds=lease_seconds, skip=skip_ids, order=order
                )
            if claim_id is not None:
                return self.claims.get(claim_id)
            with self.db.read() as session:
                if not has_open_claim(session, annotator, overlap=overlap, skip=skip_ids) or time.monotonic() > deadline:
                    return None
            time.sleep(0.05)

    def renew(self, claim_id: str, annotator: str, *, overlap: int, lease_seconds: int) -> bool:
        """Keep a claim reserved while it stays on screen; False when another reviewer has taken its place."""
        return self.reserve(claim_id, annotator, overlap=overlap, lease_seconds=lease_seconds)

    def reserve(self, claim_id: str, annotator: str, *, overlap: int, lease_seconds: int) -> bool:
        """Reserve (or keep reserved) one given claim for `lease_seconds`; False when it has no place left for this
        annotator, or they decided it already."""
        expires_at = utc_now() + timedelta(seconds=lease_seconds)
        with self.db.driver_transaction() as cursor:
            return take_lease_if_free(cursor, claim_id, annotator, overlap, expires_at)

    def first_open(self, annotator: str, *, overlap: int, skip: Iterable[str] = (), order: str = "reading") -> str | None:
        """The claim `reserve_next` would reserve now, without reserving it (None: none is open for this annotator)."""
        with self.db.read() as session:
            return first_open_claim(session, annotator, overlap=overlap, skip=frozenset(skip), order=order).first()

    def release(self, claim_id: str, annotator: str) -> None:
        """Give a reserved claim back to the queue (skip, quit)."""
        with self.db.write() as session:
            release_lease(session, claim_id, annotator)


def claim_load(session: Session, claim_id: str, annotator: str) -> int:
    """Places on a claim taken by others: their annotations plus their live leases."""
    now = utc_now()
    annotations = session.exec(
        select(func.count()).select_from(AnnotationRow).where(
            AnnotationRow.claim_id == claim_id, AnnotationRow.annotator != annotator
        )
    ).one()
    leases = session.exec(
        select(func.count()).select_from(LeaseRow).where(
            LeaseRow.claim_id == claim_id, LeaseRow.annotator != annotator, LeaseRow.expires_at > now
        )
    ).one()
    return annotations + leases


def lock_claim(session: Session, claim_id: str) -> bool:
    """Take the row lock of one claim (waiting for it); False when the claim does not exist."""
    return session.exec(select(ClaimRow.id).where(ClaimRow.id == claim_id).with_for_update()).first() is not None


def take_lease(session: Session, claim_id: str, annotator: str, lease_seconds: int) -> None:
    """Reserve (or extend) a claim for an annotator; the caller holds the claim's lock."""
    expires_at = utc_now() + timedelta(seconds=lease_seconds)
    lease = session.get(LeaseRow, (claim_id, annotator))
    if lease is None:
        lease = LeaseRow(claim_id=claim_id, annotator=annotator, expires_at=expires_at)
    else:
        lease.expires_at = expires_at
    session.add(lease)
    session.flush()


def release_lease(session: Session, claim_id: str, annotator: str) -> None:
    """Give a reserved claim back to the queue."""
    session.execute(delete(LeaseRow).where(LeaseRow.claim_id == claim_id, LeaseRow.annotator == annotator))


def reserve_next(
    session: Session, annotator: str, *, overlap: int, lease_seconds: int, skip: frozenset[str] = frozenset(),
    order: str = "reading",
) -> str | None:
    """The id of the next claim this annotator should see, reserved for them; None when the queue is empty for them.

    Open claims are handed out in `order` (`reading`, `score` or `uncertain`, as the annotation queue)."""
    now = utc_now()
    session.execute(delete(LeaseRow).where(LeaseRow.expires_at <= now))
    held = session.exec(
        select(LeaseRow.claim_id)
        .where(LeaseRow.annotator == annotator, LeaseRow.expires_at > now)
        .where(~exists().where(and_(AnnotationRow.claim_id == LeaseRow.claim_id,
                                    AnnotationRow.annotator == annotator)))
    ).all()
    for claim_id in held:
        if claim_id in skip:
            continue
        lock_claim(session, claim_id)
        if claim_load(session, claim_id, annotator) < overlap:
            take_lease(session, claim_id, annotator, lease_seconds)
            return claim_id
        release_lease(session, claim_id, annotator)
    annotation_count = (
        select(func.count()).select_from(AnnotationRow).where(AnnotationRow.claim_id == ClaimRow.id).scalar_subquery()
    )
    mine = exists().where(and_(AnnotationRow.claim_id == ClaimRow.id, AnnotationRow.annotator == annotator))
    offset = 0
    while True:
        candidates = session.exec(
            select(ClaimRow.id)
            .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
            .where(ArticleRow.superseded_by.is_(None), ~mine, annotation_count < overlap)
            .order_by(*order_columns(order))
            .offset(offset)
            .limit(CANDIDATE_BATCH)
            .with_for_update(of=ClaimRow, skip_locked=True)
        ).all()
        if not candidates:
            return None
        for claim_id in candidates:
            if claim_id in skip:
                continue
            if claim_load(session, claim_id, annotator) < overlap:
                take_lease(session, claim_id, annotator, lease_seconds)
                return claim_id
        offset += len(candidates)


def has_open_claim(
    session: Session, annotator: str, *, overlap: int, skip: frozenset[str] = frozenset()
) -> bool:
    """True when some claim still has a free place for this annotator, ignoring row locks held right now.

    Separates "the queue is empty" from "every open claim is locked by another reviewer's transaction this instant",
    which SKIP LOCKED alone cannot tell apart.
    """
    return first_open_claim(session, annotator, overlap=overlap, skip=skip).first() is not None


def first_open_claim(session: Session, annotator: str, *, overlap: int, skip: frozenset[str] = frozenset(),
                order: str | None = None):
    """The first claim with a free place for this annotator (in `order`, if given) as a result, ignoring row locks."""
    now = utc_now()
    annotations = (
        select(func.count()).select_from(AnnotationRow).where(AnnotationRow.claim_id == ClaimRow.id).scalar_subquery()
    )
    leases = (
        select(func.count())
        .select_from(LeaseRow)
        .where(LeaseRow.claim_id == ClaimRow.id, LeaseRow.annotator != annotator, LeaseRow.expires_at > now)
        .scalar_subquery()
    )
    mine = exists().where(and_(AnnotationRow.claim_id == ClaimRow.id, AnnotationRow.annotator == annotator))
    query = (
        select(ClaimRow.id)
        .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
        .where(ArticleRow.superseded_by.is_(None), ~mine, annotations + leases < overlap)
        .limit(1)
    )
    if order is not None:
        query = query.order_by(*order_columns(order))
    if skip:
        query = query.where(ClaimRow.id.not_in(skip))
    return session.exec(query)
