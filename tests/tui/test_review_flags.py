"""The lead's `/` filter covers everyone's flags, with who flagged and the note; a note typed without a verdict is
never lost on quit; quitting review prints what the session did."""

from __future__ import annotations

import pytest

from annotator.models import Annotation
from annotator.tui import make_review_app
from tests.tui.helpers import press, screen_text, settle, type_text, working_screen
from tests.tui.sample_data import sample_settings

SIZE = (120, 36)
pytestmark = pytest.mark.anyio


@pytest.fixture
def flagged_store(store, disputed):
    """Bob flagged c02 with a verdict; carol flagged c04 with a note and no verdict."""
    store.annotations.save(Annotation(claim_id="c04", annotator="carol", label=None, flagged=True,
                                      note="is the closure date right?"))
    return store


async def test_the_leads_flagged_filter_covers_everyones_flags_with_who_and_the_note(flagged_store):
    app = make_review_app(flagged_store, sample_settings(), adjudicator="lead")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        session = working_screen(app).session
        assert session.claim_ids == ["c02", "c04", "c05"], "a flag without a verdict is in the review queue"
        await press(pilot, "slash")
        assert "2 claim(s), anyone's flag" in screen_text(app)
        await press(pilot, "space")
        await press(pilot, "enter")
        assert session.claim_ids == ["c02", "c04"]
        assert "2 flagged claims, whoever flagged them" in screen_text(app)
        assert "filter: flagged for the lead" in screen_text(app)
        await press(pilot, "j")
        text = screen_text(app)
        assert "carol  NO VERDICT" in text and "flagged for the lead" in text and "is the closure date right?" in text
        await press(pilot, "n")
        await press(pilot, "slash")
        await press(pilot, "space")
        await press(pilot, "enter")
        assert session.claim_ids == ["c02", "c04", "c05"]
    assert flagged_store.adjudications.get("c04").label == "not_a_claim"


async def note_then_quit(pilot, note: str) -> None:
    """Write a note on the first claim, which has no adjudication, then press q once."""
    await settle(pilot)
    await press(pilot, "e")
    await type_text(pilot, note)
    await press(pilot, "enter")
    await press(pilot, "q")


async def test_a_note_without_a_verdict_is_not_dropped_on_quit_without_asking(flagged_store):
    app = make_review_app(flagged_store, sample_settings(), adjudicator="lead")
    async with app.run_test(size=SIZE) as pilot:
        await note_then_quit(pilot, "check the timetable")
        assert app.is_running, "the first q asks"
        assert "1 note not saved" in screen_text(app) and "press q again" in screen_text(app)
        await press(pilot, "v")
        assert flagged_store.adjudications.get("c02").note == "check the timetable"
        await press(pilot, "q")
        await pilot.pause()
        assert not app.is_running, "nothing is pending: q quits at once"
    assert app.session_summary() == "lead: 1 adjudication this session; 1 of 3 claims adjudicated."


async def test_a_second_q_quits_without_the_note_and_the_summary_says_so(flagged_store):
    app = make_review_app(flagged_store, sample_settings(), adjudicator="lead")
    async with app.run_test(size=SIZE) as pilot:
        await note_then_quit(pilot, "unsure")
        await press(pilot, "q")
        await pilot.pause()
        assert not app.is_running
    assert "1 note(s) left unsaved at your request" in app.session_summary()
    assert list(flagged_store.adjudications.all()) == []
