"""One annotator's decision saved in a handful of plain statements: what every keypress on the screen commits.

A decision is saved while the reviewer waits for the next claim, so it skips the ORM and the engine: the check,
the upsert, the history entry and the lease release are statements on the driver's own cursor in one transaction.
With routing, the lease on the claim shown next is taken the same way (in the decision's own transaction when that
claim is known), and a lead's adjudication is saved the same way.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from annotator.errors import ClaimFullError, NotFoundError
from annotator.models import DECISION_FIELDS, Adjudication, Annotation, as_utc, utc_now
from annotator.store.database import DriverCursor
from annotator.store.mapping import annotation_from_row, utc_time

ROW_COLUMNS = ("claim_id", "annotator", *DECISION_FIELDS, "duration_ms", "created_at", "updated_at")
HISTORY_COLUMNS = ("claim_id", "annotator", "action", *DECISION_FIELDS, "duration_ms", "annotation_updated_at",
                   "recorded_at")
UPDATED_COLUMNS = (*DECISION_FIELDS, "duration_ms", "updated_at")
JSON_FIELDS = frozenset({"evidence", "edit"})
SETTLED_FIELDS = ("adjudicator", "label", "correction", "note")
"""What a new decision by a lead replaces on an existing adjudication."""


def column_time(dialect: str, value: datetime) -> Any:
    """A time as the column stores it: SQLAlchemy's text form on SQLite, the aware datetime on PostgreSQL."""
    value = as_utc(value)
    if dialect == "sqlite":
        return value.replace(tzinfo=None).isoformat(" ", "microseconds")
    return value


def decision_values(decision: dict) -> list:
    """The decision columns in DECISION_FIELDS order, JSON ones as text (NULL stays NULL, as the ORM writes)."""
    return [(json.dumps(value) if value else "[]" if name == "evidence" else None)
            if name in JSON_FIELDS else value for name, value in decision.items()]


class DecisionStatements:
    """The SQL of one save in the connection's parameter style."""

    def __init__(self, dialect: str) -> None:
        mark = "?" if dialect == "sqlite" else "%s"
        self.postgresql = dialect == "postgresql"
        self.lock = f"SELECT id FROM claims WHERE id = {mark}" + (" FOR UPDATE" if self.postgresql else "")
        self.load = (
            f"SELECT (SELECT count(*) FROM annotations WHERE claim_id = {mark} AND annotator = {mark}), "
            f"(SELECT count(*) FROM annotations WHERE claim_id = {mark} AND annotator <> {mark}), "
            f"(SELECT count(*) FROM leases WHERE claim_id = {mark} AND annotator <> {mark} AND expires_at > {mark})"
        )
        self.annotator = f"INSERT INTO annotators (name, created_at) VALUES ({mark}, {mark}) ON CONFLICT (name) DO NOTHING"
        updates = ", ".join(f"{name} = excluded.{name}" for name in UPDATED_COLUMNS)
        self.upsert = (
            f"INSERT INTO annotations ({', '.join(ROW_COLUMNS)}) VALUES ({', '.join([mark] * len(ROW_COLUMNS))}) "
            f"ON CONFLICT (claim_id, annotator) DO UPDATE SET {updates} RETURNING created_at"
        )
        self.history = (f"INSERT INTO annotation_history ({', '.join(HISTORY_COLUMNS)}) "
                        f"VALUES ({', '.join([mark] * len(HISTORY_COLUMNS))})")
        self.release = f"DELETE FROM leases WHERE claim_id = {mark} AND annotator = {mark}"
        settled = ", ".join(f"{name} = excluded.{name}" for name in (*SETTLED_FIELDS, "updated_at"))
        self.adjudication = (
            "INSERT INTO adjudications (claim_id, adjudicator, label, correction, note, created_at, updated_at) "
            f"VALUES ({', '.join([mark] * 7)}) ON CONFLICT (claim_id) DO UPDATE SET {settled} RETURNING created_at"
        )
        self.lease = (f"INSERT INTO leases (claim_id, annotator, expires_at) VALUES ({mark}, {mark}, {mark}) "
                      "ON CONFLICT (claim_id, annotator) DO UPDATE SET expires_at = excluded.expires_at")


