"""Articles and claims: adding article versions, reading claims in order and in windows, storing links."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import JSON, bindparam, func, insert, text, update
from sqlmodel import select

from annotator.errors import NotFoundError
from annotator.models import Article, ArticleRef, Claim, ClaimFilter, QueueSpec, utc_now
from annotator.store import convert, queue
from annotator.store.base import StoreBase
from annotator.store.fast_rows import CLAIM_COLUMNS, claim_from_row
from annotator.store.tables import ArticleRow, ClaimRow

STREAM_BATCH = 2000
ARTICLE_LOCK_KEY = 7_401_318
"""PostgreSQL advisory lock every process takes while adding an article (SQLite's write lock does the same)."""


@dataclass(frozen=True)
class AddArticleResult:
    """What `add_article` did: `added`, `unchanged` (same content seen before) or `new_version`."""

    status: str
    article_id: str
    superseded_id: str | None = None


class ArticleStore(StoreBase):
    """The article and claim half of the Store."""


    def add_article(self, article: Article, claims: Sequence[Claim]) -> AddArticleResult:
        """Store an article and its claims; the same content again changes nothing, changed content is a new version."""
        with self._write() as session:
            if self.dialect == "postgresql":  # one article at a time: ingest numbers and versions stay unique
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
            session.add(convert.article_to_row(article, next_order, utc_now()))
            session.flush()
            if claims:
                session.execute(insert(ClaimRow), [convert.claim_values(claim) for claim in claims])
            if previous is not None:
                previous.superseded_by = article.id
                session.add(previous)
                return AddArticleResult("new_version", article.id, previous.id)
            return AddArticleResult("added", article.id)

    def has_article(self, article_id: str) -> bool:
        """True when this exact article version is stored (re-ingesting it can be skipped)."""
        with self._read() as session:
            return session.get(ArticleRow, article_id) is not None

    def current_article_id(self, source: str) -> str | None:
        """Id of the current (not superseded) version of the article read from `source`, if any."""
        query = select(ArticleRow.id).where(ArticleRow.source == source, ArticleRow.superseded_by.is_(None))
        found = self._scalars(query)
        return found[0] if found else None

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
        query = select(*CLAIM_COLUMNS).join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
        if event is not None:
            query = query.where(ArticleRow.event == event)
        if article is not None:
            query = query.where((ArticleRow.id == article) | (ArticleRow.source == article))
        if not include_superseded:
            query = query.where(ArticleRow.superseded_by.is_(None))
        query = query.order_by(ArticleRow.ingest_order, ClaimRow.position)
        refs: dict[str, ArticleRef] = {}
        with self.unavailable_as_error(), self.engine.connect() as connection:
            rows = connection.execution_options(stream_results=True, yield_per=STREAM_BATCH).execute(query)
            for row in rows:
                yield claim_from_row(tuple(row), refs)

    def claim_ids(self) -> list[str]:
        """Ids of the current (not superseded) claims in reading order."""
        return self.search_claim_ids()

    def search_claim_ids(
        self,
        *,
        text: str | None = None,
        article: str | None = None,
        has_conflicts: bool = False,
        annotator: str | None = None,
        label: str | None = None,
        unlabelled: bool = False,
        flagged: bool = False,
    ) -> list[str]:
        """Ids of current claims matching every filter given, in reading order, computed by the database.

        `text` matches the claim text case-insensitively; `article` an article's id, source, outlet or title;
        `label`, `unlabelled` and `flagged` refer to `annotator`'s own decisions.
        """
        wanted = ClaimFilter(
            text=text or "", article=article or "", conflicts=has_conflicts,
            label=label or "" if annotator else "", unlabelled=unlabelled and annotator is not None,
            flagged=flagged and annotator is not None,
        )
        return self._scalars(queue.ordered_ids(QueueSpec(annotator=annotator or "", claim_filter=wanted)))

    def article_claim_ids(self, article_id: str) -> list[str]:
        """Ids of one article's claims in reading order."""
        query = select(ClaimRow.id).where(ClaimRow.article_id == article_id).order_by(ClaimRow.position)
        return self._scalars(query)

    def article_refs(self, article_ids: Iterable[str]) -> dict[str, ArticleRef]:
        """The identity (source, outlet, title, ...) of the given articles, keyed by id."""
        query = select(ArticleRow).where(ArticleRow.id.in_(list(article_ids)))
        with self._read() as session:
            return {row.id: convert.row_to_ref(row) for row in session.exec(query)}

    def get_claims(self, claim_ids: Sequence[str]) -> list[Claim]:
        """The claims with these ids, in the order given (a window for the annotation screen)."""
        if not claim_ids:
            return []
        query = (
            select(*CLAIM_COLUMNS)
            .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
            .where(ClaimRow.id.in_(list(claim_ids)))
        )
        refs: dict[str, ArticleRef] = {}
        found = {row[0]: claim_from_row(row, refs) for row in self._rows(query)}
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
        values = [
            {
                "claim_key": claim.id,
                "group_id": claim.group,
                "corroborated_by": list(claim.corroborated_by),
                "conflicts": [conflict.model_dump() for conflict in claim.conflicts],
            }
            for claim in claims
        ]
        if not values:
            return 0
        statement = (
            update(ClaimRow)
            .where(ClaimRow.id == bindparam("claim_key"))
            .values(
                group_id=bindparam("group_id"),
                corroborated_by=bindparam("corroborated_by", type_=JSON),
                conflicts=bindparam("conflicts", type_=JSON),
            )
        )
        with self._write() as session:
            session.connection().execute(statement, values)
        return len(values)
