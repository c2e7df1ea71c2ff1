"""Deciding on claims: each key saves its label, the editor saves or cancels corrections, skip and undo."""

from __future__ import annotations

import pytest

from annotator.models import Annotation
from tests.tui.helpers import annotate_screen, press, put_table_back, screen_text
from tests.tui.helpers import settle, take_table_away, type_text, wait_for_text

SIZE = (100, 32)
pytestmark = pytest.mark.anyio


def saved_labels(store, annotator: str = "alice") -> dict[str, str]:
    return {a.claim_id: a.label for a in store.annotations.all(annotator=annotator)}


async def test_each_label_key_saves_its_label_and_moves_on(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in "vcxun":
            if key == "c":
                await press(pilot, "c")
                await type_text(pilot, " (fixed)")
                await press(pilot, "enter")
            else:
                await press(pilot, key)
        assert annotate_screen(app).session.queue.current == "c06"
    assert saved_labels(store) == {
        "c01": "verified", "c02": "corrected", "c03": "contested", "c04": "unverifiable", "c05": "not_a_claim",
    }


async def test_digits_choose_labels_in_configured_order(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "1")
        await press(pilot, "3")
        await press(pilot, "5")
    assert saved_labels(store) == {"c01": "verified", "c02": "contested", "c03": "not_a_claim"}


async def test_keys_typed_ahead_land_on_successive_claims_in_order(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v", "x", "u", "s", "n")
        await settle(pilot)
        assert annotate_screen(app).session.queue.current == "c06"
    assert saved_labels(store) == {"c01": "verified", "c02": "contested", "c03": "unverifiable", "c05": "not_a_claim"}


async def test_decision_records_how_long_the_claim_was_shown(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        await press(pilot, "v")
    duration = store.annotations.get("c01", "alice").duration_ms
    assert duration is not None and duration >= 150


async def test_correction_editor_saves_typed_text_and_letters_do_not_decide(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c")
        await type_text(pilot, " vxs")
        await press(pilot, "enter")
        assert annotate_screen(app).session.queue.current == "c02"
    saved = store.annotations.get("c01", "alice")
    assert saved.label == "corrected"
    assert saved.correction.endswith("caused by the storm. vxs")
    assert saved_labels(store) == {"c01": "corrected"}


async def test_correction_editor_escape_saves_nothing_and_stays(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c")
        await type_text(pilot, " wrong")
        await press(pilot, "escape")
        screen = annotate_screen(app)
        assert app.screen is screen and screen.session.queue.current == "c01"
        assert "Correction cancelled" in screen_text(app)
    assert store.annotations.get("c01", "alice") is None


async def test_correction_editor_refuses_an_empty_correction(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c")
        app.screen.query_one("#correction-text").text = "   "
        await press(pilot, "enter")
        assert "cannot be empty" in screen_text(app)
        await press(pilot, "escape")
    assert store.annotations.get("c01", "alice") is None


async def test_skip_moves_on_without_saving(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "s")
        await press(pilot, "v")
    assert saved_labels(store) == {"c02": "verified"}


async def test_undo_goes_back_through_several_decisions_to_no_label(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "v")
        await press(pilot, "x")
        await press(pilot, "z")
        assert saved_labels(store) == {"c01": "verified"}
        assert annotate_screen(app).session.queue.current == "c02"
        await press(pilot, "ctrl+z")
        assert saved_labels(store) == {}
        assert annotate_screen(app).session.queue.current == "c01"
        assert "NO LABEL YET" in screen_text(app)
        await press(pilot, "z")
        assert "Nothing to undo" in screen_text(app)


async def test_undo_restores_the_previous_label_and_correction_exactly(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c")
        await type_text(pilot, " really")
        await press(pilot, "enter")
        corrected = store.annotations.get("c01", "alice")
        await press(pilot, "k")
        await press(pilot, "u")
        assert store.annotations.get("c01", "alice").label == "unverifiable"
        await press(pilot, "z")
    restored = store.annotations.get("c01", "alice")
    decision_fields = {"label", "correction", "note", "evidence", "flagged", "duration_ms"}
    assert restored.model_dump(include=decision_fields) == corrected.model_dump(include=decision_fields)
    assert restored.correction.endswith("storm. really")


async def test_resumes_at_the_first_claim_not_yet_labelled(store):
    from annotator.tui import make_app
    from tests.tui.sample_data import sample_settings

    for claim_id in ("c01", "c02", "c04"):
        store.annotations.save(Annotation(claim_id=claim_id, annotator="alice", label="verified"))
    store.annotations.save(Annotation(claim_id="c03", annotator="bob", label="verified"))
    app = make_app(store, sample_settings(), annotator="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert annotate_screen(app).session.queue.current == "c03"
        text = screen_text(app)
        assert "done 3/7" in text and "claim 3 of 7" in text
        await press(pilot, "v")
        assert annotate_screen(app).session.queue.current == "c05"


async def test_keys_pressed_while_the_database_is_away_wait_in_order_and_land_when_it_is_back(app, store, tmp_path):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        take_table_away(tmp_path / "t.db", "annotations")
        await pilot.press("v")
        await wait_for_text(pilot, "trying again")
        await pilot.press("j", "x")
        text = " ".join((await wait_for_text(pilot, "attempt 3")).split())
        assert "not saved yet" in text and "Keys you press wait their turn" in text and "NO LABEL YET" in text
        assert annotate_screen(app).session.queue.current == "c01", "nothing moves before the save lands"
        put_table_back(tmp_path / "t.db", "annotations")
        await settle(pilot)
        assert annotate_screen(app).session.queue.current == "c04"
    assert saved_labels(store) == {"c01": "verified", "c03": "contested"}, "held keys ran in order"


async def test_a_second_q_while_the_database_is_away_quits_without_the_change(app, store, tmp_path):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        take_table_away(tmp_path / "t.db", "annotations")
        await pilot.press("v")
        await wait_for_text(pilot, "trying again")
        await pilot.press("q")
        text = " ".join((await wait_for_text(pilot, "Press q again")).split())
        assert "A change is not saved yet" in text and app.return_code is None
        await pilot.press("q")
        await pilot.pause(0.2)
        assert app.return_code is not None, "the app quit"
    put_table_back(tmp_path / "t.db", "annotations")
    assert saved_labels(store) == {}


async def test_save_is_retried_while_the_database_is_away_and_lands_when_it_is_back(app, store, tmp_path):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        take_table_away(tmp_path / "t.db", "annotations")
        await pilot.press("v")
        text = await wait_for_text(pilot, "trying again")
        assert "trying again" in text and "NO LABEL YET" in text, "not shown as saved while retrying"
        assert annotate_screen(app).session.queue.current == "c01"
        put_table_back(tmp_path / "t.db", "annotations")
        await settle(pilot)
        assert annotate_screen(app).session.queue.current == "c02"
        assert "NOT SAVED" not in screen_text(app)
    assert saved_labels(store) == {"c01": "verified"}


async def test_quit_leaves_every_decision_saved(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v", "q")
        await pilot.pause(0.3)
    assert saved_labels(store) == {"c01": "verified"}
