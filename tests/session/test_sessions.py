"""The review sessions without any screen: decide, undo, resume, routing, retries and adjudication, on real SQLite."""

from __future__ import annotations

import threading

import pytest

from annotator.models import Annotation
from annotator.session import (
    AdjudicationSession,
    AnnotationSession,
    JobContext,
    Notice,
    RoutedOrder,
    Routing,
    Step,
)
from annotator.session.core import WAITING_KEYS_LIMIT
from annotator.session.outcomes import ChangeSaved, StoreFailed
from tests.tui.helpers import put_table_back, take_table_away
from tests.tui.sample_data import make_sample_store


@pytest.fixture
def store(tmp_path):
    sample = make_sample_store(tmp_path / "s.db")
    yield sample
    sample.close()


class Driver:
    """Runs a session's jobs one after another on this thread, as a view's workers would."""

    def __init__(self, store, session) -> None:
        self.session = session
        self.reports: list[Notice] = []
        self.context = JobContext(store, self.reports.append, session.closed)
        self.steps: list[Step] = []

    def run(self, step: Step) -> Step:
        """Follow the step's waited jobs until the session waits on nothing; the last step is returned."""
        self.steps.append(step)
        while step.job is not None:
            step = self.session.apply(step.job.run(self.context))
            self.steps.append(step)
        return step

    def said(self) -> list[str]:
        return [step.notice.text for step in self.steps if step.notice is not None]


def annotating(store, name: str = "alice", order=None) -> Driver:
    driver = Driver(store, AnnotationSession(name, order))
    driver.run(driver.session.start())
    return driver


def test_a_decision_is_committed_before_the_next_claim_is_current(store):
    driver = annotating(store)
    session = driver.session
    assert session.queue.current == "c01"
    step = session.decide("verified")
    assert step.job is not None and session.keys.busy, "the key waits on the save"
    assert session.queue.current == "c01" and store.annotations.get("c01", "alice") is None
    outcome = step.job.run(driver.context)
    assert isinstance(outcome, ChangeSaved)
    assert store.annotations.get("c01", "alice").label == "verified", "committed by the job, before the move"
    driver.run(session.apply(outcome))
    assert session.queue.current == "c02" and session.done == 1 and not session.keys.busy


def test_undo_takes_a_claim_back_to_no_label_in_the_database(store):
    driver = annotating(store)
    session = driver.session
    driver.run(session.decide("verified"))
    driver.run(session.decide("contested"))
    driver.run(session.undo())
    assert store.annotations.get("c02", "alice") is None and session.queue.current == "c02"
    driver.run(session.undo())
    assert store.annotations.get("c01", "alice") is None and session.queue.current == "c01"
    assert driver.said()[-1] == "Undone: verified → back to no label. Press r to redo."
    driver.run(session.undo())
    assert driver.said()[-1] == "Nothing to undo." and session.done == 0


def test_a_relabel_undone_restores_the_earlier_decision_with_its_note(store):
    driver = annotating(store)
    session = driver.session
    driver.run(session.set_note("ask the harbour office", ("https://example.org/timetable",)))
    driver.run(session.decide("verified"))
    driver.run(session.step_by(-1))
    driver.run(session.decide("unverifiable"))
    assert store.annotations.get("c01", "alice").note == "ask the harbour office", "the pending note was carried"
    driver.run(session.undo())
    restored = store.annotations.get("c01", "alice")
    assert (restored.label, restored.evidence) == ("verified", ["https://example.org/timetable"])


def test_resumes_on_the_first_claim_this_annotator_has_not_labelled(store):
    for claim_id in ("c01", "c02", "c04"):
        store.annotations.save(Annotation(claim_id=claim_id, annotator="alice", label="verified"))
    store.annotations.save(Annotation(claim_id="c03", annotator="bob", label="verified"))
    session = annotating(store).session
    assert session.queue.current == "c03" and (session.done, session.total) == (3, 7)
    driver = Driver(store, session)
    driver.run(session.decide("verified"))
    assert session.queue.current == "c05", "labelled claims are passed over"


