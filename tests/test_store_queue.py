"""The paged claim queue the annotation screen walks through, on a SQLite file and on a real PostgreSQL server."""

from __future__ import annotations

import pytest

from annotator.models import Annotation, Article, Claim, ClaimFilter, QueueSpec

ARTICLES = 3
CLAIMS_PER_ARTICLE = 4


def make_article(number: int, claims: int = CLAIMS_PER_ARTICLE) -> tuple[Article, list[Claim]]:
    sentences = [f"Crews in harbour {number} moved {10 * (i + 1)} crates on day {i + 1}." for i in range(claims)]
    body = " ".join(sentences)
    article = Article(id=f"a{number}", source=f"{number}.txt", body=body, content_hash=f"h{number}",
                      outlet=f"Outlet {number}", title=f"Harbour {number}")
    found, offset = [], 0
    for position, sentence in enumerate(sentences):
        start = body.index(sentence, offset)
        offset = start + len(sentence)
        found.append(Claim(id=f"a{number}-{position}", article=article.ref(), text=sentence, source_text=sentence,
                           start=start, end=offset, position=position, kind="statistic"))
    return article, found


@pytest.fixture
def harbour(store):
    """Three articles of four claims: a0-0 .. a2-3 in reading order."""
    for number in range(ARTICLES):
        store.articles.add(*make_article(number))
    return store


def label(store, claim_id: str, name: str = "verified", annotator: str = "ana", **extra) -> None:
    store.annotations.save(Annotation(claim_id=claim_id, annotator=annotator, label=name, **extra))


def all_ids(store, spec: QueueSpec) -> list[str]:
    """The whole queue read page by page, three ids at a time, as the screen reads it."""
    ids, offset = [], 0
    while page := store.queue.page(spec, offset, 3):
        ids += page
        offset += 3
    return ids


READING_ORDER = [f"a{n}-{p}" for n in range(ARTICLES) for p in range(CLAIMS_PER_ARTICLE)]


def test_pages_walk_every_current_claim_in_reading_order(harbour):
    spec = QueueSpec(annotator="ana")
    assert harbour.queue.length(spec) == 12
    assert all_ids(harbour, spec) == READING_ORDER
    assert harbour.queue.page(spec, 10, 5) == ["a2-2", "a2-3"]
    assert harbour.queue.page(spec, 12, 5) == []


def test_a_new_version_of_an_article_leaves_the_queue_and_joins_at_its_end(harbour):
    article, claims = make_article(0, claims=2)
    article = article.model_copy(update={"id": "a0v2", "content_hash": "changed"})
    claims = [c.model_copy(update={"id": c.id.replace("a0", "a0v2"), "article": article.ref()}) for c in claims]
    harbour.articles.add(article, claims)
    spec = QueueSpec(annotator="ana")
    assert all_ids(harbour, spec) == READING_ORDER[4:] + ["a0v2-0", "a0v2-1"]
    assert harbour.queue.index(spec, "a0-1") is None


def test_index_of_a_claim_is_its_position(harbour):
    spec = QueueSpec(annotator="ana")
    assert [harbour.queue.index(spec, claim_id) for claim_id in READING_ORDER] == list(range(12))
    assert harbour.queue.index(spec, "nope") is None


def test_next_unlabelled_skips_labelled_claims_and_wraps_round(harbour):
    spec = QueueSpec(annotator="ana")
    for claim_id in ["a0-0", "a0-1", "a1-2", "a1-3", "a2-0", "a2-1", "a2-2", "a2-3"]:
        label(harbour, claim_id)
    label(harbour, "a0-2", annotator="ben")
    assert harbour.queue.next_unlabelled(spec, None) == (2, "a0-2", False), "another annotator's label counts not"
    assert harbour.queue.next_unlabelled(spec, "a0-3") == (4, "a1-0", False)
    assert harbour.queue.next_unlabelled(spec, "a1-1") == (2, "a0-2", True), "past the end it starts over"
    for claim_id in ["a0-2", "a0-3", "a1-0", "a1-1"]:
        label(harbour, claim_id)
    assert harbour.queue.next_unlabelled(spec, "a1-1") is None


def test_a_filter_narrows_the_queue_and_pages_through_the_matches(harbour):
    label(harbour, "a1-0", "refuted", flagged=True)
    label(harbour, "a1-1", "refuted")
    refuted = QueueSpec(annotator="ana", claim_filter=ClaimFilter(label="refuted"))
    assert all_ids(harbour, refuted) == ["a1-0", "a1-1"]
    assert harbour.queue.index(refuted, "a1-1") == 1 and harbour.queue.index(refuted, "a0-0") is None
    flagged = QueueSpec(annotator="ana", claim_filter=ClaimFilter(flagged=True))
    assert all_ids(harbour, flagged) == ["a1-0"]
    text = QueueSpec(annotator="ana", claim_filter=ClaimFilter(text="30 CRATES", article="harbour 2"))
    assert all_ids(harbour, text) == ["a2-2"]
    percent = QueueSpec(annotator="ana", claim_filter=ClaimFilter(text="%"))
    assert harbour.queue.length(percent) == 0, "a typed % is a character, not a wildcard"


