"""The `/` dialog: thresholds on check-worthiness, a kind, a sort order; Enter applies from any field and space
ticks a box."""

from __future__ import annotations

import pytest

from annotator.extract.cw_explain import why_picked
from annotator.models import Annotation
from annotator.tui.widgets import ClaimCard
from tests.tui.sample_data import sample_articles

from tests.tui.helpers import annotate_screen, press, screen_text, settle, type_text

SIZE = (120, 36)
pytestmark = pytest.mark.anyio


def queue_ids(app) -> list[str]:
    return annotate_screen(app).session.queue.cached_ids()


async def test_a_score_threshold_and_a_kind_narrow_the_queue(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        app.screen.query_one("#search-min").value = "0.7"
        app.screen.query_one("#search-kind").value = "attributed"
        await press(pilot, "enter")
        assert queue_ids(app) == ["c05", "c06"]
        assert "filter: kind attributed · score ≥ 0.70" in screen_text(app)
        await press(pilot, "slash")
        assert app.screen.query_one("#search-min").value == "0.7", "the dialog opens on the filter in force"
        app.screen.query_one("#search-kind").clear()
        app.screen.query_one("#search-min").value = ""
        app.screen.query_one("#search-max").value = "0.65"
        await press(pilot, "enter")
        assert queue_ids(app) == ["c03", "c04"]


async def test_sorting_by_check_worthiness_puts_the_highest_score_first(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        app.screen.query_one("#search-order").value = "score"
        await press(pilot, "enter")
        assert queue_ids(app)[:2] == ["c07", "c02"] and queue_ids(app)[-1] == "c03"
        assert "most check-worthy first" in screen_text(app).splitlines()[0]
        assert annotate_screen(app).session.queue.current == "c01", "the cursor stays on the claim it was on"
        await press(pilot, "g")
        await type_text(pilot, "1")
        await press(pilot, "enter")
        await press(pilot, "v")
    assert store.annotations.get("c07", "alice").label == "verified"


async def test_a_threshold_that_is_no_score_is_refused_in_words(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        app.screen.query_one("#search-min").value = "1.5"
        await press(pilot, "enter")
        assert "score ≥ must be from 0 to 1, not 1.5" in screen_text(app)
        assert len(queue_ids(app)) == 7


async def test_space_ticks_a_box_and_enter_applies_from_it(app, store):
    store.annotations.save(Annotation(claim_id="c02", annotator="alice", label=None, flagged=True))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        app.screen.query_one("#search-flagged").focus()
        await pilot.pause()
        await press(pilot, "space")
        assert app.screen.query_one("#search-flagged").value is True
        await press(pilot, "enter")
        assert queue_ids(app) == ["c02"]
        await press(pilot, "slash")
        app.screen.query_one("#search-kind").focus()
        await pilot.pause()
        await press(pilot, "enter")
        assert queue_ids(app) == ["c02"], "Enter on a drop-down applies the filter too"
        assert "SearchDialog" not in type(app.screen).__name__


async def test_each_claim_says_briefly_why_it_was_picked(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        card = app.screen.query_one(ClaimCard).card.plain
        assert "check-worthiness 0.70 (why: past tense, a named entity)" in card
        await press(pilot, "w")
        assert "score 0.70 from the formula: past tense +0.8, a named entity +0.9" in screen_text(app)


def test_a_model_score_is_picked_by_the_model_and_lowering_features_are_not_reasons():
    claim = sample_articles()[0][1][0]
    assert why_picked(claim.model_copy(update={"checkworthiness_model": "cw-3"})) == "model cw-3"
    assert why_picked(claim.model_copy(update={"checkworthiness_features": ["question", "number"]})) == "a figure"
    assert why_picked(claim.model_copy(update={"checkworthiness_features": []})) == "no feature recorded"
