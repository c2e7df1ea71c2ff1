"""Session handling shared by the store's parts: reads, and writes that take the write lock up front."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from annotator.errors import DatabaseError


def first_line(exc: BaseException) -> str:
    """The first line of a driver error, for a one-line message."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class StoreBase:
    """Engine and transactions; every public Store method runs in one transaction of its own."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._write_engine = engine.execution_options(sqlite_begin="IMMEDIATE")

    @property
    def url(self) -> str:
        """The database URL with any password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        """`sqlite` or `postgresql`."""
        return self.engine.dialect.name

    def analyze(self) -> None:
        """Refresh the query planner's statistics, so routing and search pick their indexes after a big ingest."""
        try:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("ANALYZE")
                connection.commit()
        except SQLAlchemyError as exc:
            raise DatabaseError(f"database unavailable ({self.url}): {first_line(exc)}") from None

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        try:
            with Session(self.engine) as session:
                yield session
        except SQLAlchemyError as exc:
            raise DatabaseError(f"database unavailable ({self.url}): {first_line(exc)}") from None

    @contextmanager
    def _write(self) -> Iterator[Session]:
        try:
            with Session(self._write_engine) as session:
                yield session
                session.commit()
        except SQLAlchemyError as exc:
            raise DatabaseError(f"database unavailable ({self.url}): {first_line(exc)}") from None

    def _scalars(self, query) -> list:
        """Run a one-column select on a bare connection (no ORM overhead) and return the values."""
        try:
            with self.engine.connect() as connection:
                return list(connection.execute(query).scalars())
        except SQLAlchemyError as exc:
            raise DatabaseError(f"database unavailable ({self.url}): {first_line(exc)}") from None

    def _rows(self, query) -> list[tuple]:
        """Run a select on a bare connection (no ORM overhead) and return plain tuples."""
        try:
            with self.engine.connect() as connection:
                return [tuple(row) for row in connection.execute(query)]
        except SQLAlchemyError as exc:
            raise DatabaseError(f"database unavailable ({self.url}): {first_line(exc)}") from None

    def _raw_rows(self, query) -> list[tuple]:
        """Run a parameterless select on the driver's own cursor: the fastest way to read a million rows."""
        sql = str(query.compile(dialect=self.engine.dialect))
        try:
            connection = self.engine.raw_connection()
        except SQLAlchemyError as exc:
            raise DatabaseError(f"database unavailable ({self.url}): {first_line(exc)}") from None
        try:
            cursor = connection.cursor()
            cursor.execute(sql)
            return cursor.fetchall()
        except Exception as exc:  # the driver's own error classes differ between SQLite and PostgreSQL
            raise DatabaseError(f"database unavailable ({self.url}): {first_line(exc)}") from None
        finally:
            connection.close()
