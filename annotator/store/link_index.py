"""The link index: per event, how many claims carry each linking key and the latest claims under it.

Linking a new article looks its claims' keys up here instead of reading the whole event, so its cost follows its
own claims. A key keeps at most twice `max_postings` claims, the newest (a running story repeats what it said
lately), and every read takes at most `limit` of them in SQL: a key carried by more says little about which claims
match, and the caps keep every lookup, and the table, bounded per key.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Sequence

from sqlalchemy import bindparam, delete, func, select, text, update

from annotator.models import Claim, Conflict
from annotator.store.claims import Claims
from annotator.store.further import write_further
from annotator.store.database import Database
from annotator.store.mapping import json_list
from annotator.store.tables import ArticleRow, ClaimRow, FurtherMemberRow, LinkKeyRow, LinkPostingRow

IN_CHUNK = 500
"""Values per IN (...) list, well inside SQLite's limit on bound parameters."""
TOTAL_KEY = "#claims"
"""The key whose count is the number of claims indexed in the event."""


def _chunks(values: Sequence[str], size: int = IN_CHUNK) -> Iterator[list[str]]:
    for start in range(0, len(values), size):
        yield list(values[start:start + size])


class LinkIndex:
    """The stored link index of every event; `event(name)` gives the view that linking one event reads and writes."""

    def __init__(self, db: Database, claims: Claims) -> None:
        self.db = db
        self.claims = claims

    def event(self, name: str, *, max_postings: int) -> EventIndex:
        """The index of one event, keeping at most `max_postings` claims per key."""
        return EventIndex(self, name, max_postings)

    def clear(self, event: str) -> None:
        """Forget the event's index and the links of its claims, before it is linked again from scratch."""
        article_ids = select(ArticleRow.id).where(ArticleRow.event == event)
        with self.db.write() as session:
            session.execute(delete(LinkPostingRow).where(LinkPostingRow.event == event))
            session.execute(delete(LinkKeyRow).where(LinkKeyRow.event == event))
            claim_ids = select(ClaimRow.id).where(ClaimRow.article_id.in_(article_ids))
            session.execute(delete(FurtherMemberRow).where(FurtherMemberRow.claim_id.in_(claim_ids)))
            session.execute(
                update(ClaimRow).where(ClaimRow.article_id.in_(article_ids))
                .values(group_id=None, also_groups=[], corroborated_by=[], conflicts=[])
            )

    def article_ids(self, event: str) -> list[str]:
        """Ids of the event's current articles in ingest order, so an event can be relinked a slice at a time."""
        query = (select(ArticleRow.id).where(ArticleRow.event == event, ArticleRow.superseded_by.is_(None))
                 .order_by(ArticleRow.ingest_order))
        return self.db.scalars(query)

    def claims_of(self, article_ids: Sequence[str]) -> list[Claim]:
        """The current claims of these articles."""
        query = select(ClaimRow.id).where(ClaimRow.article_id.in_(list(article_ids)))
        return self.claims.get_many(self.db.scalars(query))


