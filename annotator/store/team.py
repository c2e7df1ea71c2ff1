"""Team views of the store: disagreements awaiting a lead, and per-annotator statistics."""

from __future__ import annotations

from collections import defaultdict
from statistics import median

from sqlalchemy import func
from sqlmodel import select

from annotator.models import AnnotatorStats, TeamStats, utc_now
from annotator.store.claims import Claims
from annotator.store.database import Database
from annotator.store.tables import (
    AdjudicationRow,
    AnnotationRow,
    ArticleRow,
    ClaimRow,
    LeaseRow,
)


class Team:
    """What the team as a whole has done; each call reads in transactions of its own."""

    def __init__(self, db: Database, claims: Claims) -> None:
        self.db = db
        self.claims = claims

    def claims_to_review(self, *, include_agreed: bool = False) -> list[str]:
        """Current claims with two or more annotators who disagree (or all multi-annotated ones), in reading order."""
        distinct_labels = func.count(func.distinct(AnnotationRow.label))
        query = (
            select(AnnotationRow.claim_id)
            .join(ClaimRow, AnnotationRow.claim_id == ClaimRow.id)
            .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
            .where(ArticleRow.superseded_by.is_(None))
            .group_by(AnnotationRow.claim_id, ArticleRow.ingest_order, ClaimRow.position)
            .having(func.count(AnnotationRow.id) >= 2)
            .order_by(ArticleRow.ingest_order, ClaimRow.position)
        )
        if not include_agreed:
            query = query.having(distinct_labels >= 2)
        with self.db.read() as session:
            return list(session.exec(query))

    def stats(self, *, overlap: int = 1) -> TeamStats:
        """Counts of the queue's state and each annotator's output and median time per decision."""
        with self.db.read() as session:
            per_claim = dict(
                session.exec(
                    select(AnnotationRow.claim_id, func.count(AnnotationRow.id))
                    .join(ClaimRow, AnnotationRow.claim_id == ClaimRow.id)
                    .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
                    .where(ArticleRow.superseded_by.is_(None))
                    .group_by(AnnotationRow.claim_id)
                ).all()
            )
            reserved = session.exec(
                select(func.count(func.distinct(LeaseRow.claim_id))).where(LeaseRow.expires_at > utc_now())
            ).one()
            adjudicated = set(session.exec(select(AdjudicationRow.claim_id)))
            durations: dict[str, list[int]] = defaultdict(list)
            counts: dict[str, int] = defaultdict(int)
            flagged: dict[str, int] = defaultdict(int)
            last_active: dict = {}
            for name, duration, is_flagged, updated_at in session.exec(
                select(AnnotationRow.annotator, AnnotationRow.duration_ms, AnnotationRow.flagged, AnnotationRow.updated_at)
            ):
                counts[name] += 1
                flagged[name] += bool(is_flagged)
                if duration is not None:
                    durations[name].append(duration)
                if name not in last_active or updated_at > last_active[name]:
                    last_active[name] = updated_at
        total = self.claims.count()
        disputed = set(self.claims_to_review())
        complete = sum(1 for count in per_claim.values() if count >= overlap)
        return TeamStats(
            claims=total,
            complete=complete,
            in_progress=len(per_claim) - complete,
            untouched=total - len(per_claim),
            reserved=reserved,
            overlap=overlap,
            awaiting_adjudication=len(disputed - adjudicated),
            adjudicated=len(adjudicated),
            annotators=[
                AnnotatorStats(
                    annotator=name,
                    annotations=counts[name],
                    median_ms=int(median(durations[name])) if durations[name] else None,
                    flagged=flagged[name],
                    last_active=last_active.get(name),
                )
                for name in sorted(counts)
            ],
        )
