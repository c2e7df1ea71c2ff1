"""Claims: reading them in order and in windows, searching them, storing their links."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import JSON, bindparam, func, or_, update
from sqlmodel import select

from annotator.errors import NotFoundError
from annotator.models import ArticleRef, Claim, ClaimFilter, QueueSpec
from annotator.store.database import Database
from annotator.store.further import members_of, write_further
from annotator.store.mapping import CLAIM_COLUMNS, claim_from_row
from annotator.store.queue import ordered_ids
from annotator.store.tables import ArticleRow, ClaimRow

STREAM_BATCH = 2000


class Claims:
    """The stored claims; each call is one transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def all(
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
        for row in self.db.stream_rows(query, STREAM_BATCH):
            yield claim_from_row(row, refs)

    def ids(
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
        """Ids of current claims matching every filter given (none: every current claim), in reading order.

        `text` matches the claim text case-insensitively; `article` an article's id, source, outlet or title;
        `label`, `unlabelled` and `flagged` refer to `annotator`'s own decisions.
        """
        wanted = ClaimFilter(
            text=text or "", article=article or "", conflicts=has_conflicts,
            label=label or "" if annotator else "", unlabelled=unlabelled and annotator is not None,
            flagged=flagged and annotator is not None,
        )
        return self.db.scalars(ordered_ids(QueueSpec(annotator=annotator or "", claim_filter=wanted)))

    def get_many(self, claim_ids: Sequence[str]) -> list[Claim]:
        """The claims with these ids, in the order given (a window for the annotation screen)."""
        if not claim_ids:
            return []
        query = (
            select(*CLAIM_COLUMNS)
            .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
            .where(ClaimRow.id.in_(list(claim_ids)))
        )
        refs: dict[str, ArticleRef] = {}
        found = {row[0]: claim_from_row(row, refs) for row in self.db.rows(query)}
        return [found[claim_id] for claim_id in claim_ids if claim_id in found]

    def get(self, claim_id: str) -> Claim:
        """One claim by id."""
        claims = self.get_many([claim_id])
        if not claims:
            raise NotFoundError(f"no claim with id '{claim_id}'")
        return claims[0]

    def in_groups(self, group_ids: Iterable[str]) -> dict[str, list[Claim]]:
        """The current claims of each group, in reading order, so a panel can show what each outlet said: its own
        members and the claims stating its fact as well as their own group's (`Claim.also_groups`)."""
        wanted = sorted({group_id for group_id in group_ids if group_id})
        if not wanted:
            return {}
        query = (
            select(*CLAIM_COLUMNS)
            .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
            .where(or_(ClaimRow.group_id.in_(wanted), ClaimRow.id.in_(members_of(wanted))),
                   ArticleRow.superseded_by.is_(None))
            .order_by(ArticleRow.ingest_order, ClaimRow.position)
        )
        refs: dict[str, ArticleRef] = {}
        members: dict[str, list[Claim]] = {group_id: [] for group_id in wanted}
        for row in self.db.rows(query):
            claim = claim_from_row(row, refs)
            for group in dict.fromkeys([claim.group, *claim.also_groups]):
                if group in members:
                    members[group].append(claim)
        return members

    def count(self, *, include_superseded: bool = False) -> int:
        """How many claims there are."""
        query = select(func.count(ClaimRow.id)).join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
        if not include_superseded:
            query = query.where(ArticleRow.superseded_by.is_(None))
        return self.db.scalars(query)[0]

    def update_links(self, claims: Iterable[Claim]) -> int:
        """Store recomputed `group`, `also_groups`, `corroborated_by` and `conflicts` of claims; annotations are
        untouched."""
        values = [
            {
                "claim_key": claim.id,
                "group_id": claim.group,
                "also_groups": list(claim.also_groups),
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
                also_groups=bindparam("also_groups", type_=JSON),
                corroborated_by=bindparam("corroborated_by", type_=JSON),
                conflicts=bindparam("conflicts", type_=JSON),
            )
        )
        with self.db.write() as session:
            session.connection().execute(statement, values)
            write_further(session, [(value["claim_key"], value["also_groups"]) for value in values])
        return len(values)
