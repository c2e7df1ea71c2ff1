"""Moving the claim's span in the claim editor: the span's article text shows, the claim text follows it until the
reviewer writes the text by hand, and the new offsets are what is saved."""

from __future__ import annotations

import pytest

from tests.tui.helpers import press, screen_text, settle, type_text

SIZE = (120, 36)
pytestmark = pytest.mark.anyio
EXTRACTED = "Ferries between Port Ellin and Dunmore ran again on Tuesday after a four-day suspension caused by the storm."


async def test_widening_the_span_by_a_word_saves_the_new_offsets_and_the_text_follows(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "t")
        assert "Span 20–128" in screen_text(app)
        await press(pilot, "ctrl+up")
        assert app.screen.query_one("#claim-edit-text").text == "May. " + EXTRACTED, "the text follows the span"
        text = screen_text(app)
        assert "Span 15–128, moved" in text and "May. Ferries between" in text
        await press(pilot, "ctrl+shift+down")
        assert "Span 15–133, moved" in screen_text(app)
        await press(pilot, "ctrl+shift+up")
        await press(pilot, "enter")
    edit = store.annotations.get("c01", "alice").edit
    assert (edit.start, edit.end) == (15, 128)
    assert edit.text == "May. " + EXTRACTED and edit.speaker is None


async def test_a_hand_written_text_stays_when_the_span_moves_and_the_span_shows_markup_literally(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "t")
        editor = app.screen.query_one("#claim-edit-text")
        editor.text = ""
        await type_text(pilot, "Ferries ran again")
        for _ in range(21):
            await press(pilot, "ctrl+shift+down")
        assert editor.text == "Ferries ran again", "a text written by hand does not follow the span"
        assert "[bold red]CLOSED[/]" in app.screen.query_one("#claim-edit-span").render().plain
        await press(pilot, "enter")
    edit = store.annotations.get("c01", "alice").edit
    assert edit.text == "Ferries ran again" and edit.start == 20 and edit.end > 128


async def test_moving_the_span_back_restores_the_extraction_and_nothing_is_saved(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "t")
        await press(pilot, "ctrl+down")
        assert app.screen.query_one("#claim-edit-text").text == EXTRACTED[len("Ferries "):]
        await press(pilot, "ctrl+up")
        assert app.screen.query_one("#claim-edit-text").text == EXTRACTED
        await press(pilot, "enter")
        assert "Nothing changed" in screen_text(app)
    assert store.annotations.get("c01", "alice") is None


def test_the_help_overlay_names_the_span_keys_on_the_annotation_screen_only():
    from annotator.tui.keys import COMMANDS, REVIEW_COMMANDS
    from annotator.tui.screens.help import render_key_map

    assert "ctrl+shift+↑/↓" in render_key_map([], COMMANDS).plain
    assert "ctrl+shift+↑/↓" not in render_key_map([], REVIEW_COMMANDS).plain
