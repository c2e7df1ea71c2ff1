"""The Store: one facade over the database, organised by noun (`store.claims.get(...)`, `store.queue.page(...)`)."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from annotator.config import redact_url
from annotator.errors import DatabaseError, first_line
from annotator.store.adjudications import Adjudications
from annotator.store.annotations import Annotations
from annotator.store.articles import Articles
from annotator.store.claims import Claims
from annotator.store.database import Database
from annotator.store.engine import make_engine
from annotator.store.export_stream import Export
from annotator.store.migrate import upgrade
from annotator.store.queue import Queue
from annotator.store.routing import Routing
from annotator.store.scores import Scores
from annotator.store.team import Team
from annotator.store.users import Users


class Store:
    """Articles, claims, annotations, adjudications, routing, queues, team views and logins over one database.

    Each noun is an object of its own whose every method is one transaction; `db` is the database they share.
    """

    def __init__(self, engine: Engine) -> None:
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

    def close(self) -> None:
        """Release every pooled connection."""
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


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
    store.db.ensure_statistics()
    return store