def test_claims_kept_under_a_filter_hold_their_positions(harbour):
    spec = QueueSpec(annotator="ana", claim_filter=ClaimFilter(unlabelled=True))
    before = all_ids(harbour, spec)
    label(harbour, "a0-1")
    label(harbour, "a1-2")
    assert len(all_ids(harbour, spec)) == 10, "without keep, labelled claims drop out"
    kept = spec.model_copy(update={"keep": ("a0-1", "a1-2")})
    assert all_ids(harbour, kept) == before
    assert harbour.queue.index(kept, "a1-2") == 6
    assert harbour.queue.next_unlabelled(kept, "a0-0") == (2, "a0-2", False)


def test_a_routed_queue_is_my_labels_in_labelling_order_then_the_held_claim(harbour):
    for claim_id in ["a2-0", "a0-3", "a1-1"]:
        label(harbour, claim_id)
    label(harbour, "a0-0", annotator="ben")
    spec = QueueSpec(annotator="ana", mine_only=True, held="a0-1")
    assert harbour.queue.length(spec) == 4
    assert all_ids(harbour, spec) == ["a2-0", "a0-3", "a1-1", "a0-1"]
    assert harbour.queue.index(spec, "a0-1") == 3 and harbour.queue.index(spec, "a0-0") is None
    assert harbour.queue.next_unlabelled(spec, "a2-0") == (3, "a0-1", False)
    label(harbour, "a2-0", "refuted")
    label(harbour, "a0-1")
    assert all_ids(harbour, spec) == ["a2-0", "a0-3", "a1-1", "a0-1"], "a relabel keeps its place; held now mine"
    assert harbour.queue.next_unlabelled(spec, "a0-1") is None
    refuted = spec.model_copy(update={"claim_filter": ClaimFilter(label="refuted"), "held": "a1-0"})
    assert all_ids(harbour, refuted) == ["a2-0", "a1-0"], "the held claim ends the queue whatever the filter"
    assert harbour.queue.index(refuted, "a1-0") == 1


def test_ids_starting_with_a_prefix_put_the_exact_id_first(harbour):
    spec = QueueSpec(annotator="ana")
    assert harbour.queue.ids_starting(spec, "a1-", limit=10) == ["a1-0", "a1-1", "a1-2", "a1-3"]
    assert harbour.queue.ids_starting(spec, "a1-2") == ["a1-2"]
    assert harbour.queue.ids_starting(spec, "a_") == [], "_ is a character, not a wildcard"
    assert harbour.queue.ids_starting(spec, "A1-") == [], "ids are case-sensitive on every database"
    assert harbour.queue.ids_starting(spec, "zz") == []
    routed = QueueSpec(annotator="ana", mine_only=True, held="a2-1")
    assert harbour.queue.ids_starting(routed, "a2") == ["a2-1"]


def test_a_sqlite_file_without_planner_statistics_gets_them_when_opened(tmp_path):
    import sqlite3

    from annotator.store import open_store

    path = tmp_path / "stats.db"
    store = open_store(f"sqlite:///{path}")
    for number in range(ARTICLES):
        store.articles.add(*make_article(number))
    store.close()
    with sqlite3.connect(path) as connection:
        assert not connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchall()
    open_store(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as connection:
        tables = {row[0] for row in connection.execute("SELECT tbl FROM sqlite_stat1")}
        plan = " ".join(row[3] for row in connection.execute(
            "EXPLAIN QUERY PLAN SELECT claims.id FROM claims JOIN articles ON claims.article_id = articles.id "
            "WHERE articles.superseded_by IS NULL ORDER BY articles.ingest_order, claims.position LIMIT 5"))
    assert {"claims", "articles"} <= tables
    assert plan.startswith("SCAN articles"), plan



def test_articles_ingested_with_the_same_order_number_still_give_distinct_positions(harbour):
    from sqlalchemy import update

    from annotator.store.tables import ArticleRow

    with harbour.db.engine.begin() as connection:
        connection.execute(update(ArticleRow).values(ingest_order=1))
    spec = QueueSpec(annotator="ana")
    ids = all_ids(harbour, spec)
    assert sorted(ids) == sorted(READING_ORDER) and ids == all_ids(harbour, spec)
    assert [harbour.queue.index(spec, claim_id) for claim_id in ids] == list(range(12))


def test_text_filter_folds_case_beyond_ascii(store):
    article, claims = make_article(7)
    body = "Die Ärzte in Harbour 7 zählten 40 Kisten."
    article = article.model_copy(update={"body": body, "id": "u7", "content_hash": "u7"})
    claim = claims[0].model_copy(update={"id": "u7-0", "article": article.ref(), "text": body,
                                         "source_text": body, "start": 0, "end": len(body)})
    store.articles.add(article, [claim])
    for needle in ("ärzte", "ÄRZTE", "ZÄHLTEN"):
        spec = QueueSpec(annotator="ana", claim_filter=ClaimFilter(text=needle))
        assert store.queue.page(spec, 0, 5) == ["u7-0"], needle


def test_articles_added_at_once_by_several_processes_get_distinct_ingest_numbers(db_url):
    from concurrent.futures import ThreadPoolExecutor

    from sqlalchemy import select

    from annotator.store import open_store
    from annotator.store.tables import ArticleRow

    stores = [open_store(db_url) for _ in range(6)]  # one engine each, as separate reviewers' processes have

    def add_some(worker: int) -> None:
        for number in range(6):
            stores[worker].articles.add(*make_article(100 * worker + number))

    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(add_some, range(6)))
    for other in stores:
        other.close()
    store = open_store(db_url)
    orders = [row[0] for row in store.db.rows(select(ArticleRow.ingest_order))]
    store.close()
    assert len(orders) == 36 and len(set(orders)) == 36
