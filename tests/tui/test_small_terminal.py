"""At 80x24 the claim stays in view after a resize and every panel scrolls from the keyboard."""

from __future__ import annotations

import pytest

from annotator.tui import make_app, make_review_app
from annotator.tui.widgets import LinksPanel
from tests.tui.helpers import press, screen_text, settle, working_screen
from tests.tui.sample_data import sample_settings
from tests.tui.test_context import CLAIM_SENTENCE, long_article_store  # noqa: F401 (a fixture)

pytestmark = pytest.mark.anyio


def context_part(app) -> str:
    """What the "In the article" panel shows (the claim card above it also holds the claim's text)."""
    return screen_text(app).split("In the article", 1)[1]


@pytest.mark.parametrize("start, end", [((200, 50), (80, 24)), ((80, 24), (200, 50)), ((120, 36), (80, 24))])
async def test_the_claim_sentence_stays_in_view_after_a_resize(long_article_store, start, end):  # noqa: F811
    app = make_app(long_article_store, sample_settings(), annotator="alice")
    async with app.run_test(size=start) as pilot:
        await settle(pilot)
        await pilot.pause(0.1)
        assert CLAIM_SENTENCE in context_part(app)
        await pilot.resize_terminal(*end)
        await pilot.pause(0.2)
        assert app.size == end
        shown = context_part(app)
        assert CLAIM_SENTENCE in shown, shown
        await press(pilot, "right_square_bracket", "left_square_bracket")
        assert CLAIM_SENTENCE in context_part(app)


async def sources_scrolled_down(pilot, *keys: str) -> LinksPanel:
    """Press `keys` to reach a claim whose sources overflow their panel, then `>`: the panel scrolls down."""
    await press(pilot, *keys)
    await pilot.pause(0.1)
    links = pilot.app.screen.query_one(LinksPanel)
    assert links.display and links.max_scroll_y > 0, "the claim's sources overflow their panel at 80x24"
    await press(pilot, "greater_than_sign")
    assert links.scroll_y > 0
    return links


async def test_at_80x24_the_sources_panel_scrolls_from_the_keyboard(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        links = await sources_scrolled_down(pilot, "v", "k")
        await press(pilot, "less_than_sign")
        assert links.scroll_y == 0


async def test_in_review_the_sources_scroll_and_a_label_key_in_the_full_article_decides(store, disputed):
    app = make_review_app(store, sample_settings(), adjudicator="lead")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await sources_scrolled_down(pilot, "j")
        await press(pilot, "right_square_bracket")
        assert "c05" == working_screen(app).session.current_item().claim.id
        await press(pilot, "a")
        assert "v/c/x/u/n decide" in screen_text(app)
        await press(pilot, "x")
        await settle(pilot)
    assert store.adjudications.get("c05").label == "contested"


async def test_at_80x24_the_key_legend_takes_two_lines_and_leaves_the_rest_to_the_claim(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#legend").size.height == 2
        assert "a full % agree ? help q quit" in screen_text(app)
