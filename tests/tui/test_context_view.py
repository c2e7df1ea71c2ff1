"""The article context shows the claim's sentence even when the paragraphs around it are longer than the view."""

from __future__ import annotations

import pytest

from annotator.store import open_store
from annotator.tui import make_app
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
