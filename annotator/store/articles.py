"""Articles: adding article versions and reading them back."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import func, insert, text
from sqlmodel import select

from annotator.errors import NotFoundError
from annotator.models import Article, ArticleRef, Claim, utc_now
from annotator.store.database import Database
from annotator.store.further import write_further
from annotator.store.mapping import article_from_table_row, article_to_row, claim_values, ref_from_table_row
from annotator.store.results import AddArticleResult
from annotator.store.tables import ArticleRow, ClaimRow

ARTICLE_LOCK_KEY = 7_401_318
"""PostgreSQL advisory lock every process takes while adding an article (SQLite's write lock does the same)."""


class Articles:
    """The stored article versions; each call is one transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, article: Article, claims: Sequence[Claim]) -> AddArticleResult:
        """Store an article and its claims; the same content again changes nothing, changed content is a new version."""
        with self.db.write() as session:
            if self.db.dialect == "postgresql":  # one article at a time: ingest numbers and versions stay unique
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ARTICLE_LOCK_KEY})
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
            session.add(article_to_row(article, next_order, utc_now()))
            session.flush()
            if claims:
                session.execute(insert(ClaimRow), [claim_values(claim) for claim in claims])
                write_further(session, [(claim.id, claim.also_groups) for claim in claims if claim.also_groups])
            if previous is not None:
                previous.superseded_by = article.id
                session.add(previous)
                return AddArticleResult("new_version", article.id, previous.id)
            return AddArticleResult("added", article.id)

    def has(self, article_id: str) -> bool:
        """True when this exact article version is stored (re-ingesting it can be skipped)."""
        with self.db.read() as session:
            return session.get(ArticleRow, article_id) is not None

    def current_id(self, source: str) -> str | None:
        """Id of the current (not superseded) version of the article read from `source`, if any."""
        query = select(ArticleRow.id).where(ArticleRow.source == source, ArticleRow.superseded_by.is_(None))
        found = self.db.scalars(query)
        return found[0] if found else None

    def all(self, *, event: str | None = None) -> list[Article]:
        """Every stored article version in ingest order, optionally of one event."""
        query = select(ArticleRow).order_by(ArticleRow.ingest_order)
        if event is not None:
            query = query.where(ArticleRow.event == event)
        with self.db.read() as session:
            return [article_from_table_row(row) for row in session.exec(query)]

    def get(self, article_id: str) -> Article:
        """One article by id."""
        with self.db.read() as session:
            row = session.get(ArticleRow, article_id)
            if row is None:
                raise NotFoundError(f"no article with id '{article_id}'")
            return article_from_table_row(row)

    def refs(self, article_ids: Iterable[str]) -> dict[str, ArticleRef]:
        """The identity (source, outlet, title, ...) of the given articles, keyed by id."""
        query = select(ArticleRow).where(ArticleRow.id.in_(list(article_ids)))
        with self.db.read() as session:
            return {row.id: ref_from_table_row(row) for row in session.exec(query)}

    def claim_ids(self, article_id: str) -> list[str]:
        """Ids of one article's claims in reading order."""
        query = select(ClaimRow.id).where(ClaimRow.article_id == article_id).order_by(ClaimRow.position)
        return self.db.scalars(query)
