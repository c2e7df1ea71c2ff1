"""Bulk import of annotation records: each chunk checked against the database, then written set-based.

Per chunk of `CHUNK` records, one query checks that their claims exist and one reads the decisions already stored
for them; three statements write it (annotators and history appended, annotations upserted with INSERT ... ON
CONFLICT on SQLite and PostgreSQL alike), each an executemany on the driver's own cursor, so a million records cost
about what exporting them does. Everything runs in one transaction, so a bad record anywhere leaves the database as
it was, and memory holds one chunk at a time however long the file is. Newest edit wins: a record older than the
stored decision goes to the history only, and the upsert's WHERE keeps that true even if a screen saves the same
decision meanwhile.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from itertools import islice
from typing import Any

from pydantic import BaseModel
from sqlalchemy.engine import Connection

from annotator.errors import DatabaseError, NotFoundError
from annotator.models import DECISION_FIELDS, Annotation, as_utc, utc_now
from annotator.store.annotation_save import (
    HISTORY_COLUMNS,
    JSON_FIELDS,
    ROW_COLUMNS,
    UPDATED_COLUMNS,
    column_time,
)
from annotator.store.database import Database
from annotator.store.results import ImportResult

CHUNK = 5000
IMPORT_CACHE_KIB = 16 * 1024
"""SQLite's page cache while importing (the default 2 MiB makes every index insert of a big file re-read its page);
a fixed size, so memory stays flat however long the file is."""

Key = tuple[str, str]
Stored = tuple[dict, datetime]


def import_annotations(db: Database, records: Iterable[Annotation], *, action: str) -> ImportResult:
    """Bring in `records` (streamed) in one transaction; NotFoundError naming a claim the database lacks."""
    result = ImportResult()
    with _collector_skips_older_objects(), db.write() as session:
        writer = _Writer(session.connection(), action)
        with writer.large_cache():
            for chunk in _chunks(records):
                writer.check_claims(chunk)
                writer.write(chunk, result)
    return result


@contextmanager
def _collector_skips_older_objects() -> Iterator[None]:
    """Objects alive before the import (modules, the engine) left out of garbage collection until it ends: each
    chunk of records outlives the young generations, so full collections come often and would walk them all; a
    tenth of an import's time."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _chunks(records: Iterable[Annotation]) -> Iterator[list[Annotation]]:
    iterator = iter(records)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


