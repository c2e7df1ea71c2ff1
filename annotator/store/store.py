"""The Store: one facade over the database, organised by noun (`store.claims.get(...)`, `store.queue.page(...)`)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Optional

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from annotator.config import redact_url
from annotator.errors import DatabaseError, first_line
from annotator.store.adjudications import Adjudications
from annotator.store.annotations import Annotations
from annotator.store.articles import Articles
from annotator.store.claims import Claims
from annotator.store.database import Database
from annotator.store.engine import can_write, copy_sqlite_file, is_in_memory, make_engine, sqlite_path
from annotator.store.export_stream import Export
from annotator.store.link_index import LinkIndex
from annotator.store.link_state import LinkState
from annotator.store.sessions import Sessions
from annotator.store.migrate import is_current, upgrade
from annotator.store.queue import Queue
from annotator.store.routing import Routing
from annotator.store.scores import Scores
from annotator.store.team import Team
from annotator.store.users import Users


class Store:
    """Articles, claims, annotations, adjudications, routing, queues, team views and logins over one database.

    Each noun is an object of its own whose every method is one transaction; `db` is the database they share.
    """

    def __init__(self, engine: Engine, *, on_close: Optional[Callable[[], None]] = None) -> None:
        self._on_close = on_close
        self.db = Database(engine)
        self.articles = Articles(self.db)
        self.claims = Claims(self.db)
        self.annotations = Annotations(self.db, self.claims)
        self.adjudications = Adjudications(self.db)
        self.routing = Routing(self.db, self.claims)
        self.queue = Queue(self.db)
        self.team = Team(self.db, self.claims)
        self.export = Export(self.db, self.adjudications)
        self.users = Users(self.db)
        self.scores = Scores(self.db)
        self.links = LinkState(self.db)
        self.link_index = LinkIndex(self.db, self.claims)
        self.sessions = Sessions(self.db)

    def close(self) -> None:
        """Release every pooled connection (and drop the temporary copy a snapshot was read from)."""
        self.db.close()
        if self._on_close is not None:
            self._on_close()
            self._on_close = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_store(url: str, *, migrate: bool = True, read_only: bool = False) -> Store:
    """Open the database at `url`, bringing its schema up to date, or raise DatabaseError with one clear line.

    `read_only` is for commands that only read: a SQLite file whose file or folder cannot be written is then opened
    without writing anything beside it, provided its schema is current, instead of failing.
    """
    refuse_in_memory(url)
    path = sqlite_path(url)
    untouchable = read_only and path is not None and path.exists() and not can_write(path)
    engine = make_engine(url, read_only=untouchable)
    try:
        if untouchable and not is_current(engine):
            raise DatabaseError(f"{path}: this database needs upgrading to open it, but its file or folder is read-only")
        if migrate and not untouchable:
            upgrade(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseError(f"cannot open database '{redact_url(url)}': {first_line(exc)}") from None
    except DatabaseError:
        engine.dispose()
        raise
    store = Store(engine)
    if not untouchable:
        store.db.ensure_statistics()
    return store


def open_snapshot(url: str) -> Store:
    """The database at `url` for reading only, never changed: opened read-only when its schema is current; an older
    SQLite file is copied and the copy upgraded (dropped on close); an older PostgreSQL database is refused."""
    refuse_in_memory(url)
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        raise DatabaseError(f"{path}: no such database file")
    engine = make_engine(url, read_only=path is not None)
    try:
        current = is_current(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseError(f"cannot open database '{redact_url(url)}': {first_line(exc)}") from None
    except DatabaseError:
        engine.dispose()
        raise
    if current:
        return Store(engine)
    engine.dispose()
    if path is None:
        raise DatabaseError(f"{redact_url(url)}: this database has an older schema; run any annotator command on it "
                            "once to upgrade it, then merge")
    folder = Path(tempfile.mkdtemp(prefix="annotator-snapshot-"))
    try:
        copy = copy_sqlite_file(path, folder / path.name)
        store = open_store(f"sqlite:///{copy}")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    store._on_close = lambda: shutil.rmtree(folder, ignore_errors=True)
    return store


def refuse_in_memory(url: str) -> None:
    """An in-memory SQLite database keeps nothing after the command: refuse it rather than store into nothing."""
    if is_in_memory(url):
        raise DatabaseError(f"'{url}' is an in-memory database, gone when the command ends; give a file "
                            "(sqlite:///annotations.db or a path)")
