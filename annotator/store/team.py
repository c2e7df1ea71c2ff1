"""Team views of the store: disagreements awaiting a lead, and per-annotator statistics."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from statistics import median

from sqlalchemy import and_, case, func, or_
from sqlmodel import select

from annotator.models import AnnotatorStats, FlaggedClaim, TeamStats, as_utc, utc_now
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
        """Current claims a lead should see, in reading order: two or more verdicts that disagree (with
        `include_agreed`, any two or more verdicts), and every claim someone flagged for the lead."""
        verdicts = func.count(AnnotationRow.label)
        distinct_labels = func.count(func.distinct(AnnotationRow.label))
        flagged = func.max(case((AnnotationRow.flagged.is_(True), 1), else_=0))
        shared = verdicts >= 2 if include_agreed else and_(verdicts >= 2, distinct_labels >= 2)
        query = (
            select(AnnotationRow.claim_id)
            .join(ClaimRow, AnnotationRow.claim_id == ClaimRow.id)
            .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
            .where(ArticleRow.superseded_by.is_(None))
            .group_by(AnnotationRow.claim_id, ArticleRow.ingest_order, ArticleRow.id, ClaimRow.position)
            .having(or_(shared, flagged == 1))
            .order_by(ArticleRow.ingest_order, ArticleRow.id, ClaimRow.position)
        )
        with self.db.read() as session:
            return list(session.exec(query))

    def flags(self) -> list[FlaggedClaim]:
        """Every current flag for the lead, in reading order: who flagged the claim, their note and verdict."""
        query = (
            select(AnnotationRow.claim_id, AnnotationRow.annotator, AnnotationRow.label, AnnotationRow.note,
                   AnnotationRow.updated_at)
            .join(ClaimRow, AnnotationRow.claim_id == ClaimRow.id)
            .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
            .where(ArticleRow.superseded_by.is_(None), AnnotationRow.flagged.is_(True))
            .order_by(ArticleRow.ingest_order, ArticleRow.id, ClaimRow.position, AnnotationRow.annotator)
        )
        with self.db.read() as session:
            return [
                FlaggedClaim(claim_id=claim_id, annotator=annotator, label=label, note=note,
                             flagged_at=as_utc(updated_at))
                for claim_id, annotator, label, note, updated_at in session.exec(query)
            ]

    def stats(self, *, overlap: int = 1) -> TeamStats:
        """Counts of the queue's state and each annotator's output and median time per decision."""
        with self.db.read() as session:
            per_claim = dict(
                session.exec(
                    select(AnnotationRow.claim_id, func.count(AnnotationRow.id))
                    .join(ClaimRow, AnnotationRow.claim_id == ClaimRow.id)
                    .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
                    .where(ArticleRow.superseded_by.is_(None), AnnotationRow.label.is_not(None))
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
            edits: dict[str, int] = defaultdict(int)
            last_active: dict = {}
            for name, label, edit, duration, is_flagged, updated_at in session.exec(
                select(AnnotationRow.annotator, AnnotationRow.label, AnnotationRow.edit, AnnotationRow.duration_ms,
                       AnnotationRow.flagged, AnnotationRow.updated_at)
            ):
                counts[name] += label is not None
                flagged[name] += bool(is_flagged)
                edits[name] += edit is not None
                if duration is not None and label is not None:
                    durations[name].append(duration)
                updated_at = as_utc(updated_at)
                if name not in last_active or updated_at > last_active[name]:
                    last_active[name] = updated_at
        total = self.claims.count()
        disputed = set(self.claims_to_review())
        complete = sum(1 for count in per_claim.values() if count >= overlap)
        medians = {name: median(times) for name, times in durations.items() if times}
        annotators = [
            AnnotatorStats(
                annotator=name,
                annotations=counts[name],
                median_ms=int(medians[name]) if name in medians else None,
                per_hour=round(3_600_000 / medians[name], 1) if medians.get(name) else None,
                flagged=flagged[name],
                edits=edits[name],
                last_active=last_active.get(name),
            )
            for name in sorted(counts)
        ]
        remaining = total * overlap - sum(min(count, overlap) for count in per_claim.values())
        recent = utc_now() - timedelta(hours=1)
        paces = [row.per_hour for row in annotators
                 if row.per_hour and row.last_active is not None and row.last_active >= recent]
        per_hour = round(sum(paces), 1) if paces else None
        return TeamStats(
            claims=total,
            complete=complete,
            in_progress=len(per_claim) - complete,
            untouched=total - len(per_claim),
            reserved=reserved,
            overlap=overlap,
            awaiting_adjudication=len(disputed - adjudicated),
            adjudicated=len(adjudicated),
            annotators=annotators,
            remaining=remaining,
            per_hour=per_hour,
            hours_left=round(remaining / per_hour, 2) if per_hour else None,
            flags=self.flags(),
        )
