"""Bring a database's schema to the newest revision with Alembic, so older databases open in newer releases."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import RevisionError
from alembic.util import CommandError
from sqlalchemy.engine import Connection, Engine

from annotator.config import redact_url
from annotator.errors import DatabaseError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
MIGRATION_LOCK_KEY = 0x616E6E6F7461
"""PostgreSQL advisory lock held while migrating, so commands started together on a fresh database take turns."""


def alembic_config() -> Config:
    """An Alembic config pointing at the bundled migrations (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest revision the bundled migrations know."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def known_revision(connection: Connection) -> str | None:
    """The database's revision, or DatabaseError when this release does not know it (a newer one wrote it)."""
    try:
        revision = MigrationContext.configure(connection).get_current_revision()
    except CommandError as error:  # several heads stamped: a newer release's branches
        raise DatabaseError(f"{_name(connection)}: this database was written by a newer annotator ({error})") from None
    if revision is None:
        return None
    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    except (RevisionError, CommandError):
        raise DatabaseError(
            f"{_name(connection)}: this database was written by a newer annotator (revision {revision}); "
            "upgrade annotator to open it"
        ) from None
    return revision


def is_current(engine: Engine) -> bool:
    """True when the database is at the newest revision (DatabaseError for an unknown revision)."""
    with engine.connect() as connection:
        return known_revision(connection) == head_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply every pending migration in one transaction, one process at a time.

    PostgreSQL: an advisory lock held to the end of the transaction, so a second command started on the same fresh
    database waits and then finds the schema in place. SQLite: the write lock taken up front (BEGIN IMMEDIATE).
    """
    config = alembic_config()
    with engine.execution_options(sqlite_begin="IMMEDIATE").begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})")
        if known_revision(connection) == head_revision() and revision == "head":
            return
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def _name(connection: Connection) -> str:
    return redact_url(connection.engine.url.render_as_string(hide_password=False)) or "database"
