"""The one thread that runs the Store calls a reviewer waits on (saves, loads), one after another.

A Textual thread worker costs the UI thread about a millisecond per job (a task, an executor hand-off and three
state messages) and an extra trip round the event loop before the job starts; on a key that saves, that is most of
what the screen adds to a bare Textual app. This thread waits on a queue: a job starts as soon as it is handed over,
and its outcome is posted straight back. Calls nobody waits on (prefetches, lease renewals) stay in Textual workers,
so a slow prefetch never queues in front of a save.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

from annotator.session import Job, JobContext
from annotator.session.outcomes import StoreFailed
from annotator.session.saving import failure_reason

STOP_WAIT_SECONDS = 10.0
"""How long closing the screen waits for a Store call in flight to return (its commit is what the reviewer saw)."""


class StoreThread:
    """Runs jobs in order off the UI thread and hands each outcome to `done` (which must be thread-safe)."""

    def __init__(self, context: JobContext, done: Callable[[object], None]) -> None:
        self._context = context
        self._done = done
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None

    def submit(self, job: Job) -> None:
        """Run `job` after the ones already handed over."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._serve, name="annotator-store", daemon=True)
            self._thread.start()
        self._jobs.put(job)

    def stop(self) -> None:
        """Let the job in flight finish, then end the thread."""
        if self._thread is not None:
            self._jobs.put(None)
            if self._thread is not threading.current_thread():
                self._thread.join(STOP_WAIT_SECONDS)
            self._thread = None

    def _serve(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                outcome = job.run(self._context)
            except Exception as exc:  # noqa: BLE001 (the screen waits for an outcome; it must always get one)
                outcome = StoreFailed("reach the database", failure_reason(exc))
            self._done(outcome)
