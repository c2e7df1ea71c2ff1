"""Domain errors: each carries a one-line message for the user and the exit code the CLI returns."""

from __future__ import annotations


class AnnotatorError(Exception):
    """Base of every error the CLI turns into one clear line on stderr instead of a traceback."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(AnnotatorError):
    """The command was given a value it cannot use (bad option, unknown format)."""

    exit_code = 2


class DatabaseError(AnnotatorError):
    """The database URL cannot be opened or the database refused an operation."""

    exit_code = 2


class DatabaseUnavailable(DatabaseError):
    """The database cannot be reached or did not answer (connection lost, locked too long): trying again may work."""


class InputFileError(AnnotatorError):
    """An input file is missing, unreadable, binary, empty or malformed."""

    exit_code = 1


class OutputFileError(AnnotatorError):
    """An output file could not be written (disk full, read-only or special folder); nothing was replaced."""

    exit_code = 1


class ImportRecordError(AnnotatorError):
    """A line of an import file is not a valid annotation record; nothing from the file was imported."""

    exit_code = 1


class NotFoundError(AnnotatorError):
    """A claim, article or annotation named by the user does not exist."""

    exit_code = 1


class SessionTakenError(AnnotatorError):
    """The annotator already has a live annotate or review session on this database (another window)."""

    exit_code = 1


class ClaimFullError(AnnotatorError):
    """The claim already has as many annotators as the overlap allows (another reviewer took the last place)."""

    exit_code = 1


def first_line(exc: BaseException) -> str:
    """The first line of an error's message (a wrapped driver error's own), or its class name when it has none."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def failure_reason(exc: BaseException) -> str:
    """One line saying why an operation failed: a domain error's own message, else the error's class and first line."""
    if isinstance(exc, AnnotatorError):
        return exc.message
    return f"{type(exc).__name__}: {first_line(exc)}"
