"""A queue longer than the pages the screen keeps: resume, move across pages, jump far, filter, and stay bounded."""

from __future__ import annotations

import pytest

from annotator.models import Annotation, Article, Claim
from annotator.store import open_store
from annotator.tui import make_app
from annotator.session.paging import CACHED_PAGES, PAGE_SIZE
from tests.tui.helpers import annotate_screen, press, put_table_back, screen_text, settle, take_table_away, type_text
from tests.tui.sample_data import sample_settings

pytestmark = pytest.mark.anyio
SIZE = (120, 36)
ARTICLES = 12
CLAIMS_PER_ARTICLE = 100
TOTAL = ARTICLES * CLAIMS_PER_ARTICLE


def claim_id(number: int) -> str:
    """The id of the claim at 1-based position `number` in reading order."""
    article, position = divmod(number - 1, CLAIMS_PER_ARTICLE)
    return f"d{article:02d}-{position:03d}"


def depot_article(article_id: str, number: int, sentences: list[str]) -> tuple[Article, list[Claim]]:
    """An article of one depot whose every sentence is a claim, with exact offsets."""
    body = " ".join(sentences)
    article = Article(id=article_id, source=f"depot{number}.txt", body=body, content_hash=f"{article_id}:{body}",
                      outlet=f"Depot Post {number}", title=f"Depot {number}")
    claims, offset = [], 0
    for position, sentence in enumerate(sentences):
        start = body.index(sentence, offset)
        offset = start + len(sentence)
        claims.append(Claim(id=f"{article_id}-{position:03d}", article=article.ref(), text=sentence,
                            source_text=sentence, start=start, end=offset, position=position, kind="statistic"))
    return article, claims


@pytest.fixture
def big_store(tmp_path):
    """1,200 claims in 12 articles, more than the screen's cached pages hold."""
    store = open_store(f"sqlite:///{tmp_path / 'big.db'}")
    for number in range(ARTICLES):
        sentences = [f"Depot {number} shipped {100 + i} pallets on day {i + 1}." for i in range(CLAIMS_PER_ARTICLE)]
        store.articles.add(*depot_article(f"d{number:02d}", number, sentences))
    yield store
    store.close()


def label_numbers(store, numbers) -> None:
    store.annotations.import_records([Annotation(claim_id=claim_id(n), annotator="alice", label="verified") for n in numbers])


async def go_to(pilot, target) -> None:
    """`g`, type a claim number or id, Enter."""
    await press(pilot, "g")
    await type_text(pilot, str(target))
    await press(pilot, "enter")


async def filter_unlabelled(pilot) -> None:
    """`/`, tick "unlabelled only", Enter."""
    await press(pilot, "slash")
    pilot.app.screen.query_one("#search-unlabelled").value = True
    await press(pilot, "enter")


def queue_of(app):
    return annotate_screen(app).session.queue


