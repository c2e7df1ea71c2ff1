"""Opening a database: the engine, its migrations, and the Store over it."""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

from annotator.config import redact_url
from annotator.errors import DatabaseError
from annotator.store.annotations import Store
from annotator.store.base import first_line
from annotator.store.engine import make_engine
from annotator.store.migrate import upgrade


def open_store(url: str, *, migrate: bool = True) -> Store:
    """Open the database at `url`, bringing its schema up to date, or raise DatabaseError with one clear line."""
    engine = make_engine(url)
    try:
        if migrate:
            upgrade(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseError(f"cannot open database '{redact_url(url)}': {first_line(exc)}") from None
    store = Store(engine)
    store.ensure_statistics()
    return store
