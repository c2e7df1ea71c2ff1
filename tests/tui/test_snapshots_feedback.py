"""SVG snapshots at 80x24, 120x36 and 200x50 of what issue 16 adds: the claim editor, a claim edited and then
judged (edit and verdict shown apart, with the confirmation), and a flag saved without a verdict."""

from __future__ import annotations

import pytest

from annotator.tui import make_app
from tests.tui.helpers import settle
from tests.tui.sample_data import make_sample_store, sample_settings

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36"),
         pytest.param((200, 50), id="200x50")]


def _app(tmp_path):
    return make_app(make_sample_store(tmp_path / "snap.db"), sample_settings(), annotator="alice")


async def _steady(pilot) -> None:
    for editor in pilot.app.screen.query("Input, TextArea"):
        editor.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_claim_editor(snap_compare, tmp_path, size):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        await _steady(pilot)

    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_claim_edited_then_contested(snap_compare, tmp_path, size):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        pilot.app.screen.query_one("#claim-edit-text").text = "Ferries between Port Ellin and Dunmore ran again."
        pilot.app.screen.query_one("#claim-edit-speaker").value = "the operator"
        await pilot.press("enter")
        await settle(pilot)
        for key in ("x", "k"):
            await pilot.press(key)
            await settle(pilot)
        await _steady(pilot)

    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_flag_saved_without_a_verdict(snap_compare, tmp_path, size):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        await _steady(pilot)

    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=run_before)
