"""The article context shows the claim's sentence even when the paragraphs around it are longer than the view."""

from __future__ import annotations

import pytest
from textual.geometry import Region

from annotator.store import open_store
from annotator.tui import make_app
from annotator.tui.widgets import ContextView
from tests.tui.helpers import press, screen_text, settle
from tests.tui.sample_data import ClaimSpec, _article, _claims, sample_settings

pytestmark = pytest.mark.anyio

FILLER = " ".join(f"The quay's lamp number {n} was repainted green by the harbour crew." for n in range(1, 30))
FIRST = "The ferry to Dunmore left at seven with 212 passengers on board."
SECOND = "A second ferry followed at nine carrying 48 cars."
BODY = f"{FILLER}\n\n{FIRST} {FILLER} {SECOND}\n\n{FILLER}"


@pytest.fixture
def long_store(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'long.db'}")
    article = _article("long", "Quay Weekly", "Lamps and ferries", BODY)
    store.articles.add(article, _claims(article, [ClaimSpec("l01", FIRST), ClaimSpec("l02", SECOND)]))
    yield store
    store.close()


async def test_the_claims_sentence_is_in_view_inside_a_paragraph_longer_than_the_terminal(long_store):
    app = make_app(long_store, sample_settings(), annotator="alice")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        words = " ".join(screen_text(app).split())
        assert "left at seven with 212 passengers" in words.split("In the article")[1]
        await press(pilot, "v")
        words = " ".join(screen_text(app).split())
        assert "claim 2 of 2" in words
        assert "carrying 48 cars" in words.split("In the article")[1], "the view follows the next sentence"
        assert "Quay Weekly" not in words, "the heading scrolled away to make room for the claim's lines"
    assert long_store.annotations.get("l01", "alice").label == "verified"


def drawn_and_fresh(context):
    """The context panel's lines as the screen draws them, and the same lines styled from scratch."""
    from textual._styles_cache import StylesCache

    region = context.region.size.region
    return context.render_lines(region), StylesCache().render_widget(context, region)


THIRD = "A third ferry was cancelled for want of a crew."


@pytest.fixture
def three_store(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'three.db'}")
    article = _article("three", "Quay Weekly", "Lamps and ferries", f"{BODY}\n\n{THIRD} {FILLER}")
    store.articles.add(article, _claims(article, [ClaimSpec("t01", FIRST), ClaimSpec("t02", SECOND),
                                                  ClaimSpec("t03", THIRD)]))
    yield store
    store.close()


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_a_passage_styled_ahead_draws_exactly_as_one_styled_afresh(three_store, size):
    from annotator.tui.widgets import ContextView

    app = make_app(three_store, sample_settings(), annotator="alice")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await press(pilot, "v")  # the history strip appears: from now on the panels keep their sizes
        await pilot.pause(0.4)  # the reviewer pauses: the next claim's passage is prepared and styled
        await press(pilot, "v")
        drawn, fresh = drawn_and_fresh(app.screen.query_one(ContextView))
        assert "cancelled for want of a crew" in "".join(strip.text for strip in drawn)
        assert drawn == fresh


async def test_a_panel_restyled_after_its_next_passage_was_styled_ahead_shows_the_new_style(three_store):
    from annotator.tui.widgets import ContextView

    app = make_app(three_store, sample_settings(), annotator="alice")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "v")  # the history strip appears: from now on the panels keep their sizes
        await pilot.pause(0.4)
        context = app.screen.query_one(ContextView)
        context.styles.background = "#800000"
        await press(pilot, "v")
        drawn, fresh = drawn_and_fresh(context)
        backgrounds = {segment.style.bgcolor.triplet.hex for segment in drawn[3] if segment.style and segment.style.bgcolor}
        assert "#800000" in backgrounds, "the passage is drawn on the new background"
        assert drawn == fresh


SHORT_BODY = "\n\n".join(
    [f"Paragraph {n} says the pier lights were checked on day {n} of the survey." for n in range(1, 9)]
    + ["The pier reopens in May, the council said. Repairs will cost 40,000 pounds, its engineer said. "
       "Work starts on Monday, a spokesman said."]
    + [f"Paragraph {n} says the harbour wall was inspected on day {n} of the survey." for n in range(9, 17)])


async def test_a_passage_built_ahead_repaints_every_row_it_changes_when_the_reader_scrolled_before_the_key(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'pier.db'}")
    article = _article("pier", "Pier Post", "Pier to reopen", SHORT_BODY)
    store.articles.add(article, _claims(article, [ClaimSpec("p01", "The pier reopens in May, the council said."),
                                                  ClaimSpec("p02", "Repairs will cost 40,000 pounds, its engineer said."),
                                                  ClaimSpec("p03", "Work starts on Monday, a spokesman said.")]))
    app = make_app(store, sample_settings(), annotator="alice")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "v")  # the first decision brings the history strip (a new layout, all repainted)
        await pilot.pause(0.4)  # the reviewer reads: the next claim's passage is built ahead
        await press(pilot, "right_square_bracket")  # then scrolls the article before deciding
        view = app.screen.query_one(ContextView)
        rows = range(view.content_size.height)
        before = [view.render_line(y).text for y in rows]
        repainted: set[int] = set()
        refresh = view.refresh

        def spy(*regions: Region, **options):
            repainted.update(rows if not regions else {y for r in regions for y in range(r.y, r.bottom)})
            return refresh(*regions, **options)

        view.refresh = spy
        await press(pilot, "v")
        after = [view.render_line(y).text for y in rows]
        assert "claim 3 of 3" in screen_text(app)
        changed = {y for y in rows if before[y] != after[y]}
        assert changed and changed <= repainted, "a row the new passage changes was left as it was"
    store.close()
