"""Linking state: which events still need linking, so an ingest killed between storing and linking is finished
by the next ingest or by `annotator relink`."""

from __future__ import annotations

from sqlalchemy import select

from annotator.models import utc_now
from annotator.store.database import Database
from annotator.store.tables import PendingLinkRow


class LinkState:
    """Events marked before their articles are stored and cleared once their linking is saved; one transaction each."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def mark_pending(self, event: str) -> None:
        """Record that `event` gets new claims and must be linked again (committed before any of them is stored)."""
        with self.db.write() as session:
            if session.get(PendingLinkRow, event) is None:
                session.add(PendingLinkRow(event=event, since=utc_now()))

    def mark_done(self, event: str) -> None:
        """Record that `event`'s links were saved."""
        with self.db.write() as session:
            row = session.get(PendingLinkRow, event)
            if row is not None:
                session.delete(row)

    def pending(self) -> list[str]:
        """Events whose linking has not finished, by name."""
        return list(self.db.scalars(select(PendingLinkRow.event).order_by(PendingLinkRow.event)))
