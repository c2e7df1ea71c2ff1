"""The history strip of the last decisions (each reachable with `b`), and the session's pace on the status line."""

from __future__ import annotations

import pytest

from annotator.models import Annotation
from annotator.session.core import Change
from annotator.session.feedback import SessionTally, duration_words
from tests.tui.helpers import annotate_screen, press, screen_text, settle

SIZE = (120, 36)
pytestmark = pytest.mark.anyio


def strip_line(app) -> str:
    return next(line for line in screen_text(app).splitlines() if "back to:" in line)


async def test_the_history_strip_lists_the_last_decisions_and_b_goes_back_to_each(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "back to:" not in screen_text(app), "no strip before the first decision"
        await press(pilot, "v", "x", "u")
        line = strip_line(app)
        assert line.index("1 unverifiable") < line.index("2 contested") < line.index("3 verified")
        session = annotate_screen(app).session
        await press(pilot, "b")
        assert session.queue.current == "c03"
        assert "▸1 unverifiable" in strip_line(app)
        assert "Decision 1 of 3: unverifiable" in screen_text(app)
        await press(pilot, "b", "b")
        assert session.queue.current == "c01"
        assert "▸3 verified" in strip_line(app)
        await press(pilot, "n")
        assert "not_a_claim ✓, saved (relabelled: was verified)" in screen_text(app)
        assert strip_line(app).index("1 not_a_claim") < strip_line(app).index("2 unverifiable")
        await press(pilot, "j", "b")
        assert session.queue.current == "c01", "the newest decision is first again after a new one"
    assert store.annotations.get("c01", "alice").label == "not_a_claim"
    assert store.annotations.get("c03", "alice").label == "unverifiable"


async def test_b_with_no_decision_says_the_history_is_empty(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "b")
        assert "history strip is empty" in screen_text(app)
        assert annotate_screen(app).session.queue.current == "c01"


async def test_undoing_a_first_verdict_takes_it_off_the_strip(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "v", "x")
        await press(pilot, "z")
        line = strip_line(app)
        assert "verified" in line and "contested" not in line
    assert store.annotations.get("c02", "alice") is None


async def test_the_status_line_gives_claims_per_hour_and_the_time_left(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "v", "x")
        assert "claims/h" not in screen_text(app), "no pace after a few seconds"
        session = annotate_screen(app).session
        session.tally.started -= 3600
        await press(pilot, "k")
        status = screen_text(app).splitlines()[0]
        assert "2 claims/h, about 2 h 30 min left" in status, status
        assert "2 claims/h" in app.session_summary()


def test_pace_counts_claims_decided_not_relabels_and_words_the_time_left():
    tally = SessionTally(started=0.0)
    first = Annotation(claim_id="c1", annotator="a", label="verified")
    tally.count(Change("c1", first, None, "decision"))
    tally.count(Change("c1", first.model_copy(update={"label": "contested"}), first, "decision"))
    assert tally.pace(10, now=30.0) is None, "too early to say"
    assert tally.pace(10, now=1800.0) == "2 claims/h, about 5 h left"
    assert duration_words(40 * 60) == "40 min" and duration_words(3 * 3600 + 300) == "3 h 5 min"
    assert duration_words(50 * 3600) == "2 days 2 h"
