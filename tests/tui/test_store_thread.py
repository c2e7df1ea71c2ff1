"""The store thread hands each outcome back exactly once: straight to a submitter still waiting, else as `done`."""

from __future__ import annotations

import threading

from annotator.session import JobContext
from annotator.session.outcomes import StoreFailed
from annotator.tui.store_thread import StoreThread


class HeldJob:
    """A Store call that returns only once the test lets it (a database slower than the screen's wait)."""

    def __init__(self, outcome: object) -> None:
        self.outcome = outcome
        self.release = threading.Event()

    def run(self, context: JobContext) -> object:
        self.release.wait(10)
        return self.outcome


class BrokenJob:
    def run(self, context: JobContext) -> object:
        raise OSError("disk gone")


def thread_and_posts():
    posted: list[object] = []
    arrived = threading.Event()

    def done(outcome: object) -> None:
        posted.append(outcome)
        arrived.set()

    context = JobContext(store=None, report=lambda notice: None, closed=threading.Event())  # type: ignore[arg-type]
    return StoreThread(context, done), posted, arrived


def test_a_quick_job_comes_back_to_the_waiting_submitter_and_is_not_posted_as_well():
    thread, posted, _ = thread_and_posts()
    job = HeldJob("saved")
    job.release.set()
    try:
        assert thread.submit(job, wait=5.0) == (True, "saved")
        follow = HeldJob("second")
        follow.release.set()
        assert thread.submit(follow, wait=5.0) == (True, "second")
    finally:
        thread.stop()
    assert posted == []


def test_a_job_slower_than_the_wait_is_posted_once_when_it_finishes():
    thread, posted, arrived = thread_and_posts()
    job = HeldJob("saved late")
    try:
        assert thread.submit(job, wait=0.01) == (False, None)
        assert posted == []
        job.release.set()
        assert arrived.wait(5)
    finally:
        thread.stop()
    assert posted == ["saved late"]


def test_jobs_nobody_waits_for_are_posted_in_order_and_a_failure_is_an_outcome():
    thread, posted, _ = thread_and_posts()
    first, second = HeldJob("first"), HeldJob("second")
    first.release.set()
    second.release.set()
    thread.submit(first)
    thread.submit(BrokenJob())
    thread.submit(second)
    thread.stop()
    assert posted[0] == "first" and posted[2] == "second"
    assert isinstance(posted[1], StoreFailed) and "disk gone" in posted[1].message