def test_routed_sessions_never_share_a_claim_and_skip_gives_it_back(store):
    routing = Routing(overlap=1, lease_seconds=300)
    alice = annotating(store, "alice", RoutedOrder(routing))
    bob = annotating(store, "bob", RoutedOrder(routing))
    assert alice.session.held_claim() != bob.session.held_claim()
    skipped = alice.session.held_claim()
    alice.run(alice.session.skip())
    assert alice.session.held_claim() not in (skipped, bob.session.held_claim())
    seen = {"alice": [], "bob": []}
    for _ in range(8):
        for name, driver in (("alice", alice), ("bob", bob)):
            held = driver.session.held_claim()
            if held is not None:
                seen[name].append(held)
                driver.run(driver.session.decide("verified"))
    assert set(seen["alice"]).isdisjoint(seen["bob"])
    assert set(seen["alice"]) | set(seen["bob"]) == set(store.claims.ids())
    assert any("No claim left for you" in text for text in alice.said() + bob.said())


def test_a_save_is_retried_until_the_database_answers_and_is_said_to_be_unsaved(store, tmp_path):
    driver = annotating(store)
    session = driver.session
    take_table_away(tmp_path / "s.db", "annotations")
    job = session.decide("verified").job
    outcome: list[object] = []
    worker = threading.Thread(target=lambda: outcome.append(job.run(driver.context)))
    worker.start()
    try:
        for _ in range(200):
            if len(driver.reports) >= 2:
                break
            threading.Event().wait(0.05)
        assert len(driver.reports) >= 2, "still trying after the first retry"
        assert all("not saved yet, trying again" in report.text for report in driver.reports)
        assert session.keys.hold(lambda: None), "a key pressed meanwhile is held in order"
    finally:
        put_table_back(tmp_path / "s.db", "annotations")
        worker.join(timeout=30)
    assert isinstance(outcome[0], ChangeSaved)
    assert store.annotations.get("c01", "alice").label == "verified"


def test_closing_the_screen_stops_the_retries_and_nothing_is_saved(store, tmp_path):
    driver = annotating(store)
    session = driver.session
    take_table_away(tmp_path / "s.db", "annotations")
    job = session.decide("verified").job
    threading.Timer(0.2, session.close).start()
    outcome = job.run(driver.context)
    put_table_back(tmp_path / "s.db", "annotations")
    assert isinstance(outcome, StoreFailed) and "screen closed" in outcome.message
    driver.run(session.apply(outcome))
    assert "NOT SAVED" in driver.said()[-1] and store.annotations.get("c01", "alice") is None


def test_keys_beyond_the_limit_are_refused_not_dropped_silently(store):
    session = annotating(store).session
    session.keys.busy = True
    assert all(session.keys.hold(lambda: None) for _ in range(WAITING_KEYS_LIMIT))
    assert not session.keys.hold(lambda: None)


def test_an_adjudication_goes_through_the_same_save_and_undo_paths(store):
    for annotator, label in (("alice", "verified"), ("bob", "contested")):
        store.annotations.save(Annotation(claim_id="c02", annotator=annotator, label=label))
    driver = Driver(store, AdjudicationSession("lead"))
    session = driver.session
    driver.run(session.start())
    assert session.claim_ids == ["c02"] and session.current_item().claim.id == "c02"
    driver.run(session.set_note("operator confirmed", ()))
    driver.run(session.decide("contested"))
    saved = store.adjudications.get("c02")
    assert (saved.label, saved.note, saved.adjudicator) == ("contested", "operator confirmed", "lead")
    driver.run(session.decide("verified"))
    driver.run(session.undo())
    assert store.adjudications.get("c02").label == "contested"
    driver.run(session.undo())
    assert store.adjudications.get("c02") is None and session.adjudicated == set()
    assert {a.label for a in store.annotations.all()} == {"verified", "contested"}, "annotations untouched"


def test_the_next_disputed_claim_is_loaded_while_the_lead_reads_so_deciding_costs_one_wait(store):
    for claim_id in ("c02", "c05"):
        for annotator, label in (("alice", "verified"), ("bob", "contested")):
            store.annotations.save(Annotation(claim_id=claim_id, annotator=annotator, label=label))
    driver = Driver(store, AdjudicationSession("lead"))
    session = driver.session
    driver.run(session.start())
    ahead = session.prefetch().background
    assert ahead is not None and ahead.claim_id == "c05"
    session.apply(ahead.run(driver.context))
    saved = session.apply(session.decide("verified").job.run(driver.context))
    assert saved.job is None and saved.show, "the next claim shows straight after the save"
    assert session.current_item().claim.id == "c05" and store.adjudications.get("c02").label == "verified"
