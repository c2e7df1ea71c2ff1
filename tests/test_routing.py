"""Routing with overlap: each claim is offered until K different annotators labelled it, never past K."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections import Counter

import pytest

from annotator.errors import ClaimFullError
from annotator.models import Annotation, Article, Claim
from annotator.store import open_store


def seed_claims(store, n_claims: int) -> list[str]:
    body = " ".join(f"Sentence {i} reports {i + 10} boats." for i in range(n_claims))
    article = Article(id="routing-art", source="routing.txt", body=body, content_hash="routing", event="ev")
    claims, offset = [], 0
    for i in range(n_claims):
        text = f"Sentence {i} reports {i + 10} boats."
        start = body.index(text, offset)
        offset = start + len(text)
        claims.append(Claim(id=f"rc{i:04d}", article=article.ref(), text=text, source_text=text, start=start,
                            end=offset, position=i))
    store.articles.add(article, claims)
    return [claim.id for claim in claims]


def test_overlap_one_splits_the_queue_between_annotators(store):
    seed_claims(store, 4)
    first = store.routing.reserve_next("alice", overlap=1, lease_seconds=60)
    second = store.routing.reserve_next("bob", overlap=1, lease_seconds=60)
    assert first.id == "rc0000" and second.id == "rc0001"
    assert store.routing.reserve_next("alice", overlap=1, lease_seconds=60).id == "rc0000", "a held lease is resumed"


def test_overlap_two_serves_each_claim_to_two_annotators_then_stops(store):
    ids = seed_claims(store, 2)
    for name in ("alice", "bob", "carol"):
        while (claim := store.routing.reserve_next(name, overlap=2, lease_seconds=60)) is not None:
            store.annotations.save(Annotation(claim_id=claim.id, annotator=name, label="verified"), overlap=2)
    counts = Counter(a.claim_id for a in store.annotations.all())
    assert counts == {ids[0]: 2, ids[1]: 2}
    assert not [a for a in store.annotations.all(annotator="carol")]


def test_saving_past_the_overlap_is_refused(store):
    ids = seed_claims(store, 1)
    store.annotations.save(Annotation(claim_id=ids[0], annotator="alice", label="verified"), overlap=1)
    with pytest.raises(ClaimFullError):
        store.annotations.save(Annotation(claim_id=ids[0], annotator="bob", label="verified"), overlap=1)
    store.annotations.save(Annotation(claim_id=ids[0], annotator="alice", label="contested"), overlap=1)


def test_expired_lease_returns_claim_to_queue(store):
    seed_claims(store, 1)
    assert store.routing.reserve_next("alice", overlap=1, lease_seconds=3).id == "rc0000"
    assert store.routing.reserve_next("bob", overlap=1, lease_seconds=60) is None
    time.sleep(3.2)
    assert store.routing.reserve_next("bob", overlap=1, lease_seconds=60).id == "rc0000"


def test_skipped_claim_is_released(store):
    seed_claims(store, 2)
    claim = store.routing.reserve_next("alice", overlap=1, lease_seconds=60)
    store.routing.release(claim.id, "alice")
    assert store.routing.reserve_next("bob", overlap=1, lease_seconds=60).id == claim.id


def _annotate_until_done(url: str, name: str, acknowledged) -> None:
    store = open_store(url)
    while (claim := store.routing.reserve_next(name, overlap=2, lease_seconds=30)) is not None:
        try:
            store.annotations.save(Annotation(claim_id=claim.id, annotator=name, label="verified"), overlap=2)
        except ClaimFullError:
            continue
        acknowledged.append((claim.id, name))
    store.close()


def _reserve_then_crash(url: str, reserved) -> None:
    store = open_store(url)
    reserved.append(store.routing.reserve_next("crasher", overlap=2, lease_seconds=2).id)
    os.kill(os.getpid(), signal.SIGKILL)


def test_concurrent_annotators_never_exceed_overlap(db_url):
    url = db_url
    store = open_store(url)
    ids = seed_claims(store, 60)
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        acknowledged, reserved = manager.list(), manager.list()
        crasher = context.Process(target=_reserve_then_crash, args=(url, reserved))
        crasher.start()
        crasher.join(60)
        workers = [context.Process(target=_annotate_until_done, args=(url, f"ann{i}", acknowledged))
                   for i in range(4)]
        for process in workers:
            process.start()
        for process in workers:
            process.join(120)
        acknowledged, crashed_claim = list(acknowledged), reserved[0]
    assert crasher.exitcode == -signal.SIGKILL
    saved = {(a.claim_id, a.annotator) for a in store.annotations.all()}
    counts = Counter(claim_id for claim_id, _ in saved)
    assert max(counts.values()) <= 2, "no claim went past the overlap"
    assert set(acknowledged) <= saved, "every acknowledged decision is stored"
    assert len(acknowledged) == len(set(acknowledged)), "nobody was offered a claim twice"
    time.sleep(2.2)
    while (claim := store.routing.reserve_next("late", overlap=2, lease_seconds=60)) is not None:
        store.annotations.save(Annotation(claim_id=claim.id, annotator="late", label="verified"), overlap=2)
    final = Counter(a.claim_id for a in store.annotations.all())
    assert final[crashed_claim] == 2, "the crashed annotator's reserved claim came back to the queue"
    assert set(final) == set(ids) and set(final.values()) == {2}
    store.close()


def test_only_skipped_claims_left_means_an_empty_queue_at_once(store):
    seed_claims(store, 1)
    claim = store.routing.reserve_next("alice", overlap=1, lease_seconds=60)
    store.routing.release(claim.id, "alice")
    started = time.monotonic()
    assert store.routing.reserve_next("alice", overlap=1, lease_seconds=60, skip=[claim.id]) is None
    assert time.monotonic() - started < 2


def test_renewing_keeps_a_claim_on_screen_reserved(store):
    seed_claims(store, 1)
    claim = store.routing.reserve_next("alice", overlap=1, lease_seconds=2)
    time.sleep(1.0)
    assert store.routing.renew(claim.id, "alice", overlap=1, lease_seconds=3)
    time.sleep(1.5)
    assert store.routing.reserve_next("bob", overlap=1, lease_seconds=60) is None, "still alice's after the first lease"
    time.sleep(1.8)
    assert store.routing.reserve_next("bob", overlap=1, lease_seconds=60).id == claim.id
    assert not store.routing.renew(claim.id, "alice", overlap=1, lease_seconds=60), "bob holds it now"


def test_a_held_claim_that_filled_up_meanwhile_is_given_up(store):
    seed_claims(store, 2)
    held = store.routing.reserve_next("alice", overlap=1, lease_seconds=60)
    store.annotations.save(Annotation(claim_id=held.id, annotator="bob", label="verified"))
    assert store.routing.reserve_next("alice", overlap=1, lease_seconds=60).id != held.id


def test_a_decision_reserves_the_next_claim_in_its_own_commit(store):
    ids = seed_claims(store, 3)
    held = store.routing.reserve_next("alice", overlap=1, lease_seconds=60)
    saved, reserved = store.annotations.save_and_reserve(
        Annotation(claim_id=held.id, annotator="alice", label="verified"), overlap=1, reserve=ids[1], lease_seconds=60)
    assert saved.label == "verified" and reserved
    assert store.annotations.get(held.id, "alice").label == "verified"
    assert store.routing.reserve_next("bob", overlap=1, lease_seconds=60).id == ids[2], "alice holds the next one"


def test_a_next_claim_taken_meanwhile_leaves_the_decision_saved(store):
    ids = seed_claims(store, 2)
    store.annotations.save(Annotation(claim_id=ids[1], annotator="bob", label="contested"), overlap=1)
    saved, reserved = store.annotations.save_and_reserve(
        Annotation(claim_id=ids[0], annotator="alice", label="verified"), overlap=1, reserve=ids[1], lease_seconds=60)
    assert not reserved
    assert store.annotations.get(ids[0], "alice").label == "verified"
    assert store.routing.reserve_next("alice", overlap=1, lease_seconds=60) is None
