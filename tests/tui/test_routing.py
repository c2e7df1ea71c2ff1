"""Routing with `--overlap K`: two reviewers on one SQLite database each see claims reserved for them alone."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from annotator.models import Annotation
from annotator.store import open_store
from annotator.tui import make_app
from tests.tui.helpers import annotate_screen, press, screen_text, settle
from tests.tui.sample_data import sample_settings

SIZE = (100, 32)
ALL_CLAIMS = {f"c0{n}" for n in range(1, 8)}
pytestmark = pytest.mark.anyio


@pytest.fixture
def routed_app(store, tmp_path):
    """Builds an app with routing over its own connection to the sample database, as another process would."""
    opened = []

    def build(annotator: str, overlap: int, **settings):
        opened.append(open_store(f"sqlite:///{tmp_path / 't.db'}"))
        return make_app(opened[-1], sample_settings(overlap=overlap, **settings), annotator=annotator)

    yield build
    for other in opened:
        other.close()


def current(pilot) -> str | None:
    return annotate_screen(pilot.app).session.queue.current


def annotations_per_claim(store) -> Counter:
    return Counter(annotation.claim_id for annotation in store.annotations.all())


async def label_until_done(pilot, key: str, limit: int = 10) -> list[str]:
    """Press `key` on each claim served until routing has none left; returns the claims labelled."""
    labelled = []
    for _ in range(limit):
        screen = annotate_screen(pilot.app)
        if screen.session.held_claim() is None:
            return labelled
        labelled.append(screen.session.held_claim())
        await press(pilot, key)
    raise AssertionError("routing kept serving claims")


async def test_overlap_1_two_reviewers_share_the_claims_without_overlap(store, routed_app):
    alice, bob = routed_app("alice", 1), routed_app("bob", 1)
    async with alice.run_test(size=SIZE) as alice_pilot, bob.run_test(size=SIZE) as bob_pilot:
        await settle(alice_pilot)
        await settle(bob_pilot)
        assert current(alice_pilot) == "c01" and current(bob_pilot) == "c02"
        await press(alice_pilot, "v")
        assert current(alice_pilot) == "c03"
        await press(bob_pilot, "x")
        assert current(bob_pilot) == "c04"
        alice_done = ["c01"] + await label_until_done(alice_pilot, "v")
        bob_done = ["c02"] + await label_until_done(bob_pilot, "x")
        assert "No claim left for you" in screen_text(bob)
    assert set(alice_done).isdisjoint(bob_done) and set(alice_done) | set(bob_done) == ALL_CLAIMS
    assert {a.claim_id for a in store.annotations.all(annotator="alice")} == set(alice_done)
    assert {a.label for a in store.annotations.all(annotator="bob")} == {"contested"}
    assert max(annotations_per_claim(store).values()) == 1


async def test_overlap_2_every_claim_gets_two_reviewers_and_a_third_gets_none(store, routed_app):
    alice, bob = routed_app("alice", 2), routed_app("bob", 2)
    async with alice.run_test(size=SIZE) as alice_pilot, bob.run_test(size=SIZE) as bob_pilot:
        await settle(alice_pilot)
        await settle(bob_pilot)
        assert current(alice_pilot) == current(bob_pilot) == "c01"
        assert len(await label_until_done(alice_pilot, "v")) == 7
        assert len(await label_until_done(bob_pilot, "u")) == 7
    assert annotations_per_claim(store) == Counter({claim_id: 2 for claim_id in ALL_CLAIMS})

    carol = routed_app("carol", 2)
    async with carol.run_test(size=SIZE) as carol_pilot:
        await settle(carol_pilot)
        assert "No claim for you right now" in screen_text(carol)
        await press(carol_pilot, "v")
    assert not list(store.annotations.all(annotator="carol"))


async def test_blind_the_screen_never_shows_another_reviewers_label(store, routed_app):
    store.annotations.save(Annotation(claim_id="c01", annotator="bob", label="contested", note="bob's doubts"),
                          overlap=2)
    alice = routed_app("alice", 2)
    async with alice.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert current(pilot) == "c01"
        text = screen_text(alice)
        assert "NO LABEL YET" in text
        assert "CONTESTED" not in text and "bob" not in text


async def test_skip_gives_the_claim_back_and_quit_releases_the_claim_on_screen(store, routed_app):
    alice, bob = routed_app("alice", 1), routed_app("bob", 1)
    async with alice.run_test(size=SIZE) as alice_pilot:
        await settle(alice_pilot)
        assert current(alice_pilot) == "c01"
        await press(alice_pilot, "s")
        assert current(alice_pilot) == "c02"
        assert annotate_screen(alice).session.queue.cached_ids() == ["c02"]
        async with bob.run_test(size=SIZE) as bob_pilot:
            await settle(bob_pilot)
            assert current(bob_pilot) == "c01"
            await alice_pilot.press("q")
            for _ in range(100):
                if store.team.stats(overlap=1).reserved == 1:
                    break
                await asyncio.sleep(0.05)
            assert store.team.stats(overlap=1).reserved == 1
            await press(bob_pilot, "v")
            assert current(bob_pilot) == "c02"
    assert not list(store.annotations.all(annotator="alice"))
    assert store.annotations.get("c01", "bob").label == "verified"


async def test_decision_on_a_claim_someone_else_took_is_not_saved_and_moves_on(store, routed_app):
    alice = routed_app("alice", 1, lease_seconds=1)
    async with alice.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert current(pilot) == "c01"
        store.annotations.save(Annotation(claim_id="c01", annotator="bob", label="verified"))  # bob, not routed
        await press(pilot, "x")
        assert "Another reviewer took this claim" in screen_text(alice)
        assert current(pilot) == "c02"
        assert annotate_screen(alice).session.queue.cached_ids() == ["c02"]
    assert store.annotations.get("c01", "alice") is None
    assert annotations_per_claim(store)["c01"] == 1


async def test_reviewer_goes_back_to_relabel_their_own_claim(store, routed_app):
    alice = routed_app("alice", 1)
    async with alice.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "v")
        await press(pilot, "v")
        assert current(pilot) == "c03"
        await press(pilot, "k", "k")
        assert current(pilot) == "c01" and "LABELLED: VERIFIED" in screen_text(alice)
        await press(pilot, "x")
        assert current(pilot) == "c03"
        await press(pilot, "j")
        assert "Last claim of the queue" in screen_text(alice)
    assert store.annotations.get("c01", "alice").label == "contested"
    assert {a.claim_id for a in store.annotations.all(annotator="alice")} == {"c01", "c02"}


async def test_a_reviewer_with_no_claim_gets_one_another_gave_back(store, routed_app):
    for claim_id in ("c01", "c02", "c03", "c04", "c05", "c06"):
        store.annotations.save(Annotation(claim_id=claim_id, annotator="bob", label="verified"), overlap=1)
    alice, carol = routed_app("alice", 1), routed_app("carol", 1)
    async with alice.run_test(size=SIZE) as alice_pilot, carol.run_test(size=SIZE) as carol_pilot:
        await settle(alice_pilot)
        await settle(carol_pilot)
        assert current(alice_pilot) == "c07"
        assert "No claim for you right now" in screen_text(carol)
        await press(carol_pilot, "s")
        assert current(carol_pilot) is None
        await alice_pilot.press("q")
        for _ in range(100):
            if store.team.stats(overlap=1).reserved == 0:
                break
            await asyncio.sleep(0.05)
        await press(carol_pilot, "s")
        assert current(carol_pilot) == "c07"
        await press(carol_pilot, "v")
    assert store.annotations.get("c07", "carol").label == "verified"
    assert store.annotations.get("c07", "alice") is None


async def test_claim_on_screen_stays_reserved_past_the_lease_while_shown(store, routed_app):
    alice = routed_app("alice", 1, lease_seconds=2)
    async with alice.run_test(size=SIZE) as alice_pilot:
        await settle(alice_pilot)
        held = current(alice_pilot)
        await asyncio.sleep(4.5)
        other = open_store(str(store.db.engine.url))
        taken = other.routing.reserve_next("bob", overlap=1, lease_seconds=60)
        other.close()
        assert taken is not None and taken.id != held, "alice's claim was renewed while on her screen"
        await press(alice_pilot, "v")
    assert store.annotations.get(held, "alice").label == "verified"
