"""Shared CLI pieces: the --db option, settings, error mapping and stderr output."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Annotated, Optional, TypeVar

import typer
from pydantic import ValidationError

from annotator.cli.output import line, stderr_console
from annotator.config import Settings, require_existing_database
from annotator.errors import AnnotatorError, UsageError

DbOption = Annotated[
    Optional[str],
    typer.Option(
        "--db",
        envvar="ANNOTATOR_DB",
        help="Database: a SQLAlchemy URL (sqlite:///a.db, postgresql+psycopg://user@host/db) or a file path.",
        show_default="sqlite:///annotations.db",
    ),
]

LabelsOption = Annotated[
    Optional[Path],
    typer.Option(
        "--labels",
        help="Label file (TOML or JSON) with your verdicts, keys and the rating each publishes; or a bundled set "
        "(six-point). Env ANNOTATOR_LABELS_FILE. Default: verified, corrected, contested, unverifiable, not_a_claim.",
        show_default=False,
    ),
]

F = TypeVar("F", bound=Callable)

__all__ = ["DbOption", "LabelsOption", "fail", "handle_errors", "make_settings", "opened_store", "stderr_console"]


def make_settings(db: str | None, **overrides) -> Settings:
    """Settings from the environment, with command-line values taking precedence."""
    values = {key: value for key, value in overrides.items() if value is not None}
    if db is not None:
        values["db"] = db
    try:
        return Settings(**values)
    except ValidationError as exc:
        problem = exc.errors()[0]
        name = "ANNOTATOR_" + str(problem["loc"][0]).upper() if problem.get("loc") else "a setting"
        raise UsageError(f"{name}: {problem['msg']} (got {problem.get('input')!r})") from None


def fail(message: str, code: int) -> typer.Exit:
    """Print one clear line on stderr and return the Exit to raise."""
    typer.echo(f"annotator: {line(message)}", err=True)
    return typer.Exit(code)


def handle_errors(command: F) -> F:
    """Turn domain errors into one line on stderr and the error's exit code, never a traceback."""

    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except AnnotatorError as exc:
            raise fail(exc.message, exc.exit_code) from None
        except KeyboardInterrupt:
            raise fail("interrupted; everything saved before this point is kept", 130) from None
        except OSError as exc:  # the machine refused (disk full, permission): one line, never a traceback
            where = f"{exc.filename}: " if exc.filename else ""
            raise fail(f"{where}{exc.strerror or exc}", 1) from None

    return wrapper  # type: ignore[return-value]


@contextmanager
def opened_store(
    settings: Settings, *, existing: bool = False, read_only: bool = False
) -> Iterator["Store"]:  # noqa: F821
    """Open the configured database for the length of one command; with `existing`, a SQLite file that is not
    there is an error naming it instead of a new empty database; `read_only` for commands that only read, so a
    database in a read-only folder still opens."""
    from annotator.store import open_store

    if existing:
        require_existing_database(settings.database_url)
    store = open_store(settings.database_url, read_only=read_only)
    try:
        yield store
    finally:
        store.close()
