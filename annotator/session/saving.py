"""Saving through a database that stops answering: try again with backoff for as long as the screen is open.

A decision is never given up on while the reviewer is still there: the screen says it is not saved yet and the keys
pressed meanwhile wait their turn, in order. Only closing the screen stops the retries.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from annotator.errors import DatabaseUnavailable, failure_reason

SAVE_RETRY_DELAYS = (0.5, 1.0, 2.0, 4.0)
"""Seconds to wait before each new attempt when the database does not answer; the last repeats from then on."""

Saved = TypeVar("Saved")

__all__ = ["SAVE_RETRY_DELAYS", "SaveAbandoned", "commit_until_saved", "failure_reason", "retry_delay", "retry_notice"]


class SaveAbandoned(DatabaseUnavailable):
    """The screen closed while the database still did not answer: the change was not saved."""


def retry_delay(attempt: int) -> float:
    """Seconds to wait after failed attempt number `attempt` (1-based)."""
    return SAVE_RETRY_DELAYS[min(attempt, len(SAVE_RETRY_DELAYS)) - 1]


def commit_until_saved(commit: Callable[[], Saved], on_retry: Callable[[int, float, str], None],
                       closed: threading.Event) -> Saved:
    """Run `commit`, again after each delay while the database is unreachable, until it lands or `closed` is set.

    `on_retry(attempt, delay, reason)` is called before each wait, so the screen can say nothing is saved yet.
    Only `DatabaseUnavailable` is retried: a refused change (a broken constraint) would fail the same way again.
    Raises SaveAbandoned when the screen closed first.
    """
    attempt = 0
    while True:
        try:
            return commit()
        except DatabaseUnavailable as exc:
            attempt += 1
            delay = retry_delay(attempt)
            on_retry(attempt, delay, failure_reason(exc))
            if closed.wait(delay):
                raise SaveAbandoned(f"not saved: the screen closed while {failure_reason(exc)}") from None


def retry_notice(attempt: int, delay: float, reason: str) -> str:
    """What a screen says while a save is being tried again: plainly, that nothing is saved yet."""
    return (f"✖ Database not answering ({reason}); not saved yet, trying again in {delay:g} s (attempt {attempt}). "
            "Keys you press wait their turn; q twice quits without this change.")
