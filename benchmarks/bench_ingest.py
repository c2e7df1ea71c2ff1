"""Ingest speed: `annotator ingest` (read, extract, store, link) against bare `nlp.pipe` over the same texts.

Writes a few hundred synthetic news-length articles (about 650 words: shuffled paragraphs of the fictional test
fixtures and the bundled sample, figures varied so no two articles are equal) as .txt files in folders of ten (one
event each, as a newsroom would ingest them), then times in this one run:
  bare      `nlp.pipe` of the plain spaCy model over the article bodies, single process
  ingest    `ingest_paths` into a fresh SQLite file, single process (parsing, claims, SQL, linking per event)
  ingest2   the same with `workers=2`
Run: python -m benchmarks.bench_ingest [N_ARTICLES]
"""

from __future__ import annotations

import os
import random
import re
import sys
import tempfile
from pathlib import Path

import spacy

from annotator.cli.annotate_cmds import sample_dir
from annotator.config import Settings
from annotator.extract import load_pipeline, read_inputs
from annotator.ingest import ingest_paths
from annotator.models import Article
from annotator.store import open_store
from benchmarks.timing import measure

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "articles"
ARTICLES_PER_EVENT = 10
TARGET_WORDS = 650
NUMBER = re.compile(r"\b\d+\b")


def source_paragraphs() -> list[str]:
    """Distinct body paragraphs of the fixture articles and the bundled sample."""
    articles = [a for a in read_inputs([FIXTURES, sample_dir()]) if isinstance(a, Article)]
    return list(dict.fromkeys(p for a in articles for p in a.body.split("\n\n") if len(p.split()) > 6))


def write_articles(folder: Path, count: int, seed: int = 7) -> list[str]:
    """Write `count` news-length articles as title + date + body .txt files; return the bodies spaCy will see."""
    paragraphs = source_paragraphs()
    rng = random.Random(seed)
    for index in range(count):
        chosen, words = [], 0
        for paragraph in rng.sample(paragraphs, len(paragraphs)):
            if words >= TARGET_WORDS:
                break
            chosen.append(NUMBER.sub(lambda m: str(int(m.group()) + index % 7), paragraph))
            words += len(paragraph.split())
        event_dir = folder / f"event-{index // ARTICLES_PER_EVENT:03d}"
        event_dir.mkdir(parents=True, exist_ok=True)
        text = f"Report {index} on the harbour dispute\nMarch {1 + index % 28}, 2024\n\n" + "\n\n".join(chosen)
        (event_dir / f"article-{index:04d}.txt").write_text(text + "\n", encoding="utf-8")
    return [article.body for article in read_inputs([folder]) if isinstance(article, Article)]


def timed_ingest(folder: Path, db_path: Path, workers: int, nlp) -> tuple[float, int]:
    """Wall seconds of one full ingest into a fresh database, and the number of claims stored.

    The pipeline is loaded before timing, as the bare baseline's is.
    """
    store = open_store(f"sqlite:///{db_path}")
    timing = measure(ingest_paths, store, [folder], settings=Settings(db=str(db_path)), workers=workers, nlp=nlp)
    store.close()
    assert timing.result.ok, timing.result.errors
    return timing.wall, timing.result.claims


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        bodies = write_articles(root / "articles", count)
        nlp = load_pipeline()
        plain = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
        list(plain.pipe(bodies[:10]))
        words = sum(len(body.split()) for body in bodies)
        print(f"{count} articles ({words // count} words each on average) in {count // ARTICLES_PER_EVENT} events; "
              f"load average {os.getloadavg()[0]:.1f}")
        bare_times, ingest_times = [], []
        for round_number in range(2):
            bare_times.append(measure(lambda: sum(1 for _ in plain.pipe(bodies))).wall)
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
