"""Logins for the browser UI: add, look up, list and remove users; passwords arrive already hashed."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import select

from annotator.errors import NotFoundError, UsageError
from annotator.models import User, as_utc, utc_now
from annotator.store.database import Database
from annotator.store.tables import UserRow


def _user(row: UserRow) -> User:
    return User(name=row.name, lead=row.lead, password_hash=row.password_hash, created_at=as_utc(row.created_at))


class Users:
    """The `users` table, reached as `store.users`."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, name: str, password_hash: str, *, lead: bool = False) -> User:
        """Create the login `name`; an existing name is refused rather than silently given a new password."""
        row = UserRow(name=name, password_hash=password_hash, lead=lead, created_at=utc_now())
        with self.db.write() as session:
            if session.get(UserRow, name) is not None:
                raise UsageError(f"user '{name}' already exists (remove it first to set a new password)")
            session.add(row)
            session.flush()
            return _user(row)

    def get(self, name: str) -> User | None:
        """The login called `name`, or None."""
        with self.db.read() as session:
            row = session.get(UserRow, name)
            return None if row is None else _user(row)

    def all(self) -> list[User]:
        """Every login, by name."""
        with self.db.read() as session:
            return [_user(row) for row in session.exec(select(UserRow).order_by(UserRow.name))]

    def count(self) -> int:
        """How many logins exist."""
        with self.db.read() as session:
            return session.exec(select(func.count()).select_from(UserRow)).one()

    def remove(self, name: str) -> None:
        """Delete the login `name`; the annotations it signed stay."""
        with self.db.write() as session:
            row = session.get(UserRow, name)
            if row is None:
                raise NotFoundError(f"no user '{name}'")
            session.delete(row)
