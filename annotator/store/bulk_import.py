"""Bulk import of annotation records: each chunk checked against the database, then written set-based.

Per chunk of `CHUNK` records, one query checks that their claims exist and one reads the decisions already stored
for them; three statements write it (annotators and history appended, annotations upserted with INSERT ... ON
CONFLICT on SQLite and PostgreSQL alike). Everything runs in one transaction, so a bad record anywhere leaves the
database as it was, and memory holds one chunk at a time however long the file is. Newest edit wins: a record
older than the stored decision goes to the history only, and the upsert's WHERE keeps that true even if a screen
saves the same decision meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from itertools import islice

from sqlalchemy import select, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from annotator.errors import NotFoundError
from annotator.models import DECISION_FIELDS, Annotation, as_utc, utc_now
from annotator.store.database import Database
from annotator.store.results import ImportResult
from annotator.store.tables import AnnotationHistoryRow, AnnotationRow, AnnotatorRow, ClaimRow

CHUNK = 5000

ANNOTATIONS = AnnotationRow.__table__
HISTORY = AnnotationHistoryRow.__table__
ANNOTATORS = AnnotatorRow.__table__
CLAIMS = ClaimRow.__table__
_UPDATED = (*DECISION_FIELDS, "duration_ms", "updated_at")

Key = tuple[str, str]
Stored = tuple[dict, datetime]


def import_annotations(db: Database, records: Iterable[Annotation], *, action: str) -> ImportResult:
    """Bring in `records` (streamed) in one transaction; NotFoundError naming a claim the database lacks."""
    result = ImportResult()
    with db.write() as session:
        connection = session.connection()
        seen_annotators: set[str] = set()
        for chunk in _chunks(records):
            _check_claims(connection, chunk)
            _write_chunk(connection, chunk, action, seen_annotators, result)
    return result


def _chunks(records: Iterable[Annotation]) -> Iterator[list[Annotation]]:
    iterator = iter(records)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def _check_claims(connection: Connection, chunk: list[Annotation]) -> None:
    wanted = {record.claim_id for record in chunk}
    known = set(connection.execute(select(CLAIMS.c.id).where(CLAIMS.c.id.in_(wanted))).scalars())
    missing = [record.claim_id for record in chunk if record.claim_id not in known]
    if missing:
        raise NotFoundError(f"unknown claim id '{missing[0]}' ({len(missing)} record(s) name unknown claims)")


def _write_chunk(
    connection: Connection, chunk: list[Annotation], action: str, seen_annotators: set[str], result: ImportResult
) -> None:
    state = _stored(connection, {(record.claim_id, record.annotator) for record in chunk})
    winners: dict[Key, Annotation] = {}
    history: list[dict] = []
    for record in chunk:
        key = (record.claim_id, record.annotator)
        decision = _decision(record)
        current = state.get(key)
        if current is not None and current[0] == decision:
            result.unchanged += 1
            continue
        if current is None or current[1] < record.updated_at:
            if current is None:
                result.added += 1
            else:
                result.updated += 1
            winners[key] = record
            state[key] = (decision, record.updated_at)
        else:
            result.unchanged += 1
        history.append(_history_row(record, decision, action))
    _add_annotators(connection, {record.annotator for record in chunk} - seen_annotators)
    seen_annotators.update(record.annotator for record in chunk)
    if winners:
        connection.execute(_upsert(connection.dialect.name), [_annotation_row(record) for record in winners.values()])
    if history:
        connection.execute(HISTORY.insert(), history)


def _stored(connection: Connection, keys: set[Key]) -> dict[Key, Stored]:
    """The stored decision and edit time of each (claim, annotator) in `keys` that has one."""
    columns = [ANNOTATIONS.c.claim_id, ANNOTATIONS.c.annotator, *(ANNOTATIONS.c[name] for name in DECISION_FIELDS),
               ANNOTATIONS.c.updated_at]
    query = select(*columns).where(tuple_(ANNOTATIONS.c.claim_id, ANNOTATIONS.c.annotator).in_(list(keys)))
    stored: dict[Key, Stored] = {}
    for row in connection.execute(query):
        values = dict(zip(DECISION_FIELDS, row[2:-1]))
        values["evidence"] = list(values["evidence"] or [])
        values["flagged"] = bool(values["flagged"])
        stored[(row[0], row[1])] = (values, as_utc(row[-1]))
    return stored


def _decision(record: Annotation) -> dict:
    values = {name: getattr(record, name) for name in DECISION_FIELDS}
    values["evidence"] = list(values["evidence"] or [])
    values["flagged"] = bool(values["flagged"])
    return values


def _add_annotators(connection: Connection, names: set[str]) -> None:
    if not names:
        return
    now = utc_now()
    insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    statement = insert(ANNOTATORS).on_conflict_do_nothing(index_elements=["name"])
    connection.execute(statement, [{"name": name, "created_at": now} for name in sorted(names)])


def _upsert(dialect: str):
    """INSERT ... ON CONFLICT (claim_id, annotator) DO UPDATE, only where the incoming edit is newer."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(ANNOTATIONS)
    return statement.on_conflict_do_update(
        index_elements=["claim_id", "annotator"],
        set_={name: statement.excluded[name] for name in _UPDATED},
        where=ANNOTATIONS.c.updated_at < statement.excluded.updated_at,
    )


def _annotation_row(record: Annotation) -> dict:
    return {"claim_id": record.claim_id, "annotator": record.annotator, "label": record.label,
            "correction": record.correction, "note": record.note, "evidence": list(record.evidence),
            "flagged": record.flagged, "duration_ms": record.duration_ms, "created_at": record.created_at,
            "updated_at": record.updated_at}


def _history_row(record: Annotation, decision: dict, action: str) -> dict:
    return {"claim_id": record.claim_id, "annotator": record.annotator, "action": action,
            "duration_ms": record.duration_ms, "annotation_updated_at": record.updated_at,
            "recorded_at": utc_now(), **decision}
