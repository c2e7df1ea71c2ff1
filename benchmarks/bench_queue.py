"""Paged queue reads on 100,000 claims, on SQLite and PostgreSQL: what one page, one position or one jump costs.

The annotation screen reads its queue a page of 100 ids at a time (`store.queue.page`, by OFFSET), finds a claim's
position (`queue.index`), the next unlabelled claim (`queue.next_unlabelled`) and the queue's length. Each is
timed (best of 3) against, in the same run on the same database, reading every claim id in reading order
(`store.claims.ids()`, what the screen did before it paged): the ratio says what one read costs next to holding the
whole list. PostgreSQL is a throwaway server started here (Debian's binaries); it is skipped if unavailable.
Run: python -m benchmarks.bench_queue [N_ARTICLES]   (100 claims each; default 1,000 = 100,000 claims)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from annotator.models import Article, Claim, ClaimFilter, QueueSpec
from annotator.store import open_store
from benchmarks.timing import best_of
from tests.pgserver import PostgresUnavailable, start_server

CLAIMS_PER_ARTICLE = 100


def build(url: str, articles: int) -> None:
    """Fictional articles of 100 one-sentence claims each, added as an ingest would."""
    store = open_store(url)
    for number in range(articles):
        sentences = [f"Officials in district {number} said site {i} counted {100 + i * 7} visitors on day {i % 28 + 1}."
                     for i in range(CLAIMS_PER_ARTICLE)]
        body = " ".join(sentences)
        article = Article(id=f"q{number:05d}", source=f"queue/{number:05d}.txt", title=f"District {number}",
                          body=body, content_hash=f"q{number}")
        claims, cursor = [], 0
        for position, sentence in enumerate(sentences):
            start = body.index(sentence, cursor)
            cursor = start + len(sentence)
            claims.append(Claim(id=f"q{number:05d}-{position:03d}", article=article.ref(), text=sentence,
                                source_text=sentence, start=start, end=cursor, position=position, kind="event"))
        store.articles.add(article, claims)
    store.db.analyze()
    store.close()


def best_ms(call, rounds: int = 3) -> float:
    return best_of(rounds, call).wall_ms


def measure(name: str, url: str, total: int) -> None:
    store = open_store(url)
    spec = QueueSpec(annotator="bench")
    last_article = f"q{total // CLAIMS_PER_ARTICLE - 1:05d}"
    baseline = best_ms(store.claims.ids)
    rows = [
        ("queue_length", lambda: store.queue.length(spec)),
        ("queue_page at the start", lambda: store.queue.page(spec, 0, 102)),
        ("queue_page in the middle", lambda: store.queue.page(spec, total // 2 - 1, 102)),
        ("queue_page at the end", lambda: store.queue.page(spec, total - 101, 102)),
        ("queue_index of the last article's claim", lambda: store.queue.index(spec, f"{last_article}-000")),
        ("queue_next_unlabelled from the start", lambda: store.queue.next_unlabelled(spec, None)),
        ("queue_length, text filter", lambda: store.queue.length(
            spec.model_copy(update={"claim_filter": ClaimFilter(text="site 42 ")}))),
    ]
    print(f"{name}: every claim id in reading order {baseline:7.1f} ms")
    for label, call in rows:
        took = best_ms(call)
        print(f"  {label:42s} {took:7.1f} ms  {took / baseline:5.2f}x reading every id")
    store.close()


def main() -> int:
    articles = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000
    total = articles * CLAIMS_PER_ARTICLE
    print(f"{total:,} claims")
    with tempfile.TemporaryDirectory() as tmp:
        sqlite_url = f"sqlite:///{Path(tmp) / 'queue.db'}"
        build(sqlite_url, articles)
        measure("SQLite", sqlite_url, total)
    try:
        server = start_server()
    except PostgresUnavailable as exc:
        print(f"PostgreSQL skipped: {exc}")
        return 0
    try:
        url = server.create_database("queue_bench")
        build(url, articles)
        measure("PostgreSQL", url, total)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
