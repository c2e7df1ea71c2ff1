"""Annotator sessions: a second live session for the same annotator is refused, so two windows signed by one
person never get the same claims and overwrite each other's labels without a word."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Optional

from annotator.errors import SessionTakenError
from annotator.models import as_utc, utc_now
from annotator.store.database import Database
from annotator.store.tables import AnnotatorSessionRow


class Sessions:
    """Leases on annotator names: opened when a screen starts, renewed while it runs, closed when it ends."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def open(self, annotator: str, holder: str, seconds: int,
             gone: Optional[Callable[[str], bool]] = None) -> None:
        """Take `annotator`'s session for `holder`; SessionTakenError while another holder's lease is live, unless
        `gone(other_holder)` says that holder no longer runs (a window killed on this machine)."""
        now = utc_now()
        with self.db.write() as session:
            row = session.get(AnnotatorSessionRow, annotator, with_for_update=True)
            if (row is not None and row.holder != holder and as_utc(row.expires_at) > now
                    and not (gone is not None and gone(row.holder))):
                raise SessionTakenError(
                    f"'{annotator}' already has a session open on this database (since "
                    f"{as_utc(row.started_at):%Y-%m-%d %H:%M} UTC, {row.holder.rsplit(':', 1)[0]}); close that "
                    f"window first, or wait {seconds // 60 or 1} min if it was killed"
                )
            if row is None:
                row = AnnotatorSessionRow(annotator=annotator, holder=holder, started_at=now,
                                          expires_at=now + timedelta(seconds=seconds))
            else:
                row.holder, row.started_at, row.expires_at = holder, now, now + timedelta(seconds=seconds)
            session.add(row)

    def renew(self, annotator: str, holder: str, seconds: int) -> None:
        """Push the lease on while the screen is open."""
        with self.db.write() as session:
            row = session.get(AnnotatorSessionRow, annotator)
            if row is not None and row.holder == holder:
                row.expires_at = utc_now() + timedelta(seconds=seconds)
                session.add(row)

    def close(self, annotator: str, holder: str) -> None:
        """Give the name back (only the holder's own lease)."""
        with self.db.write() as session:
            row = session.get(AnnotatorSessionRow, annotator)
            if row is not None and row.holder == holder:
                session.delete(row)
