"""Ingest speed: `annotator ingest` (read, extract, store, link) against bare `nlp.pipe` over the same texts.

Writes a few hundred synthetic articles (shuffled paragraphs of the fictional test fixtures) as .txt files in
folders of ten (one event each, as a newsroom would ingest them), then times in this one run:
  bare      `nlp.pipe` of the plain spaCy model over the article bodies, single process
  ingest    `ingest_paths` into a fresh SQLite file, single process (parsing, claims, SQL, linking per event)
  ingest2   the same with `workers=2`
Run: python benchmarks/bench_ingest.py [N_ARTICLES]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import synthetic_articles  # noqa: E402

from annotator.config import Settings  # noqa: E402
from annotator.extract import load_pipeline  # noqa: E402
from annotator.ingest import ingest_paths  # noqa: E402
from annotator.store import open_store  # noqa: E402

ARTICLES_PER_EVENT = 10


def write_articles(folder: Path, count: int) -> list[str]:
    """Write `count` synthetic articles as title + date + body .txt files; return their bodies."""
    bodies = []
    for index, article in enumerate(synthetic_articles(count)):
        event_dir = folder / f"event-{index // ARTICLES_PER_EVENT:03d}"
        event_dir.mkdir(parents=True, exist_ok=True)
        text = f"{article.title}\nMarch {1 + index % 28}, 2024\n\n{article.body}\n"
        (event_dir / f"article-{index:04d}.txt").write_text(text, encoding="utf-8")
        bodies.append(article.body)
    return bodies


def timed_ingest(folder: Path, db_path: Path, workers: int, nlp) -> tuple[float, int]:
    """Wall seconds of one full ingest into a fresh database, and the number of claims stored.

    The pipeline is loaded before timing, as the bare baseline's is.
    """
    store = open_store(f"sqlite:///{db_path}")
    started = time.perf_counter()
    report = ingest_paths(store, [folder], settings=Settings(db=str(db_path)), workers=workers, nlp=nlp)
    elapsed = time.perf_counter() - started
    store.close()
    assert report.ok, report.errors
    return elapsed, report.claims


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        bodies = write_articles(root / "articles", count)
        nlp = load_pipeline()
        plain = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
        list(plain.pipe(bodies[:10]))
        print(f"{count} articles in {count // ARTICLES_PER_EVENT} events; load average {os.getloadavg()[0]:.1f}")
        bare_times, ingest_times = [], []
        for round_number in range(2):
            started = time.perf_counter()
            sum(1 for _ in plain.pipe(bodies))
            bare_times.append(time.perf_counter() - started)
            elapsed, claims = timed_ingest(root / "articles", root / f"one-{round_number}.db", workers=1, nlp=nlp)
            ingest_times.append(elapsed)
        two, _ = timed_ingest(root / "articles", root / "two.db", workers=2, nlp=nlp)
    bare, one = min(bare_times), min(ingest_times)
    print(f"bare nlp.pipe (plain model)   {bare:7.2f} s")
    print(f"ingest, 1 process             {one:7.2f} s   {claims} claims   {count / one:.1f} articles/s")
    print(f"ingest, --workers 2           {two:7.2f} s")
    print(f"ingest / bare                 {one / bare:7.2f}x   (aim <= 1.1x)")
    print(f"ingest --workers 2 / bare     {two / bare:7.2f}x   (aim < 1.0x)")
    print(f"load average at the end       {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
