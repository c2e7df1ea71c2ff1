"""An annotator's claim queue paged by the database: its length, a page of ids, where a claim sits, what comes next.

The annotation screen holds a few pages of ids around its cursor instead of every claim id, so its memory stays
the same whether the database has ten thousand claims or ten million. Positions are 0-based ordinals in the
queue's order: reading order (article ingest order, then claim position), most check-worthy first, or least
certain first (reading order breaks ties), or for a routed queue the order in
which the annotator first labelled their claims, with the claim held for them last.
"""

from __future__ import annotations

from sqlalchemy import String, and_, cast, func, or_
from sqlmodel import select

from annotator.models import CHECKWORTHY_THRESHOLD, QueueSpec
from annotator.store.database import Database
from annotator.store.tables import AnnotationRow, ArticleRow, ClaimRow


def _mine(spec: QueueSpec):
    """Ids of the claims the queue's annotator has labelled."""
    return select(AnnotationRow.claim_id).where(AnnotationRow.annotator == spec.annotator)


def _decided(spec: QueueSpec):
    """Ids of the claims the queue's annotator has given a verdict (an edit, note or flag alone decides nothing)."""
    return _mine(spec).where(AnnotationRow.label.is_not(None))


def _filter_conditions(spec: QueueSpec) -> list:
    """The WHERE conditions of the spec's filter (its `keep` claims always pass)."""
    wanted = spec.claim_filter
    conditions = []
    if wanted.text:
        conditions.append(func.lower(ClaimRow.text).contains(wanted.text.lower(), autoescape=True))
    if wanted.article:
        needle = wanted.article.lower()
        conditions.append(
            (ArticleRow.id == wanted.article)
            | (ArticleRow.source == wanted.article)
            | func.lower(func.coalesce(ArticleRow.outlet, "")).contains(needle, autoescape=True)
            | func.lower(func.coalesce(ArticleRow.title, "")).contains(needle, autoescape=True)
        )
    if wanted.conflicts:
        conditions.append(cast(ClaimRow.conflicts, String) != "[]")
    if wanted.kind:
        conditions.append(ClaimRow.kind == wanted.kind)
    if wanted.min_checkworthiness is not None:
        conditions.append(ClaimRow.checkworthiness >= wanted.min_checkworthiness)
    if wanted.max_checkworthiness is not None:
        conditions.append(ClaimRow.checkworthiness <= wanted.max_checkworthiness)
    if wanted.unlabelled:
        conditions.append(ClaimRow.id.not_in(_decided(spec)))
    if wanted.label:
        conditions.append(ClaimRow.id.in_(_mine(spec).where(AnnotationRow.label == wanted.label)))
    if wanted.flagged:
        conditions.append(ClaimRow.id.in_(_mine(spec).where(AnnotationRow.flagged.is_(True))))
    if not conditions:
        return []
    condition = and_(*conditions)
    return [or_(condition, ClaimRow.id.in_(spec.keep)) if spec.keep else condition]


def _members(spec: QueueSpec, *columns):
    """A select of `columns` over the claims in the queue (for a routed queue, the labelled ones only)."""
    query = (
        select(*columns)
        .select_from(ClaimRow)
        .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
        .where(ArticleRow.superseded_by.is_(None), *_filter_conditions(spec))
    )
    if spec.mine_only:
        query = query.join(
            AnnotationRow, and_(AnnotationRow.claim_id == ClaimRow.id, AnnotationRow.annotator == spec.annotator)
        )
    return query


def order_columns(order: str) -> tuple:
    """The columns that put current claims in `order` (`reading`, `score` or `uncertain`); together unique."""
    reading = (ArticleRow.ingest_order, ArticleRow.id, ClaimRow.position)
    if order == "score":
        return (-ClaimRow.checkworthiness, *reading)
    if order == "uncertain":
        return (func.abs(ClaimRow.checkworthiness - CHECKWORTHY_THRESHOLD), *reading)
    return reading


def _order(spec: QueueSpec) -> tuple:
    """The columns that order the queue; together unique, so positions never tie."""
    if spec.mine_only:
        return (AnnotationRow.id,)
    return order_columns(spec.order)


def _compare(columns: tuple, key: tuple, less: bool):
    """The lexicographic condition "columns < key" (or "> key"), written out so every database uses its indexes."""
    column, value = columns[0], key[0]
    strictly = column < value if less else column > value
    if len(columns) == 1:
        return strictly
    return or_(strictly, and_(column == value, _compare(columns[1:], key[1:], less)))


