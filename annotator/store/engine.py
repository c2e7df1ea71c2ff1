"""Engine factory: one place that knows how SQLite and PostgreSQL connections are set up."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlmodel import create_engine

from annotator.config import redact_url
from annotator.errors import DatabaseError

SQLITE_BUSY_TIMEOUT_MS = 10_000


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    """Create an engine for `url`: SQLite gets WAL, a busy timeout, foreign keys and explicit transaction control.

    `read_only` opens a SQLite file so that nothing, not even a journal, is written beside it.
    """
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            if read_only:
                engine = create_engine(url, creator=_read_only_connector(parsed.database or ""))
            else:
                engine = create_engine(
                    url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
                )
            _configure_sqlite(engine, read_only=read_only)
        else:
            engine = create_engine(url, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError, ValueError, ImportError) as exc:
        raise DatabaseError(f"cannot use database URL '{redact_url(url)}': {exc}") from None
    return engine


def _unicode_lower(value):
    return value.lower() if isinstance(value, str) else value


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for other databases and for in-memory SQLite)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def is_in_memory(url: str) -> bool:
    """True for `sqlite://` and `sqlite:///:memory:`, where whatever a command stores vanishes when it ends."""
    parsed = make_url(url)
    return parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:")


def can_write(path: Path) -> bool:
    """True when SQLite could write `path` and its journal beside it."""
    folder = path.parent if str(path.parent) else Path(".")
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK)


def copy_sqlite_file(source: Path, target: Path) -> Path:
    """A consistent copy of a SQLite database (its write-ahead log included), read without writing to `source`."""
    reader = _read_only_connector(str(source))()
    writer = sqlite3.connect(target)
    try:
        reader.backup(writer)
    finally:
        writer.close()
        reader.close()
    return target


def _read_only_connector(database: str):
    """SQLite opened with mode=ro; immutable when no write-ahead log exists (its index file cannot be created in a
    read-only folder, and without a log the file alone is the whole database)."""
    wal_pending = Path(f"{database}-wal").exists()
    uri = f"file:{quote(database)}?mode=ro" + ("" if wal_pending else "&immutable=1")

    def connect():
        return sqlite3.connect(uri, uri=True, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000, check_same_thread=False)

    return connect


def _configure_sqlite(engine: Engine, *, read_only: bool = False) -> None:
    """Set pragmas on every connection and let writers take the write lock up front (BEGIN IMMEDIATE)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        # SQLite's own lower() folds ASCII only; search must find "Ärzte" from "ärzte" as PostgreSQL does
        dbapi_connection.create_function("lower", 1, _unicode_lower, deterministic=True)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        if engine.url.database not in (None, "", ":memory:") and not read_only:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")
