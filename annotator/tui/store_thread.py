"""The one thread that runs the Store calls a reviewer waits on (saves, loads), one after another.

A Textual thread worker costs the UI thread about a millisecond per job (a task, an executor hand-off and three
state messages) and an extra trip round the event loop before the job starts; on a key that saves, that is most of
what the screen adds to a bare Textual app. This thread waits on a queue: a job starts as soon as it is handed over.
The screen may wait a frame's time for a job (`submit(job, wait=...)`): the UI thread then sleeps without the
interpreter lock, so the save runs alone, and a quick commit hands its outcome straight back with no message and no
trip round the event loop. A job slower than the wait, or one nobody waits on, posts its outcome with `done`.
Calls nobody waits on (prefetches, lease renewals) stay in Textual workers, so a slow prefetch never queues in front
of a save.
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


class _Handover:
    """One job and the outcome its submitter may still be waiting for."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.outcome: object = None
        self.finished = False
        self.waiting = False
        self.ready = threading.Condition(threading.Lock())


class StoreThread:
    """Runs jobs in order off the UI thread; an outcome nobody is waiting for goes to `done` (thread-safe)."""

    def __init__(self, context: JobContext, done: Callable[[object], None]) -> None:
        self._context = context
        self._done = done
        self._jobs: queue.SimpleQueue[_Handover | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None

    def submit(self, job: Job, *, wait: float = 0.0) -> tuple[bool, object]:
        """Run `job` after the ones already handed over, waiting up to `wait` seconds for it.

        Returns (True, outcome) when the job finished within the wait; (False, None) when its outcome will come
        through `done` instead.
        """
        if self._thread is None:
            self._thread = threading.Thread(target=self._serve, name="annotator-store", daemon=True)
            self._thread.start()
        handover = _Handover(job)
        if wait <= 0:
            self._jobs.put(handover)
            return False, None
        with handover.ready:
            handover.waiting = True
            self._jobs.put(handover)
            handover.ready.wait_for(lambda: handover.finished, timeout=wait)
            handover.waiting = False
            return (True, handover.outcome) if handover.finished else (False, None)

    def stop(self) -> None:
        """Let the job in flight finish, then end the thread."""
        if self._thread is not None:
            self._jobs.put(None)
            if self._thread is not threading.current_thread():
                self._thread.join(STOP_WAIT_SECONDS)
            self._thread = None

    def _serve(self) -> None:
        while (handover := self._jobs.get()) is not None:
            try:
                outcome = handover.job.run(self._context)
            except Exception as exc:  # noqa: BLE001 (the screen waits for an outcome; it must always get one)
                outcome = StoreFailed("reach the database", failure_reason(exc))
            with handover.ready:
                handover.outcome, handover.finished = outcome, True
                if handover.waiting:
                    handover.ready.notify()
                    continue
            self._done(outcome)
