"""The article around the claim fills the panel with the claim in view; keys scroll it and the sources; label keys
decide from the full-article view."""

from __future__ import annotations

import hashlib

import pytest

from annotator.models import Article, Claim
from annotator.store import open_store
from annotator.tui import make_app
from tests.tui.helpers import press, screen_text, settle
from tests.tui.sample_data import sample_settings

pytestmark = pytest.mark.anyio

PARAGRAPHS = [f"Paragraph {number} of the depot report: the yard counted {number * 7} buses on its lot."
              for number in range(1, 21)]
CLAIM_SENTENCE = "The depot will close for repairs on 4 March, the manager said."


@pytest.fixture
def long_article_store(tmp_path):
    body = "\n\n".join(PARAGRAPHS[:10] + [CLAIM_SENTENCE] + PARAGRAPHS[10:])
    article = Article(id="a-depot", source="depot.txt", outlet="Depot News", title="Depot to close", body=body,
                      content_hash=hashlib.sha256(body.encode()).hexdigest())
    start = body.index(CLAIM_SENTENCE)
    claim = Claim(id="d01", article=article.ref(), text=CLAIM_SENTENCE, source_text=CLAIM_SENTENCE, start=start,
                  end=start + len(CLAIM_SENTENCE), kind="attributed", speaker="the manager")
    store = open_store(f"sqlite:///{tmp_path / 'depot.db'}")
    store.articles.add(article, [claim])
    yield store
    store.close()


@pytest.mark.parametrize("size, shown_each_side", [((120, 36), 3), ((200, 50), 6)])
async def test_the_context_fills_the_panel_with_the_claim_in_the_middle(long_article_store, size, shown_each_side):
    app = make_app(long_article_store, sample_settings(), annotator="alice")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.pause(0.1)
        text = screen_text(app)
        assert CLAIM_SENTENCE in text
        for number in range(11 - shown_each_side, 11 + shown_each_side):
            assert f"Paragraph {number} of the depot report" in text, number
        assert "…" not in text.split("In the article")[1].split("\n")[1], "no cut right after the heading"


async def test_brackets_scroll_the_context_and_the_claim_returns_on_the_next_claim(long_article_store):
    app = make_app(long_article_store, sample_settings(), annotator="alice")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause(0.1)
        shown = screen_text(app)
        await press(pilot, "right_square_bracket")
        await press(pilot, "right_square_bracket")
        scrolled = screen_text(app)
        assert scrolled != shown and "Paragraph 13 of the depot report" in scrolled
        await press(pilot, "left_square_bracket")
        await press(pilot, "left_square_bracket")
        assert screen_text(app) == shown, "[ scrolls back by as much as ] scrolled"
        await press(pilot, "greater_than_sign")
        assert "No other sources for this claim." in screen_text(app)


async def test_a_label_key_in_the_full_article_decides_the_claim(app, store):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        assert "v/c/x/u/n decide" in screen_text(app)
        await press(pilot, "x")
        await settle(pilot)
        assert "contested ✓, saved" in screen_text(app)
    assert store.annotations.get("c01", "alice").label == "contested"