_STATEMENTS: dict[str, DecisionStatements] = {}


def statements(cursor: DriverCursor) -> DecisionStatements:
    name = cursor.dialect
    found = _STATEMENTS.get(name)
    if found is None:
        found = _STATEMENTS[name] = DecisionStatements(name)
    return found


def claim_load(cursor: DriverCursor, claim_id: str, annotator: str, now: object) -> tuple[int, int]:
    """Whether the annotator decided the claim already (0 or 1), and the places others hold on it (their annotations
    and live leases); the caller holds the claim's lock."""
    row = cursor.row(statements(cursor).load, (claim_id, annotator, claim_id, annotator, claim_id, annotator, now))
    assert row is not None
    mine, others, leases = row
    return mine, others + leases


def lock_claim(cursor: DriverCursor, claim_id: str) -> bool:
    """Take the claim's row lock (PostgreSQL; SQLite's write lock is held from BEGIN); False: no such claim."""
    return cursor.row(statements(cursor).lock, (claim_id,)) is not None


def take_lease_if_free(cursor: DriverCursor, claim_id: str, annotator: str, overlap: int,
                       expires_at: datetime) -> bool:
    """Reserve a claim for the annotator until `expires_at` when it still has a place for them and they have not
    decided it; False otherwise (nothing changes)."""
    if not lock_claim(cursor, claim_id):
        return False
    mine, taken = claim_load(cursor, claim_id, annotator, column_time(cursor.dialect, utc_now()))
    if mine or taken >= overlap:
        return False
    cursor.run(statements(cursor).lease, (claim_id, annotator, column_time(cursor.dialect, expires_at)))
    return True


def save_decision(cursor: DriverCursor, annotation: Annotation, action: str, overlap: int | None) -> Annotation:
    """Insert or replace one decision, log it and give back the annotator's lease, in the caller's transaction.

    With `overlap`, a first decision on a claim already holding `overlap` other annotators (or their live leases) is
    refused with ClaimFullError; the load is counted after the claim's row lock is held (PostgreSQL), or under
    SQLite's write lock taken at BEGIN.
    """
    sql = statements(cursor)
    claim_id, annotator = annotation.claim_id, annotation.annotator
    now = column_time(cursor.dialect, utc_now())
    if not lock_claim(cursor, claim_id):
        raise NotFoundError(f"no claim with id '{claim_id}'")
    if overlap is not None:
        mine, taken = claim_load(cursor, claim_id, annotator, now)
        if not mine and taken >= overlap:
            raise ClaimFullError(f"claim '{claim_id}' already has {overlap} annotator(s)")
    cursor.run(sql.annotator, (annotator, now))
    decision = annotation.model_dump(include=set(DECISION_FIELDS))
    decision = {name: decision[name] for name in DECISION_FIELDS}
    values = decision_values(decision)
    created = _returned(cursor.row(sql.upsert, (claim_id, annotator, *values, annotation.duration_ms, now, now)))
    cursor.run(sql.history, (claim_id, annotator, action, *values, annotation.duration_ms, now, now))
    cursor.run(sql.release, (claim_id, annotator))
    updated_at = utc_time(now)
    row = {**decision, "claim_id": claim_id, "annotator": annotator, "duration_ms": annotation.duration_ms,
           "created_at": utc_time(created), "updated_at": updated_at}
    return annotation_from_row(tuple(row[name] for name in Annotation.model_fields))


def save_adjudication(cursor: DriverCursor, adjudication: Adjudication) -> Adjudication:
    """Insert or replace a lead's decision on a claim, in the caller's transaction (a missing claim is refused by its
    foreign key)."""
    sql = statements(cursor)
    now = column_time(cursor.dialect, utc_now())
    cursor.run(sql.annotator, (adjudication.adjudicator, now))
    created = _returned(cursor.row(sql.adjudication, (
        adjudication.claim_id, adjudication.adjudicator, adjudication.label, adjudication.correction,
        adjudication.note, now, now)))
    return adjudication.model_copy(update={"created_at": utc_time(created), "updated_at": utc_time(now)})


def _returned(row: tuple | None) -> Any:
    """The one value an upsert's RETURNING gives back."""
    assert row is not None
    return row[0]
