"""Notes, evidence, flags, search and filter, go to, help and the full article."""

from __future__ import annotations

import pytest

from annotator.models import Annotation
from annotator.tui import make_app
from annotator.tui.screens import ArticleScreen, HelpScreen
from tests.tui.helpers import annotate_screen, press, screen_text, settle, type_text
from tests.tui.sample_data import sample_settings

pytestmark = pytest.mark.anyio
SIZE = (100, 32)


async def test_note_on_an_unlabelled_claim_is_saved_at_once_and_kept_with_the_decision(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "e")
        await type_text(pilot, "check the timetable")
        await press(pilot, "tab")
        await type_text(pilot, "https://example.org/ferry | the operator's notice")
        await press(pilot, "enter")
        noted = store.annotations.get("c01", "alice")
        assert (noted.label, noted.note) == (None, "check the timetable"), "never lost on quit: saved at once"
        assert "Note saved ✓." in screen_text(app) and "NO VERDICT YET" in screen_text(app)
        await press(pilot, "v")
    saved = store.annotations.get("c01", "alice")
    assert saved.label == "verified"
    assert saved.note == "check the timetable"
    assert saved.evidence == ["https://example.org/ferry", "the operator's notice"]


async def test_note_on_a_labelled_claim_is_saved_at_once_with_the_same_label(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "x")
        await press(pilot, "k")
        await press(pilot, "e")
        await type_text(pilot, "two outlets disagree")
        await press(pilot, "enter")
        saved = store.annotations.get("c01", "alice")
        assert (saved.label, saved.note) == ("contested", "two outlets disagree")
        assert annotate_screen(app).session.queue.current == "c01"
        assert "note: two outlets disagree" in screen_text(app)


async def test_note_dialog_escape_changes_nothing(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "e")
        await type_text(pilot, "never mind")
        await press(pilot, "escape")
        assert "pending" not in screen_text(app)
        await press(pilot, "v")
    assert store.annotations.get("c01", "alice").note is None


async def test_flag_is_saved_at_once_with_or_without_a_verdict_and_undoable(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "f")
        flagged = store.annotations.get("c01", "alice")
        assert (flagged.label, flagged.flagged) == (None, True)
        assert "⚑ FLAGGED" in screen_text(app) and "NO VERDICT YET" in screen_text(app)
        await press(pilot, "u")
        assert store.annotations.get("c01", "alice").flagged
        await press(pilot, "k")
        assert "⚑ FLAGGED" in screen_text(app)
        await press(pilot, "f")
        assert not store.annotations.get("c01", "alice").flagged
        await press(pilot, "z")
        assert store.annotations.get("c01", "alice").flagged
        assert store.annotations.get("c01", "alice").label == "unverifiable"


async def test_search_by_text_narrows_the_queue_and_clear_restores_it(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_text(pilot, "operator")
        await press(pilot, "enter")
        screen = annotate_screen(app)
        assert screen.session.queue.cached_ids() == ["c05", "c06"] and screen.session.queue.current == "c05"
        assert 'filter: text "operator"' in screen_text(app)
        await press(pilot, "v")
        assert screen.session.queue.current == "c06"
        await press(pilot, "slash")
        await pilot.click("#clear")
        await settle(pilot)
        assert len(screen.session.queue.cached_ids()) == 7 and screen.session.queue.current == "c06"
    assert store.annotations.get("c05", "alice").label == "verified"


async def test_filters_for_article_unlabelled_label_flagged_and_conflicts(app, store):
    store.annotations.save(Annotation(claim_id="c02", annotator="alice", label="contested", flagged=True))
    store.annotations.save(Annotation(claim_id="c07", annotator="alice", label="verified"))
    store.annotations.save(Annotation(claim_id="c03", annotator="bob", label="contested"))

    async def matches(pilot, setup) -> list[str]:
        await press(pilot, "slash")
        await pilot.click("#clear")
        await settle(pilot)
        await press(pilot, "slash")
        await setup()
        await press(pilot, "enter")
        return annotate_screen(pilot.app).session.queue.cached_ids()

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)

        async def article():
            await press(pilot, "tab")
            await type_text(pilot, "valley courier")

        assert await matches(pilot, article) == ["c05", "c06"]

        async def label():
            app.screen.query_one("#search-label").value = "contested"

        assert await matches(pilot, label) == ["c02"]

        async def flagged():
            app.screen.query_one("#search-flagged").value = True

        assert await matches(pilot, flagged) == ["c02"]

        async def conflicts():
            app.screen.query_one("#search-conflicts").value = True

        assert await matches(pilot, conflicts) == ["c01", "c05"]

        async def unlabelled():
            app.screen.query_one("#search-unlabelled").value = True

        assert await matches(pilot, unlabelled) == ["c01", "c03", "c04", "c05", "c06"]


async def test_search_with_no_match_keeps_the_queue(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_text(pilot, "zeppelin")
        await press(pilot, "enter")
        assert len(annotate_screen(app).session.queue.cached_ids()) == 7
        assert "No claim matches" in screen_text(app)


async def test_goto_by_number_and_by_start_of_id(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "g")
        await type_text(pilot, "4")
        await press(pilot, "enter")
        assert annotate_screen(app).session.queue.current == "c04"
        await press(pilot, "g")
        await type_text(pilot, "c07")
        await press(pilot, "enter")
        assert annotate_screen(app).session.queue.current == "c07"
        await press(pilot, "g")
        await type_text(pilot, "99")
        await press(pilot, "enter")
        assert annotate_screen(app).session.queue.current == "c07"
        assert "No claim number 99" in screen_text(app)


async def test_help_shows_the_key_map_and_the_guidelines_then_closes(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "verified" in text and "undo the last saved change" in text
        for _ in range(6):
            if "Annotation guidelines" in screen_text(app):
                break
            await press(pilot, "j")
        assert "Annotation guidelines" in screen_text(app), "the guidelines follow the key map, a few j below"
        await press(pilot, "escape")
        assert app.screen is annotate_screen(app)


async def test_guidelines_file_from_settings_replaces_the_bundled_one(store, tmp_path):
    guidelines = tmp_path / "house.md"
    guidelines.write_text("# House rules\n\nAsk the desk editor before labelling anything *contested*.\n")
    app = make_app(store, sample_settings(guidelines_file=guidelines), annotator="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "question_mark")
        for _ in range(6):
            if "House rules" in screen_text(app):
                break
            await press(pilot, "j")
        text = screen_text(app)
    assert "House rules" in text and "Annotation guidelines" not in text


async def test_full_article_opens_with_the_claim_and_closes(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "j", "j", "j")
        await press(pilot, "a")
        assert isinstance(app.screen, ArticleScreen)
        text = screen_text(app)
        assert "Local cafés said trade had halved" in text and "[bold red]CLOSED[/]" in text
        await press(pilot, "a")
        assert app.screen is annotate_screen(app) and annotate_screen(app).session.queue.current == "c04"