class EventIndex:
    """One event's keys, posting lists and groups; each call is one transaction."""

    def __init__(self, parent: LinkIndex, event: str, max_postings: int) -> None:
        self.db = parent.db
        self._claims = parent.claims
        self.name = event
        self.max_postings = max_postings

    def counts(self, keys: Collection[str]) -> dict[str, int]:
        """How many of the event's claims carry each key (keys no claim carries are left out)."""
        query = text("SELECT key, claims FROM link_keys WHERE event = :event AND key IN :keys").bindparams(
            bindparam("keys", expanding=True))
        found: dict[str, int] = {}
        with self.db.read() as session:
            for chunk in _chunks(sorted(set(keys))):
                found.update((key, n) for key, n in session.execute(query, {"event": self.name, "keys": chunk}))
        return found

    def keys_with_prefix(self, prefix: str) -> set[str]:
        """The event's keys that start with `prefix` (event-wide facts such as its outlets), prefix removed."""
        query = text("SELECT key FROM link_keys WHERE event = :event AND key >= :low AND key < :high")
        with self.db.read() as session:
            rows = session.execute(query, {"event": self.name, "low": prefix, "high": prefix + "\uffff"}).scalars()
            return {key[len(prefix):] for key in rows}

    def newest(self, keys: Collection[str], limit: int, since: int = 0) -> dict[str, list[tuple[int, str, str]]]:
        """The last `limit` claims stored under each key as (seq, claim id, article id), newest first, leaving out
        claims indexed before seq `since`."""
        query = text(
            "SELECT key, seq, claim_id, article_id FROM (SELECT key, seq, claim_id, article_id, ROW_NUMBER() OVER "
            "(PARTITION BY key ORDER BY seq DESC) AS rank FROM link_postings WHERE event = :event AND key IN :keys "
            "AND seq >= :since) "
            "AS ranked WHERE rank <= :limit ORDER BY key, seq DESC"
        ).bindparams(bindparam("keys", expanding=True))
        found: dict[str, list[tuple[int, str, str]]] = {}
        with self.db.read() as session:
            for chunk in _chunks(sorted(set(keys))):
                rows = session.execute(query, {"event": self.name, "keys": chunk, "limit": limit, "since": since})
                for key, seq, claim_id, article_id in rows:
                    found.setdefault(key, []).append((seq, claim_id, article_id))
        return found

    def add(self, entries: Sequence[tuple[str, str, Collection[str], Collection[str]]], facts: Collection[str]) -> int:
        """Index claims, given in order as (claim id, article id, keys, frame keys), and count event-wide `facts`;
        the seq of the first claim.

        Each claim is stored under all its keys and each key's count grows by the claims carrying it. When a key's
        count passes a multiple of `max_postings`, its postings older than the newest `max_postings` are deleted,
        so a key never holds more than twice that and the deleting costs one statement per `max_postings` claims.
        """
        added: dict[str, int] = {}
        postings = []
        first_seq = self.counts([TOTAL_KEY]).get(TOTAL_KEY, 0)
        for offset, (claim_id, article_id, keys, frames) in enumerate(entries):
            row = (self.name, first_seq + offset, claim_id, article_id)
            for key in (*keys, *frames):
                added[key] = added.get(key, 0) + 1
                postings.append((key, *row))
        for fact in facts:
            added[fact] = added.get(fact, 0) + 1
        added[TOTAL_KEY] = len(entries)
        held = self.counts(list(added)) if first_seq else {}  # an event never indexed has no keys at all
        cap = self.max_postings
        crossed = [key for key, n in added.items()
                   if (had := held.get(key, 0)) + n > cap and had // cap != (had + n) // cap]
        mark = "?" if self.db.dialect == "sqlite" else "%s"
        upsert = (f"INSERT INTO link_keys (event, key, claims) VALUES ({mark}, {mark}, {mark}) "
                  "ON CONFLICT (event, key) DO UPDATE SET claims = link_keys.claims + excluded.claims")
        prune = (f"DELETE FROM link_postings WHERE event = {mark} AND key = {mark} AND seq < (SELECT seq FROM "
                 f"link_postings WHERE event = {mark} AND key = {mark} ORDER BY seq DESC LIMIT 1 OFFSET {cap - 1})")
        with self.db.write() as session:
            # the driver's own executemany: a batch writes tens of thousands of rows, and SQLAlchemy's per-row
            # parameter processing would cost more than SQLite's insert
            connection = session.connection()
            connection.exec_driver_sql(upsert, [(self.name, key, n) for key, n in added.items()])
            if postings:
                connection.exec_driver_sql("INSERT INTO link_postings (key, event, seq, claim_id, article_id) "
                                           f"VALUES ({mark}, {mark}, {mark}, {mark}, {mark})", postings)
            if crossed:
                connection.exec_driver_sql(prune, [(self.name, key, self.name, key) for key in sorted(crossed)])
        return first_seq

    def groups_of(self, claim_ids: Collection[str]) -> dict[str, str | None]:
        """The stored group (or None) of each current claim among these."""
        query = (
            select(ClaimRow.id, ClaimRow.group_id).join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
            .where(ClaimRow.id.in_(bindparam("ids", expanding=True)), ArticleRow.superseded_by.is_(None))
        )
        found: dict[str, str | None] = {}
        with self.db.read() as session:
            for chunk in _chunks(sorted(set(claim_ids))):
                found.update((claim_id, group) for claim_id, group in session.execute(query, {"ids": chunk}))
        return found

    def conflicts_of(self, claim_ids: Collection[str]) -> dict[str, list[Conflict]]:
        """The stored conflicts of these claims."""
        query = select(ClaimRow.id, ClaimRow.conflicts).where(ClaimRow.id.in_(bindparam("ids", expanding=True)))
        found: dict[str, list[Conflict]] = {}
        with self.db.read() as session:
            for chunk in _chunks(sorted(set(claim_ids))):
                for claim_id, conflicts in session.execute(query, {"ids": chunk}):
                    found[claim_id] = [Conflict.model_validate(c) for c in conflicts or []]
        return found

    def claims(self, claim_ids: Sequence[str]) -> list[Claim]:
        """The current claims with these ids, with their stored links."""
        return [claim for claim in self._claims.get_many(list(claim_ids)) if not claim.superseded]

    def group_members(self, groups: Collection[str], newest: int | None = None) -> dict[str, list[tuple[str, str]]]:
        """The current claims of these groups as (claim id, article id), in reading order: every one, or only the
        `newest` of each group (a big group's sample, read without reading the group)."""
        rank = func.row_number().over(partition_by=ClaimRow.group_id,
                                      order_by=(ArticleRow.ingest_order.desc(), ClaimRow.position.desc()))
        ranked = (
            select(ClaimRow.group_id, ClaimRow.id, ClaimRow.article_id, ArticleRow.ingest_order, ClaimRow.position,
                   rank.label("rank"))
            .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
            .where(ClaimRow.group_id.in_(bindparam("groups", expanding=True)), ArticleRow.superseded_by.is_(None))
            .subquery()
        )
        query = select(ranked.c.group_id, ranked.c.id, ranked.c.article_id)
        if newest is not None:
            query = query.where(ranked.c.rank <= newest)
        query = query.order_by(ranked.c.ingest_order, ranked.c.position)
        return self._claims_by_group(query, groups)

    def further_members(self, groups: Collection[str]) -> dict[str, list[tuple[str, str]]]:
        """The current claims listing each of these groups among their further groups, as (claim id, article id)."""
        query = (
            select(FurtherMemberRow.group_id, ClaimRow.id, ClaimRow.article_id)
            .join(ClaimRow, FurtherMemberRow.claim_id == ClaimRow.id)
            .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
            .where(FurtherMemberRow.group_id.in_(bindparam("groups", expanding=True)),
                   ArticleRow.superseded_by.is_(None))
            .order_by(ArticleRow.ingest_order, ClaimRow.position)
        )
        return self._claims_by_group(query, groups)

    def _claims_by_group(self, query, groups: Collection[str]) -> dict[str, list[tuple[str, str]]]:
        """Run a (group, claim id, article id) query over the groups, a chunk of them at a time, in its order."""
        found: dict[str, list[tuple[str, str]]] = {}
        with self.db.read() as session:
            for chunk in _chunks(sorted(set(groups))):
                for group, claim_id, article_id in session.execute(query, {"groups": chunk}):
                    found.setdefault(group, []).append((claim_id, article_id))
        return found

    def links_of(self, claim_ids: Collection[str]) -> dict[str, tuple[str | None, list[str]]]:
        """The stored group and further groups of these claims."""
        query = select(ClaimRow.id, ClaimRow.group_id, ClaimRow.also_groups).where(
            ClaimRow.id.in_(bindparam("ids", expanding=True)))
        found: dict[str, tuple[str | None, list[str]]] = {}
        with self.db.read() as session:
            for chunk in _chunks(sorted(set(claim_ids))):
                for claim_id, group, also in session.execute(query, {"ids": chunk}):
                    found[claim_id] = (group, json_list(also))
        return found

    def save(self, groups: Iterable[tuple[str, str | None, list[str], list[str]]],
             conflicts: Iterable[tuple[str, list[Conflict]]]) -> int:
        """Store (claim id, group, corroborating articles, further groups) and (claim id, conflicts) rows; how many
        rows changed.

        A claim with both rows is written by one UPDATE, through the driver's executemany (a batch updates every
        claim of an event, and SQLAlchemy's per-row parameter processing would cost more than the updates).
        """
        groups_rows = list(groups)
        linked = {claim_id: (group, json.dumps(list(articles)), json.dumps(list(also)))
                  for claim_id, group, articles, also in groups_rows}
        found = {claim_id: json.dumps([c.model_dump() for c in kept]) for claim_id, kept in conflicts}
        mark = "?" if self.db.dialect == "sqlite" else "%s"
        json_mark = mark if self.db.dialect == "sqlite" else "%s::json"
        both = [(*links, found[cid], cid) for cid, links in linked.items() if cid in found]
        only_groups = [(*links, cid) for cid, links in linked.items() if cid not in found]
        only_conflicts = [(kept, cid) for cid, kept in found.items() if cid not in linked]
        statements = [
            (f"UPDATE claims SET group_id = {mark}, corroborated_by = {json_mark}, also_groups = {json_mark}, "
             f"conflicts = {json_mark} WHERE id = {mark}", both),
            (f"UPDATE claims SET group_id = {mark}, corroborated_by = {json_mark}, also_groups = {json_mark} "
             f"WHERE id = {mark}", only_groups),
            (f"UPDATE claims SET conflicts = {json_mark} WHERE id = {mark}", only_conflicts),
        ]
        with self.db.write() as session:
            connection = session.connection()
            for sql, rows in statements:
                if rows:
                    connection.exec_driver_sql(sql, rows)
            write_further(session, [(cid, also) for cid, _, _, also in groups_rows])
        return len(linked.keys() | found.keys())