def _before(spec: QueueSpec, key: tuple):
    """The condition "comes before the claim whose order key is `key`"."""
    return _compare(_order(spec), tuple(key), less=True)


def _after(spec: QueueSpec, key: tuple):
    """The condition "comes after the claim whose order key is `key`"."""
    return _compare(_order(spec), tuple(key), less=False)


def ordered_ids(spec: QueueSpec):
    """A select of every id in a queue without a held claim, in queue order."""
    return _members(spec, ClaimRow.id).order_by(*_order(spec))


class Queue:
    """An annotator's queue of claims, paged by the database; each call reads in transactions of its own."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _held_last(self, spec: QueueSpec) -> str | None:
        """The held claim when it ends a routed queue: current and not labelled yet (whatever the filter says, so the
        claim reserved for the reviewer is always one key away)."""
        if not spec.mine_only or spec.held is None:
            return None
        query = (
            select(ClaimRow.id)
            .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
            .where(ClaimRow.id == spec.held, ArticleRow.superseded_by.is_(None), ClaimRow.id.not_in(_mine(spec)))
        )
        found = self.db.scalars(query)
        return found[0] if found else None

    def _count(self, query) -> int:
        return self.db.scalars(select(func.count()).select_from(query.subquery()))[0]

    def _key(self, spec: QueueSpec, claim_id: str) -> tuple | None:
        """The order key of a claim in the queue, or None when the claim is not in it."""
        rows = self.db.rows(_members(spec, *_order(spec)).where(ClaimRow.id == claim_id))
        return rows[0] if rows else None

    def length(self, spec: QueueSpec) -> int:
        """How many claims the queue holds."""
        return self._count(_members(spec, ClaimRow.id)) + (self._held_last(spec) is not None)

    def page(self, spec: QueueSpec, offset: int, limit: int) -> list[str]:
        """The ids at positions `offset` to `offset + limit - 1` of the queue (fewer at its end)."""
        ids = self.db.scalars(ordered_ids(spec).offset(offset).limit(limit))
        if len(ids) < limit:
            held = self._held_last(spec)
            if held is not None and offset + len(ids) == self._count(_members(spec, ClaimRow.id)):
                ids.append(held)
        return ids

    def index(self, spec: QueueSpec, claim_id: str) -> int | None:
        """The position of a claim in the queue, or None when the claim is not in it."""
        key = self._key(spec, claim_id)
        if key is None:
            if claim_id == self._held_last(spec):
                return self._count(_members(spec, ClaimRow.id))
            return None
        return self._count(_members(spec, ClaimRow.id).where(_before(spec, key)))

    def next_unlabelled(self, spec: QueueSpec, after: str | None) -> tuple[int, str, bool] | None:
        """Position and id of the first claim after claim `after` that the annotator has not labelled, and whether
        the search wrapped round to the start of the queue (None `after`: from the start); None when there is none."""
        held = self._held_last(spec)
        if spec.mine_only:
            if held is None:
                return None
            return self._count(_members(spec, ClaimRow.id)), held, after == held
        unlabelled = _members(spec, ClaimRow.id).where(ClaimRow.id.not_in(_decided(spec))).order_by(*_order(spec)).limit(1)
        key = self._key(spec, after) if after is not None else None
        found = self.db.scalars(unlabelled.where(_after(spec, key))) if key is not None else []
        wrapped = after is not None and not found
        if not found:
            found = self.db.scalars(unlabelled)
        if not found:
            return None
        index = self.index(spec, found[0])
        return (index, found[0], wrapped) if index is not None else None

    def ids_starting(self, spec: QueueSpec, prefix: str, limit: int = 2) -> list[str]:
        """Ids in the queue that start with `prefix`, the exact id first, at most `limit` of them."""
        exact = self._key(spec, prefix) is not None or prefix == self._held_last(spec)
        query = (
            _members(spec, ClaimRow.id)
            .where(func.substr(ClaimRow.id, 1, len(prefix)) == prefix, ClaimRow.id != prefix)
            .order_by(*_order(spec))
            .limit(limit)
        )
        found = ([prefix] if exact else []) + self.db.scalars(query)
        held = self._held_last(spec)
        if held is not None and held != prefix and held.startswith(prefix):
            found.append(held)
        return found[:limit]
