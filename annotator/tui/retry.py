"""Saving through a database that stops answering: try again a few times, then give up with one clear line."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from annotator.errors import DatabaseUnavailable, failure_reason

SAVE_RETRY_DELAYS = (0.5, 1.0, 2.0)
"""Seconds to wait before each new attempt when the database does not answer a save."""

__all__ = ["SAVE_RETRY_DELAYS", "commit_with_retries", "failure_reason", "retry_notice"]

Saved = TypeVar("Saved")


def commit_with_retries(commit: Callable[[], Saved], on_retry: Callable[[int, int, str], None]) -> Saved:
    """Run `commit`, again after each delay while the database is unreachable; raises once it gives up.

    `on_retry(attempt, attempts, reason)` is called before each wait, so the screen can say nothing is saved yet.
    Only `DatabaseUnavailable` is retried: a refused change (a broken constraint) would fail the same way again.
    """
    attempts = len(SAVE_RETRY_DELAYS) + 1
    for attempt, delay in enumerate((*SAVE_RETRY_DELAYS, None), start=1):
        try:
            return commit()
        except DatabaseUnavailable as exc:
            if delay is None:
                raise
            on_retry(attempt, attempts, failure_reason(exc))
            time.sleep(delay)
    raise AssertionError("unreachable")


def retry_notice(attempt: int, attempts: int, reason: str) -> str:
    """What a screen says while a save is being tried again: plainly, that nothing is saved yet."""
    return f"✖ Database not answering ({reason}); not saved yet, trying again ({attempt}/{attempts})…"