async def test_resumes_deep_in_the_queue_holding_only_a_few_pages(big_store):
    label_numbers(big_store, range(1, 951))
    app = make_app(big_store, sample_settings(), annotator="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert queue_of(app).current == claim_id(951)
        assert f"claim 951 of {TOTAL}" in screen_text(app)
        assert f"done 950/{TOTAL}" in screen_text(app)
        assert len(queue_of(app).cached_ids()) < 3 * PAGE_SIZE
        await press(pilot, *["v"] * 60)
        assert queue_of(app).current == claim_id(1011), "decisions carry on across the page boundary"
        assert f"done 1010/{TOTAL}" in screen_text(app)
    assert big_store.annotations.get(claim_id(1000), "alice").label == "verified"
    assert big_store.annotations.get(claim_id(1001), "alice").label == "verified"


async def test_next_unlabelled_far_beyond_the_loaded_pages(big_store):
    label_numbers(big_store, [n for n in range(1, TOTAL + 1) if n not in (5, 1150)])
    app = make_app(big_store, sample_settings(), annotator="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert queue_of(app).current == claim_id(5)
        await press(pilot, "x")
        assert queue_of(app).current == claim_id(1150)
        assert f"claim 1150 of {TOTAL}" in screen_text(app)
        await press(pilot, "v")
        assert "Every claim in this queue is labelled" in screen_text(app)
        assert queue_of(app).current == claim_id(1150)
        await press(pilot, "z")
        await press(pilot, "k", "k", "z")
        assert queue_of(app).current == claim_id(5), "undo goes back to a claim whose page was dropped"
        assert "→ back to no label" in screen_text(app)
    assert big_store.annotations.get(claim_id(5), "alice") is None
    assert big_store.annotations.get(claim_id(1150), "alice") is None


async def test_go_to_far_numbers_and_ids_keeps_memory_bounded(big_store):
    app = make_app(big_store, sample_settings(), annotator="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for number in (1200, 3, 640, 222, 1111, 880, 450, 10, 1030, 777):
            await go_to(pilot, str(number))
            assert queue_of(app).current == claim_id(number)
            assert len(queue_of(app).pages) <= CACHED_PAGES
        await go_to(pilot, "1200")
        await press(pilot, "j")
        assert "Last claim of the queue" in screen_text(app)
        await press(pilot, "k")
        assert queue_of(app).current == claim_id(1199)
        await go_to(pilot, "d03-04")
        assert "starts 10 claim ids" not in screen_text(app) and "type more of it" in screen_text(app)
        await go_to(pilot, "d03-042")
        assert queue_of(app).current == "d03-042"
        assert f"claim {3 * CLAIMS_PER_ARTICLE + 43} of {TOTAL}" in screen_text(app)


async def test_labelling_under_the_unlabelled_filter_keeps_positions(big_store):
    label_numbers(big_store, range(1, 1001))
    app = make_app(big_store, sample_settings(), annotator="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to(pilot, "1")
        await filter_unlabelled(pilot)
        assert "200 claims match" in screen_text(app)
        assert queue_of(app).current == claim_id(1001)
        await press(pilot, *["v"] * 150)
        assert queue_of(app).current == claim_id(1151)
        assert "claim 151 of 200" in screen_text(app), "labelled claims keep their places under the filter"
        await press(pilot, *["k"] * 120)
        assert queue_of(app).current == claim_id(1031)
    assert big_store.annotations.progress("alice").done == 1150


def add_depot(store, article_id: str, number: int, claims: int) -> None:
    """Another process ingests an article (a new version when `number` names an existing depot)."""
    store.articles.add(*depot_article(article_id, number, [f"Depot {number} revised {i + 1} pallet counts."
                                                          for i in range(claims)]))


async def test_claims_superseded_underneath_are_not_skipped_past(big_store):
    label_numbers(big_store, range(1, 151))
    app = make_app(big_store, sample_settings(), annotator="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert queue_of(app).current == claim_id(151)
        add_depot(big_store, "d00v2", 0, 1)
        await press(pilot, *["v"] * 60)
        assert queue_of(app).current == claim_id(211), "no claim of the next article was skipped"
        text = screen_text(app)
        assert "claim 111 of 1101" in text and "done 110/1101" in text, "positions and progress were read again"
    assert big_store.annotations.get(claim_id(201), "alice").label == "verified"


async def test_claims_added_underneath_are_reached_after_the_last_one(big_store):
    label_numbers(big_store, range(1, TOTAL))
    app = make_app(big_store, sample_settings(), annotator="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert queue_of(app).current == claim_id(TOTAL)
        add_depot(big_store, "d99", 99, 2)
        await press(pilot, "v")
        assert queue_of(app).current == "d99-000"
        assert f"claim {TOTAL + 1} of {TOTAL + 2}" in screen_text(app)


async def test_the_same_filter_applied_again_shows_each_claim_once(big_store):
    label_numbers(big_store, range(1, 1001))
    app = make_app(big_store, sample_settings(), annotator="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for presses in (["v"] * 5, []):
            await filter_unlabelled(pilot)
            await press(pilot, *presses)
        assert "195 claims match" in screen_text(app)
        seen = []
        await go_to(pilot, "1")
        for _ in range(150):
            seen.append(queue_of(app).current)
            await press(pilot, "j")
        assert len(seen) == len(set(seen)) and claim_id(1006) in seen


async def test_undo_under_a_filter_brings_the_claim_back_into_it(big_store):
    label_numbers(big_store, range(1, 1001))
    app = make_app(big_store, sample_settings(), annotator="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "v")
        await filter_unlabelled(pilot)
        assert "199 claims match" in screen_text(app)
        await press(pilot, "z")
        assert queue_of(app).current == claim_id(1001)
        assert "claim 1 of 200" in screen_text(app)


async def test_a_first_load_that_fails_is_tried_again_with_s(big_store, tmp_path):
    take_table_away(tmp_path / "big.db", "claims")
    app = make_app(big_store, sample_settings(), annotator="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        words = " ".join(screen_text(app).split())
        assert "Could not load the claims" in words and "Press s to try again" in words
        put_table_back(tmp_path / "big.db", "claims")
        await press(pilot, "s")
        assert queue_of(app).current == claim_id(1)