class _Writer:
    """The statements of one import, in the connection's dialect, run on the driver's cursor (no per-row ORM)."""

    def __init__(self, connection: Connection, action: str) -> None:
        self.connection = connection
        self.action = action
        self.sqlite = connection.dialect.name == "sqlite"
        self.mark = "?" if self.sqlite else "%s"
        self.seen_annotators: set[str] = set()
        self.times: dict[datetime, Any] = {}
        marks = ", ".join([self.mark] * len(ROW_COLUMNS))
        updates = ", ".join(f"{name} = excluded.{name}" for name in UPDATED_COLUMNS)
        self.upsert_sql = (
            f"INSERT INTO annotations ({', '.join(ROW_COLUMNS)}) VALUES ({marks}) "
            f"ON CONFLICT (claim_id, annotator) DO UPDATE SET {updates} "
            "WHERE annotations.updated_at < excluded.updated_at"
        )
        self.history_sql = (f"INSERT INTO annotation_history ({', '.join(HISTORY_COLUMNS)}) "
                            f"VALUES ({', '.join([self.mark] * len(HISTORY_COLUMNS))})")
        self.annotator_sql = (f"INSERT INTO annotators (name, created_at) VALUES ({self.mark}, {self.mark}) "
                              "ON CONFLICT (name) DO NOTHING")

    @contextmanager
    def large_cache(self) -> Iterator[None]:
        """A bigger SQLite page cache for this import, the connection's own size back afterwards (it is pooled)."""
        if not self.sqlite:
            yield
            return
        with self._cursor() as cursor:
            previous = cursor.execute("PRAGMA cache_size").fetchone()[0]
            cursor.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
        try:
            yield
        finally:
            with self._cursor() as cursor:
                cursor.execute(f"PRAGMA cache_size = {int(previous)}")

    def check_claims(self, chunk: list[Annotation]) -> None:
        wanted = sorted({record.claim_id for record in chunk})
        known = {row[0] for row in self._select("SELECT id FROM claims WHERE id IN ({})", wanted)}
        missing = [record.claim_id for record in chunk if record.claim_id not in known]
        if missing:
            raise NotFoundError(f"unknown claim id '{missing[0]}' ({len(missing)} record(s) name unknown claims)")

    def write(self, chunk: list[Annotation], result: ImportResult) -> None:
        state = self._stored(chunk)
        written: dict[Key, Annotation] = {}
        winners: dict[Key, tuple] = {}
        history: list[tuple] = []
        recorded_at = self._time(utc_now())
        action, time, known_time, row_of = self.action, self._time, self.times.get, _column_values
        added = updated = unchanged = 0
        for record in chunk:
            key = (record.claim_id, record.annotator)
            earlier = written.get(key)
            current = (_decision(earlier), earlier.updated_at) if earlier is not None else state.get(key)
            if current is not None and current[0] == _decision(record):
                unchanged += 1
                continue
            values = row_of(record)
            moment = record.updated_at
            updated_at = known_time(moment) or time(moment)
            if current is None or current[1] < moment:
                if current is None:
                    added += 1
                else:
                    updated += 1
                created = record.created_at
                winners[key] = (*key, *values, record.duration_ms, known_time(created) or time(created), updated_at)
                written[key] = record
            else:
                unchanged += 1
            history.append((*key, action, *values, record.duration_ms, updated_at, recorded_at))
        result.added += added
        result.updated += updated
        result.unchanged += unchanged
        names = {record.annotator for record in chunk} - self.seen_annotators
        if names:
            self._many(self.annotator_sql, [(name, recorded_at) for name in sorted(names)])
            self.seen_annotators |= names
        if winners:  # in key order, so the upsert walks the unique index forward instead of jumping about in it
            self._many(self.upsert_sql, sorted(winners.values(), key=_conflict_key))
        if history:
            self._many(self.history_sql, history)
        if len(self.times) > CHUNK:
            self.times.clear()

    def _stored(self, chunk: list[Annotation]) -> dict[Key, Stored]:
        """The stored decision and edit time of each (claim, annotator) of the chunk that has one."""
        keys = {(record.claim_id, record.annotator) for record in chunk}
        columns = ", ".join(("claim_id", "annotator", *DECISION_FIELDS, "updated_at"))
        rows = self._select(f"SELECT {columns} FROM annotations WHERE claim_id IN ({{}})",
                            sorted({claim_id for claim_id, _ in keys}))
        stored: dict[Key, Stored] = {}
        for row in rows:
            key = (row[0], row[1])
            if key not in keys:
                continue
            values = dict(zip(DECISION_FIELDS, row[2:-1]))
            for name in JSON_FIELDS:
                if isinstance(values[name], str):
                    values[name] = json.loads(values[name])
            values["evidence"] = list(values["evidence"] or [])
            values["flagged"] = bool(values["flagged"])
            updated = row[-1]
            stored[key] = (values, as_utc(datetime.fromisoformat(updated) if isinstance(updated, str) else updated))
        return stored

    def _select(self, sql: str, values: list[str]) -> list[tuple]:
        if not values:
            return []
        with self._cursor() as cursor:
            cursor.execute(sql.format(", ".join([self.mark] * len(values))), values)
            return cursor.fetchall()

    def _many(self, sql: str, rows: list[tuple]) -> None:
        with self._cursor() as cursor:
            cursor.executemany(sql, rows)

    @contextmanager
    def _cursor(self) -> Iterator[Any]:
        """The driver's cursor; its errors become one DatabaseError line, as the store's own statements do."""
        cursor = self.connection.connection.cursor()
        try:
            yield cursor
        except self.connection.dialect.loaded_dbapi.Error as error:
            text = str(error).strip().splitlines()
            raise DatabaseError(f"database refused the import: {text[0] if text else type(error).__name__}") from None
        finally:
            cursor.close()

    def _time(self, value: datetime) -> Any:
        """The column form of a time, remembered: a file's records share few distinct times, and converting is
        a tenth of the write's cost."""
        found = self.times.get(value)
        if found is None:
            found = self.times[value] = column_time(self.connection.dialect.name, value)
        return found


def _conflict_key(row: tuple) -> Key:
    return row[0], row[1]


def _column_values(record: Annotation) -> tuple:
    """The decision columns of `record` in DECISION_FIELDS order, as `decision_values` writes them."""
    edit, evidence = record.edit, record.evidence
    return (record.label, record.correction, json.dumps(edit.model_dump()) if edit is not None else None,
            record.note, json.dumps(evidence) if evidence else "[]", bool(record.flagged))


def _decision(record: Annotation) -> dict:
    values = {name: getattr(record, name) for name in DECISION_FIELDS}
    if isinstance(values.get("edit"), BaseModel):
        values["edit"] = values["edit"].model_dump()
    values["evidence"] = list(values["evidence"] or [])
    values["flagged"] = bool(values["flagged"])
    return values
