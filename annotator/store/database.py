"""The database the store's query modules share: its engine, sessions, and reads and writes in one transaction each."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlmodel import Session

from annotator.config import redact_url
from annotator.errors import DatabaseError, DatabaseUnavailable, first_line


def _rollback(connection, dbapi) -> None:
    """Roll back what a failed transaction did; a connection already lost has nothing left to roll back."""
    try:
        connection.rollback()
    except dbapi.Error:
        pass


class DriverCursor:
    """The driver's own cursor inside one transaction, and the dialect its statements are written for."""

    def __init__(self, cursor, dialect: str) -> None:
        self.cursor = cursor
        self.dialect = dialect

    def run(self, sql: str, parameters: tuple = ()) -> None:
        self.cursor.execute(sql, parameters)

    def row(self, sql: str, parameters: tuple = ()) -> tuple | None:
        """The first row the statement gives back (None: none)."""
        self.cursor.execute(sql, parameters)
        return self.cursor.fetchone()


class Database:
    """An engine with the ways the store talks to it; every read or write is one transaction of its own."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.write_engine = engine.execution_options(sqlite_begin="IMMEDIATE")

    @property
    def url(self) -> str:
        """The database URL with any password (in the user part or the query) removed."""
        return redact_url(self.engine.url.render_as_string(hide_password=False))

    @property
    def dialect(self) -> str:
        """`sqlite` or `postgresql`."""
        return self.engine.dialect.name

    @contextmanager
    def unavailable_as_error(self, *driver_errors: type[Exception]) -> Iterator[None]:
        """Turn a database or driver failure into one DatabaseError line naming the database.

        A lost connection or a database that does not answer becomes DatabaseUnavailable, which screens retry;
        a refused statement (a broken constraint) stays a plain DatabaseError, since trying again cannot help.
        """
        try:
            yield
        except (OperationalError, InterfaceError, DisconnectionError, PoolTimeoutError, *driver_errors) as exc:
            raise DatabaseUnavailable(f"database unavailable ({self.url}): {first_line(exc)}") from None
        except SQLAlchemyError as exc:
            raise DatabaseError(f"database refused the operation ({self.url}): {first_line(exc)}") from None

    @contextmanager
    def driver_transaction(self) -> Iterator[DriverCursor]:
        """One write transaction of plain statements on the driver's own cursor, committed when the block ends.

        For what a keypress commits while the reviewer waits: the engine's bookkeeping costs more than the few
        statements themselves. The write lock is taken up front on SQLite (BEGIN IMMEDIATE), as `write` does.
        """
        dbapi = self.engine.dialect.loaded_dbapi
        with self.unavailable_as_error(dbapi.OperationalError, dbapi.InterfaceError):
            connection = self.write_engine.raw_connection()
            try:
                cursor = connection.cursor()
                if self.dialect == "sqlite":
                    cursor.execute("BEGIN IMMEDIATE")
                yield DriverCursor(cursor, self.dialect)
                cursor.close()
                connection.commit()
            except dbapi.Error as exc:
                _rollback(connection, dbapi)
                if isinstance(exc, (dbapi.OperationalError, dbapi.InterfaceError)):
                    raise
                raise DatabaseError(f"database refused the operation ({self.url}): {first_line(exc)}") from None
            except BaseException:
                _rollback(connection, dbapi)
                raise
            finally:
                connection.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading."""
        with self.unavailable_as_error(), Session(self.engine) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session that takes the write lock up front (SQLite) and commits when the block ends."""
        with self.unavailable_as_error(), Session(self.write_engine) as session:
            yield session
            session.commit()

    def scalars(self, query) -> list:
        """Run a one-column select on a bare connection (no ORM overhead) and return the values."""
        with self.unavailable_as_error(), self.engine.connect() as connection:
            return list(connection.execute(query).scalars())

    def rows(self, query) -> list[tuple]:
        """Run a select on a bare connection (no ORM overhead) and return plain tuples."""
        with self.unavailable_as_error(), self.engine.connect() as connection:
            return [tuple(row) for row in connection.execute(query)]

    def stream_rows(self, query, batch: int) -> Iterator[tuple]:
        """Rows of a select, fetched `batch` at a time (server-side on PostgreSQL), as plain tuples."""
        with self.unavailable_as_error(), self.engine.connect() as connection:
            for row in connection.execution_options(stream_results=True, yield_per=batch).execute(query):
                yield tuple(row)

    def raw_rows(self, query) -> list[tuple]:
        """Run a parameterless select on the driver's own cursor: the fastest way to read a million rows."""
        sql = str(query.compile(dialect=self.engine.dialect))
        # the driver's own error classes differ between SQLite and PostgreSQL, hence Exception
        with self.unavailable_as_error(Exception):
            connection = self.engine.raw_connection()
            try:
                cursor = connection.cursor()
                cursor.execute(sql)
                return cursor.fetchall()
            finally:
                connection.close()

    @contextmanager
    def raw_cursor(self, query, name: str, batch: int) -> Iterator[Iterator[tuple]]:
        """Rows of a parameterless select in batches; a named server-side cursor on PostgreSQL keeps memory flat."""
        sql = str(query.compile(dialect=self.engine.dialect))
        connection = self.engine.raw_connection()
        try:
            if self.dialect == "postgresql":
                cursor = connection.driver_connection.cursor(name=name)
                cursor.itersize = batch
            else:
                cursor = connection.cursor()
            cursor.execute(sql)

            def rows() -> Iterator[tuple]:
                while chunk := cursor.fetchmany(batch):
                    yield from chunk

            yield rows()
            cursor.close()
        finally:
            connection.rollback()
            connection.close()

    def analyze(self) -> None:
        """Refresh the query planner's statistics, so routing and search pick their indexes after a big ingest."""
        with self.unavailable_as_error(), self.engine.connect() as connection:
            connection.exec_driver_sql("ANALYZE")
            connection.commit()

    def ensure_statistics(self) -> None:
        """Give a SQLite file that never had planner statistics its first ones.

        Without them SQLite may scan every claim and sort to read the queue in reading order (100 ms per claim at
        100,000 claims instead of 1 ms). PostgreSQL's autovacuum keeps its own statistics. A file that cannot be
        written stays as it is: the statistics only make queries faster.
        """
        if self.dialect != "sqlite":
            return
        try:
            with self.engine.connect() as connection:
                has_stats = connection.exec_driver_sql(
                    "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
                ).first() is not None
                if not has_stats and connection.exec_driver_sql("SELECT 1 FROM claims LIMIT 1").first():
                    connection.exec_driver_sql("ANALYZE")
                    connection.commit()
        except Exception:  # noqa: BLE001 (read-only file, locked database: the planner does without)
            return

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()
