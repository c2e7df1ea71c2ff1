"""SVG snapshots at 80x24, 120x36 and 200x50 of the history strip, the `/` dialog with thresholds and sorting, the
lead's flagged filter and the agreement screen an annotator sees."""

from __future__ import annotations

import pytest

from annotator.models import Annotation
from annotator.tui import make_app, make_review_app
from tests.tui.helpers import settle
from tests.tui.sample_data import make_sample_store, sample_settings

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36"),
         pytest.param((200, 50), id="200x50")]


def _store(tmp_path):
    store = make_sample_store(tmp_path / "snap.db")
    for claim_id, annotator, label, extra in [
        ("c01", "bob", "verified", {}), ("c02", "bob", "verified", {"flagged": True, "note": "which day?"}),
        ("c02", "alice", "contested", {}), ("c04", "carol", None, {"flagged": True, "note": "closure date?"}),
    ]:
        store.annotations.save(Annotation(claim_id=claim_id, annotator=annotator, label=label, **extra))
    return store


async def _keys(pilot, *keys: str) -> None:
    await settle(pilot)
    for key in keys:
        await pilot.press(key)
        await settle(pilot)
    for editor in pilot.app.screen.query("Input, TextArea"):
        editor.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_history_strip_after_three_decisions_and_b(snap_compare, tmp_path, size):
    app = make_app(make_sample_store(tmp_path / "snap.db"), sample_settings(), annotator="alice")
    assert snap_compare(app, terminal_size=size, run_before=lambda pilot: _keys(pilot, "v", "x", "u", "b", "b"))


@pytest.mark.parametrize("size", SIZES)
def test_search_dialog_with_a_threshold_a_kind_and_a_sort(snap_compare, tmp_path, size):
    async def run_before(pilot) -> None:
        await _keys(pilot, "slash")
        pilot.app.screen.query_one("#search-min").value = "0.6"
        pilot.app.screen.query_one("#search-kind").value = "attributed"
        pilot.app.screen.query_one("#search-order").value = "score"
        await pilot.pause()

    app = make_app(make_sample_store(tmp_path / "snap.db"), sample_settings(), annotator="alice")
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_review_with_the_flagged_filter(snap_compare, tmp_path, size):
    app = make_review_app(_store(tmp_path), sample_settings(), adjudicator="lead")
    assert snap_compare(app, terminal_size=size, run_before=lambda pilot: _keys(pilot, "slash", "space", "enter", "j"))


@pytest.mark.parametrize("size", SIZES)
def test_agreement_as_an_annotator_sees_it(snap_compare, tmp_path, size):
    app = make_app(_store(tmp_path), sample_settings(), annotator="alice")
    assert snap_compare(app, terminal_size=size, run_before=lambda pilot: _keys(pilot, "percent_sign"))
