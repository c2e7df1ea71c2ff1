"""SVG snapshots of the annotation screen's main states at 80x24 and 160x48, the review and agreement screens.

Fixed fictional data, no clocks: the review screen shows durations, never dates.
"""

from __future__ import annotations

import pytest

from annotator.models import Adjudication, Annotation
from annotator.tui import make_app, make_review_app
from tests.tui.helpers import settle, type_text
from tests.tui.sample_data import make_sample_store, sample_settings

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]


def _app(tmp_path):
    return make_app(make_sample_store(tmp_path / "snap.db"), sample_settings(), annotator="alice")


async def _steady_cursor(pilot) -> None:
    """Stop text cursors blinking, so a snapshot never depends on when in the blink it was taken."""
    for editor in pilot.app.screen.query("Input, TextArea"):
        editor.cursor_blink = False
    await pilot.pause()


def _pressing(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        await _steady_cursor(pilot)
    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_first_claim_with_conflicts(snap_compare, tmp_path, size):
    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=_pressing())


@pytest.mark.parametrize("size", SIZES)
def test_literal_markup_claim_after_two_decisions(snap_compare, tmp_path, size):
    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=_pressing("v", "x", "f"))


@pytest.mark.parametrize("size", SIZES)
def test_labelled_claim_with_note(snap_compare, tmp_path, size):
    async def run_before(pilot) -> None:
        await _pressing("x", "k", "e")(pilot)
        await type_text(pilot, "outlets disagree on the day")
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=run_before)


def test_correction_editor(snap_compare, tmp_path):
    assert snap_compare(_app(tmp_path), terminal_size=(80, 24), run_before=_pressing("j", "c"))


def test_help_overlay(snap_compare, tmp_path):
    assert snap_compare(_app(tmp_path), terminal_size=(80, 24), run_before=_pressing("question_mark"))


def test_search_dialog(snap_compare, tmp_path):
    assert snap_compare(_app(tmp_path), terminal_size=(80, 24), run_before=_pressing("slash"))


def test_full_article(snap_compare, tmp_path):
    assert snap_compare(_app(tmp_path), terminal_size=(160, 48), run_before=_pressing("j", "a"))


def _disputed_store(tmp_path):
    """The sample store with two annotators who disagree on c02 and c05, and an adjudication of c05."""
    store = make_sample_store(tmp_path / "snap.db")
    for claim_id, annotator, label, extra in [
        ("c01", "alice", "verified", {}), ("c01", "bob", "verified", {}),
        ("c02", "alice", "corrected", {"correction": "1,500 passengers a day", "duration_ms": 12_300}),
        ("c02", "bob", "verified", {"note": "matches the operator's notice", "duration_ms": 3_100}),
        ("c05", "alice", "contested", {}), ("c05", "bob", "unverifiable", {}),
    ]:
        store.annotations.save(Annotation(claim_id=claim_id, annotator=annotator, label=label, **extra))
    store.adjudications.save(Adjudication(claim_id="c05", adjudicator="lead", label="contested"))
    return store


def test_review_screen(snap_compare, tmp_path):
    app = make_review_app(_disputed_store(tmp_path), sample_settings(), adjudicator="lead")
    assert snap_compare(app, terminal_size=(100, 32), run_before=_pressing())


def test_review_screen_with_sources(snap_compare, tmp_path):
    """The adjudicated c05: the other outlet once with its words, and both conflicts with their spans marked."""
    app = make_review_app(_disputed_store(tmp_path), sample_settings(), adjudicator="lead")
    assert snap_compare(app, terminal_size=(150, 40), run_before=_pressing("j"))


def test_agreement_screen(snap_compare, tmp_path):
    app = make_review_app(_disputed_store(tmp_path), sample_settings(), adjudicator="lead")
    assert snap_compare(app, terminal_size=(100, 50), run_before=_pressing("percent_sign"))
