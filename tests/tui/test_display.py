"""What the reviewer sees: literal article text, context, links, progress, and bad configuration refused."""

from __future__ import annotations

import pytest
from textual.content import Content

from annotator.errors import UsageError
from annotator.session.sources import OutletEntry, Sources
from annotator.tui import make_app
from annotator.tui.widgets.links_panel import render_sources
from tests.tui.helpers import annotate_screen, links_panel_text, press, screen_text, settle
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


def styled(content: Content, *attributes: str) -> list[str]:
    """The pieces of the panel drawn with every one of the given style attributes (underline, reverse, ...)."""
    return [content.plain[span.start:span.end] for span in content.spans
            if all(getattr(span.style, attribute, False) for attribute in attributes)]


async def test_sources_panel_shows_each_outlet_once_with_its_words_and_what_differs(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        text = " ".join(screen_text(app).split())
        panel = links_panel_text(app)
    assert "also reported by 1 outlet:" in text
    assert panel.plain.count("✓ Valley Courier") == 1, "one entry per outlet"
    assert "✓ Valley Courier (same fact; differs on date, duration, below)" in panel.plain
    assert "“The ferry service resumed on Wednesday after a five-day suspension, the operator said.”" in panel.plain
    assert "2 details differ:" in panel.plain
    assert panel.plain.count("≠ Valley Courier · date: Tuesday here vs Wednesday there") == 1
    assert panel.plain.count("≠ Valley Courier · duration: four-day here vs five-day there") == 1
    assert "g-ferry" not in text, "internal group ids are never shown"


async def test_both_spans_of_a_conflict_are_underlined_and_the_differing_tokens_stand_out(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        panel = links_panel_text(app)
    differing = styled(panel, "underline", "reverse")
    assert differing.count("Tuesday") == 1 and differing.count("Wednesday") == 1, "this claim's and the other's"
    assert differing.count("four") == 1 and differing.count("five") == 1, "the differing token of four-day"
    assert "-day" in styled(panel, "underline") and "day" not in differing, "the shared part is underlined only"


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



def test_an_outlet_quoting_words_is_shown_without_a_second_pair_of_quotation_marks():
    said = ("“We will share our ideas in writing next week,” the minister said.", "Talks resume in May.")
    shown = render_sources(Sources(corroborating=(OutletEntry("Valley Courier", said),))).plain
    assert "\n    “We will share our ideas in writing next week,” the minister said.\n" in shown
    assert "““" not in shown and "“Talks resume in May.”" in shown
    assert shown.startswith("✓ also reported by 1 outlet:")
