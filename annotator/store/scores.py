"""Check-worthiness scores: claim texts to score, page by page, and the scores a model gave, with its version.

Scores are claim columns; writing them never touches annotations, adjudications or their history.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import bindparam, exists, func, update
from sqlmodel import select

from annotator.store.database import Database
from annotator.store.tables import AdjudicationRow, AnnotationRow, ArticleRow, ClaimRow

SCORE_PAGE = 1000


def _current(query, *, event: str | None, unlabelled_only: bool):
    query = query.join(ArticleRow, ClaimRow.article_id == ArticleRow.id).where(ArticleRow.superseded_by.is_(None))
    if event is not None:
        query = query.where(ArticleRow.event == event)
    if unlabelled_only:
        query = query.where(
            ~exists().where(AnnotationRow.claim_id == ClaimRow.id),
            ~exists().where(AdjudicationRow.claim_id == ClaimRow.id),
        )
    return query


class Scores:
    """The check-worthiness of the current claims; each call is one transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def texts(
        self, *, event: str | None = None, unlabelled_only: bool = False, after: str | None = None,
        limit: int = SCORE_PAGE,
    ) -> list[tuple[str, str]]:
        """(id, text) of up to `limit` current claims with ids after `after`, in id order: a page to score.

        `unlabelled_only` leaves out the claims anyone annotated or adjudicated.
        """
        query = _current(select(ClaimRow.id, ClaimRow.text), event=event, unlabelled_only=unlabelled_only)
        if after is not None:
            query = query.where(ClaimRow.id > after)
        return self.db.rows(query.order_by(ClaimRow.id).limit(limit))

    def count(self, *, event: str | None = None, unlabelled_only: bool = False) -> int:
        """How many claims `texts` pages through, for a progress bar."""
        query = _current(select(func.count(ClaimRow.id)), event=event, unlabelled_only=unlabelled_only)
        return self.db.scalars(query)[0]

    def update(self, scores: Sequence[tuple[str, float]], model_version: str | None) -> int:
        """Store each (claim id, score) with the version of the model that gave it; returns how many were written."""
        if not scores:
            return 0
        statement = (
            update(ClaimRow)
            .where(ClaimRow.id == bindparam("claim_key"))
            .values(checkworthiness=bindparam("score"), checkworthiness_model=model_version)
        )
        with self.db.write() as session:
            session.connection().execute(
                statement, [{"claim_key": claim_id, "score": float(score)} for claim_id, score in scores]
            )
        return len(scores)

    def models(self) -> dict[str | None, int]:
        """How many current claims each model scored (None: the built-in formula)."""
        query = _current(
            select(ClaimRow.checkworthiness_model, func.count(ClaimRow.id)), event=None, unlabelled_only=False
        ).group_by(ClaimRow.checkworthiness_model)
        return {model: count for model, count in self.db.rows(query)}
