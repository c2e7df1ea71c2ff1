"""What the reviewer sees: literal article text, context, links, progress, and bad configuration refused."""

from __future__ import annotations

import pytest

from annotator.errors import UsageError
from annotator.tui import make_app
from tests.tui.helpers import annotate_screen, press, screen_text, settle
from tests.tui.sample_data import sample_settings

pytestmark = pytest.mark.anyio
SIZE = (100, 32)


async def test_markup_and_escape_sequences_in_article_text_show_as_typed(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "j", "j")
        assert annotate_screen(app).session.queue.current == "c03"
        text = screen_text(app)
    assert "[bold red]CLOSED[/]" in text
    assert "[link=http://example.org]here[/link]" in text
    assert "\\x1b[31m" in text
    assert "\x1b" not in text


async def test_claim_shows_speaker_kind_checkworthiness_and_its_sentence_in_context(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await press(pilot, "j")
        text = screen_text(app)
    assert "We expect 1,200 passengers a day by June." in text
    assert "speaker Ines Varga" in text and "kind quote" in text and "check-worthiness 0.82" in text
    assert "said harbour master Ines Varga" in text
    assert "Port Ellin, 12 May." in text


async def test_conflict_panel_names_the_other_outlet_and_the_detail(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        text = screen_text(app)
    assert "also reported by (1): Valley Courier" in text
    assert "≠ Valley Courier: day: Tuesday vs Wednesday" in text
    assert "group g-ferry" in text


async def test_progress_counts_mine_the_queue_position_and_the_article(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await press(pilot, "v")
        await press(pilot, "x")
        text = screen_text(app)
    assert "done 2/7" in text and "claim 3 of 7" in text and "this article 2/4" in text


async def test_empty_database_says_how_to_add_claims(tmp_path):
    from annotator.store import open_store

    store = open_store(f"sqlite:///{tmp_path}/empty.db")
    app = make_app(store, sample_settings(), annotator="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "v")
        assert "annotator ingest" in screen_text(app)


def test_a_label_key_that_clashes_with_a_command_is_refused(tmp_path, store):
    labels_file = tmp_path / "labels.json"
    labels_file.write_text('{"labels": [{"name": "supported", "key": "s"}]}')
    with pytest.raises(UsageError, match="key 's'"):
        make_app(store, sample_settings(labels_file=labels_file), annotator="alice")


def test_an_empty_annotator_name_is_refused(store):
    with pytest.raises(UsageError, match="--annotator"):
        make_app(store, sample_settings(), annotator="  ")


async def test_a_custom_label_set_decides_with_its_own_keys(tmp_path, store):
    labels_file = tmp_path / "labels.toml"
    labels_file.write_text('[[labels]]\nname = "true"\nkey = "y"\n\n[[labels]]\nname = "false"\nkey = "x"\n')
    app = make_app(store, sample_settings(labels_file=labels_file), annotator="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "y")
        await press(pilot, "v")
        await press(pilot, "2")
        assert "y true" in screen_text(app)
    assert {a.claim_id: a.label for a in store.annotations.all()} == {"c01": "true", "c02": "false"}

