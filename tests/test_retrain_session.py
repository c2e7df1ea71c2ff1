"""The queue orders and retraining as a session uses them: the first claim shown, the claim reserved, and a retrain
running beside the reviewer's decisions."""

from __future__ import annotations

import threading

import pytest

from annotator.learn.retrain import Retrainer, retrain_now
from annotator.models import Annotation
from annotator.session import JobContext
from annotator.session.jobs import LoadQueue, Reservation, ReserveClaim, Routing
from annotator.store import open_store
from tests.checkworthiness_data import add_labelled_claims, label_claims, labelled_sentences
from tests.test_store_queue import make_article


def context(store) -> JobContext:
    return JobContext(store, lambda notice: None, threading.Event())


@pytest.fixture
def scored(store):
    for number in range(2):
        store.articles.add(*make_article(number))
    store.scores.update([("a0-0", 0.1), ("a0-1", 0.52), ("a1-0", 0.97), ("a1-1", 0.3), ("a0-2", 0.8),
                         ("a0-3", 0.2), ("a1-2", 0.05), ("a1-3", 0.6)], "m")
    return store


def test_the_session_opens_on_the_claim_the_order_puts_first(scored):
    for order, first in (("reading", "a0-0"), ("score", "a1-0"), ("uncertain", "a0-1")):
        loaded = LoadQueue("ana", None, order).run(context(scored))
        queue = loaded.start.queue
        assert queue.spec.order == order and queue.current == first, order


def test_routed_sessions_reserve_in_the_order(scored):
    routing = Routing(overlap=1, lease_seconds=60, order="score")
    loaded = LoadQueue("ana", routing).run(context(scored))
    assert loaded.start.reserved == "a1-0"
    reserved = ReserveClaim(Reservation("bo", routing, frozenset(), ())).run(context(scored))
    assert reserved.claim_id == "a0-2", "a1-0 is on ana's screen; bo gets the next most check-worthy"


def test_retrainer_asks_for_one_retrain_every_n_labels():
    retrainer = Retrainer("sqlite:///unused.db", model_dir=None, every=3)  # type: ignore[arg-type]
    assert [retrainer.label_saved() for _ in range(3)] == [False, False, True]
    assert [retrainer.label_saved() for _ in range(4)] == [False] * 4, "one retrain at a time"
    retrainer.finished()
    assert retrainer.label_saved(), "the labels saved during the last retrain count towards the next"
    retrainer.finished()
    assert [retrainer.label_saved() for _ in range(3)] == [False, False, True]


def test_a_retrain_during_annotation_loses_no_decision_and_scores_the_unlabelled(sqlite_url, tmp_path):
    store = open_store(sqlite_url)
    sentences = labelled_sentences(30, 30)
    claims = add_labelled_claims(store, sentences)
    label_claims(store, claims[:56], sentences[:56])
    outcome: list = []
    worker = threading.Thread(target=lambda: outcome.append(retrain_now(sqlite_url, tmp_path / "cw")))
    worker.start()
    saved_while_training = 0
    for index, claim in enumerate(claims[56:]):
        store.annotations.save(Annotation(claim_id=claim.id, annotator="bo", label="verified", note=f"n{index}"))
        saved_while_training += worker.is_alive()
    worker.join(timeout=900)
    assert saved_while_training > 0, "decisions were saved while the model trained"
    assert outcome and outcome[0].version is not None, outcome
    assert outcome[0].message.startswith(f"new model {outcome[0].version} in use")
    notes = {a.claim_id: a.note for a in store.annotations.all(annotator="bo")}
    assert notes == {claim.id: f"n{index}" for index, claim in enumerate(claims[56:])}
    assert len(list(store.annotations.all(annotator="ana"))) == 56
    labelled_scores = {store.claims.get(claim.id).checkworthiness_model for claim in claims[:56]}
    assert labelled_scores == {None}, "claims labelled before the retrain keep their score"
    store.close()


def test_a_retrain_with_too_few_labels_says_so(sqlite_url, tmp_path):
    store = open_store(sqlite_url)
    sentences = labelled_sentences(5, 5)
    label_claims(store, add_labelled_claims(store, sentences), sentences)
    store.close()
    outcome = retrain_now(sqlite_url, tmp_path / "cw")
    assert outcome.version is None
    assert outcome.message == "retrain skipped: 10 labelled claims; need at least 50 with both classes"
