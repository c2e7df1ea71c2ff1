"""What a reviewer sees and keeps: the claim edit apart from the verdict, flags and notes without a verdict, and a
confirmation, undo, redo and relabel notice for every change."""

from __future__ import annotations

import pytest

from tests.tui.helpers import annotate_screen, press, screen_text, settle, type_text

SIZE = (120, 36)
pytestmark = pytest.mark.anyio


def saved(store, claim_id: str, annotator: str = "alice"):
    return store.annotations.get(claim_id, annotator)


async def test_t_edits_the_claim_and_sets_no_verdict_then_a_verdict_keeps_the_edit(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "t")
        assert "sets no verdict" in screen_text(app)
        app.screen.query_one("#claim-edit-text").text = "Ferries between Port Ellin and Dunmore ran again."
        app.screen.query_one("#claim-edit-speaker").value = "the operator"
        await press(pilot, "enter")
        edited = saved(store, "c01")
        assert edited.label is None and edited.edit.text == "Ferries between Port Ellin and Dunmore ran again."
        assert edited.edit.speaker == "the operator"
        text = screen_text(app)
        assert "Claim edit ✓, saved" in text and "no verdict set" in text
        assert "NO VERDICT YET" in text and "CLAIM EDITED" in text
        assert annotate_screen(app).session.queue.current == "c01", "an edit does not move on"
        assert annotate_screen(app).session.done == 0
        await press(pilot, "x")
        assert "contested ✓, saved" in screen_text(app)
    decided = saved(store, "c01")
    assert decided.label == "contested" and decided.edit == edited.edit


async def test_an_unchanged_claim_edit_is_refused_and_a_cancelled_one_says_so(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "t")
        await press(pilot, "enter")
        assert "Nothing changed" in screen_text(app)
        await press(pilot, "escape")
        assert "Claim edit cancelled: nothing saved." in screen_text(app)
    assert saved(store, "c01") is None


async def test_a_flag_and_a_note_are_saved_at_once_without_a_verdict(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "f")
        assert "Flagged for the lead ✓, saved." in screen_text(app)
        await press(pilot, "e")
        await type_text(pilot, "ask the desk")
        await press(pilot, "enter")
        assert "Note saved ✓." in screen_text(app)
        await press(pilot, "e")
        await press(pilot, "escape")
        assert "Note cancelled: nothing saved." in screen_text(app)
    flagged = saved(store, "c01")
    assert (flagged.label, flagged.flagged, flagged.note) == (None, True, "ask the desk")
    assert store.team.claims_to_review() == ["c01"], "the flag reaches the lead's review queue"


async def test_relabelling_says_what_it_was_and_undo_and_redo_name_what_they_did(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "v")
        assert "verified ✓, saved" in screen_text(app)
        await press(pilot, "k")
        await press(pilot, "x")
        assert "contested ✓, saved (relabelled: was verified)" in screen_text(app)
        await press(pilot, "z")
        assert "Undone: contested → back to verified" in screen_text(app)
        assert saved(store, "c01").label == "verified"
        await press(pilot, "r")
        assert "Redone: verified → contested again" in screen_text(app)
        assert saved(store, "c01").label == "contested"
        await press(pilot, "r")
        assert "Nothing to redo." in screen_text(app)


async def test_an_unchanged_correction_is_refused_and_ctrl_a_selects_all(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c")
        await press(pilot, "enter")
        assert "The correction is unchanged" in screen_text(app)
        assert "ctrl+a selects all" in screen_text(app)
        await press(pilot, "ctrl+a")
        await type_text(pilot, "Ferries ran again on Wednesday.")
        await press(pilot, "enter")
    corrected = saved(store, "c01")
    assert (corrected.label, corrected.correction) == ("corrected", "Ferries ran again on Wednesday.")


async def test_quitting_gives_a_one_line_summary_of_the_session(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "v")
        await press(pilot, "x")
        await press(pilot, "f")
        await press(pilot, "z")
        summary = app.session_summary()
    assert summary.startswith("alice: 2 verdicts this session (1 verified, 1 contested), 1 flag, 1 undone; 2 of 7")
    assert "\n" not in summary


async def test_the_first_screen_shows_the_name_it_signs_with(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "signing as alice" in screen_text(app)
