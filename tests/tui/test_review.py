"""The lead's review screen: disagreements one at a time, adjudications saved, annotations never touched."""

from __future__ import annotations

import pytest

from annotator.models import Adjudication
from annotator.tui import make_review_app
from tests.tui.helpers import links_panel_text, press, put_table_back, screen_text, settle
from tests.tui.helpers import take_table_away, type_text, wait_for_text, working_screen
from tests.tui.sample_data import sample_settings

SIZE = (100, 32)
pytestmark = pytest.mark.anyio


def review_app(store, **options):
    return make_review_app(store, sample_settings(), adjudicator="lead", **options)


def unchanged(store, before) -> bool:
    return {(a.claim_id, a.annotator): a for a in store.annotations.all()} == before


async def test_lists_disagreements_with_each_annotators_decision(store, disputed):
    app = review_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = working_screen(app)
        assert screen.session.claim_ids == ["c02", "c05"]
        text = screen_text(app)
        assert "NOT ADJUDICATED YET" in text and "adjudicated 0/2" in text
        for expected in ("alice", "CORRECTED", "12.3 s", "correction: 1,500 passengers a day",
                         "note: the operator says 1,500", "bob", "⚑ flagged", "carol", "time not recorded"):
            assert expected in text, expected


async def test_label_key_saves_an_adjudication_and_moves_to_the_next_claim(store, disputed):
    app = review_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "x")
        assert working_screen(app).session.claim_ids[working_screen(app).session.position] == "c05"
        await press(pilot, "u")
        assert "adjudicated 2/2" in screen_text(app)
    assert {a.claim_id: (a.adjudicator, a.label) for a in store.adjudications.all()} == {
        "c02": ("lead", "contested"), "c05": ("lead", "unverifiable"),
    }
    assert unchanged(store, disputed)


async def test_corrected_opens_the_editor_with_the_most_common_correction(store, disputed):
    app = review_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c")
        assert app.screen.query_one("#correction-text").text == "1,500 passengers a day"
        await type_text(pilot, " by June")
        await press(pilot, "enter")
    adjudication = store.adjudications.get("c02")
    assert adjudication.label == "corrected" and adjudication.correction == "1,500 passengers a day by June"
    assert unchanged(store, disputed)


async def test_undo_puts_back_the_previous_adjudication(store, disputed):
    store.adjudications.save(Adjudication(claim_id="c02", adjudicator="dana", label="contested", note="call back"))
    app = review_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert working_screen(app).session.claim_ids[working_screen(app).session.position] == "c05"
        await press(pilot, "k")
        assert "ADJUDICATED: CONTESTED" in screen_text(app)
        await press(pilot, "v")
        assert store.adjudications.get("c02").label == "verified"
        assert store.adjudications.get("c02").note == "call back"
        await press(pilot, "z")
        assert "back to contested" in screen_text(app)
    restored = store.adjudications.get("c02")
    assert (restored.adjudicator, restored.label, restored.note) == ("dana", "contested", "call back")
    assert unchanged(store, disputed)


async def test_undo_of_a_first_adjudication_leaves_the_claim_unsettled(store, disputed):
    app = review_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "x")
        assert store.adjudications.get("c02").label == "contested"
        await press(pilot, "z")
        assert "back to none" in screen_text(app)
        assert "adjudicated 0/2" in screen_text(app)
    assert store.adjudications.get("c02") is None
    assert unchanged(store, disputed)


async def test_all_includes_agreed_claims_and_an_empty_review_says_so(store, disputed, tmp_path):
    app = review_app(store, include_agreed=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert working_screen(app).session.claim_ids == ["c01", "c02", "c05"]
    for annotation in list(store.annotations.all()):
        store.annotations.remove(annotation.claim_id, annotation.annotator)
    app = review_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "No disagreements to review yet" in screen_text(app)
        await press(pilot, "v")
    assert not list(store.adjudications.all())


async def test_note_is_saved_with_the_decision_or_at_once_on_an_adjudicated_claim(store, disputed):
    app = review_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "e")
        await type_text(pilot, "operator confirmed 1,500")
        await press(pilot, "enter")
        assert "pending: note" in screen_text(app) and store.adjudications.get("c02") is None
        await press(pilot, "x")
        await press(pilot, "k", "e")
        await press(pilot, "ctrl+u")
        await type_text(pilot, "timetable says 1,500")
        await press(pilot, "enter")
        assert "note: timetable says 1,500" in screen_text(app)
        assert store.adjudications.get("c02").note == "timetable says 1,500"
        await press(pilot, "z")
    adjudication = store.adjudications.get("c02")
    assert (adjudication.label, adjudication.note) == ("contested", "operator confirmed 1,500")
    assert unchanged(store, disputed)


async def test_adjudication_is_retried_while_the_database_is_away_and_lands_when_it_is_back(store, disputed,
                                                                                            tmp_path):
    app = review_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        take_table_away(tmp_path / "t.db", "adjudications")
        await pilot.press("v")
        text = await wait_for_text(pilot, "trying again")
        assert "trying again" in text and "NOT ADJUDICATED YET" in text, "not shown as saved while retrying"
        put_table_back(tmp_path / "t.db", "adjudications")
        await settle(pilot)
        assert working_screen(app).session.claim_ids[working_screen(app).session.position] == "c05"
        assert "NOT SAVED" not in screen_text(app)
    assert store.adjudications.get("c02").label == "verified"


async def test_quitting_while_an_adjudication_waits_for_the_database_asks_first(store, disputed, tmp_path):
    app = review_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        take_table_away(tmp_path / "t.db", "adjudications")
        await pilot.press("v")
        await wait_for_text(pilot, "trying again")
        await pilot.press("q")
        text = " ".join((await wait_for_text(pilot, "Press q again")).split())
        assert "NOT ADJUDICATED YET" in text and app.return_code is None
        assert working_screen(app).session.claim_ids[working_screen(app).session.position] == "c02"
        await pilot.press("q")
        await pilot.pause(0.2)
        assert app.return_code is not None
    put_table_back(tmp_path / "t.db", "adjudications")
    assert store.adjudications.get("c02") is None


async def test_other_outlets_and_conflicts_are_shown_beside_the_annotations(store, disputed):
    app = review_app(store)
    async with app.run_test(size=(150, 36)) as pilot:
        await settle(pilot)
        assert "conflicts" not in screen_text(app), "c02 stands alone"
        await press(pilot, "j")
        text, panel = screen_text(app), links_panel_text(app).plain
        assert "also reported by 1 outlet:" in panel and "✓ Harbour Gazette (same fact; differs on date" in panel
        assert "date: Wednesday here vs Tuesday there" in panel and "four-day suspension" in panel
        assert "g-ferry" not in text
