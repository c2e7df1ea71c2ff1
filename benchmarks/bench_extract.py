"""Extraction speed: `extract_many` against bare `nlp.pipe` over the same texts, and with two processes.

Builds a few hundred synthetic articles from the fictional fixture articles, then times, in this one run:
  base      bare `nlp.pipe` of the spaCy model alone (no project components)
  full      bare `nlp.pipe` of the project pipeline (model + paragraph breaks + claim detector)
  extract   `extract_many` single-process (pipeline + Claim models)
  extract2  `extract_many(n_process=2)`
Run: python benchmarks/bench_extract.py [N_ARTICLES]
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import spacy

from annotator.extract import extract_many, load_pipeline, read_inputs
from annotator.models import Article

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "articles"
PARAGRAPHS_PER_ARTICLE = 12


def synthetic_articles(count: int, seed: int = 7) -> list[Article]:
    """Articles made by shuffling the fixture paragraphs, with varied figures so no two are equal."""
    paragraphs = [p for a in read_inputs([FIXTURES]) if isinstance(a, Article) for p in a.body.split("\n\n")]
    rng = random.Random(seed)
    articles = []
    for index in range(count):
        chosen = [rng.choice(paragraphs).replace("2023", str(2000 + index % 24)) for _ in range(PARAGRAPHS_PER_ARTICLE)]
        body = "\n\n".join(dict.fromkeys(chosen))
        articles.append(Article(id=f"bench-{index}", source=f"bench/{index}.txt", body=body, title=f"Article {index}"))
    return articles


def timed(label: str, run) -> float:
    started = time.perf_counter()
    count = run()
    elapsed = time.perf_counter() - started
    print(f"{label:<36} {elapsed:7.2f}s  ({count} items)")
    return elapsed


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    articles = synthetic_articles(count)
    texts = [a.body for a in articles]
    words = sum(len(t.split()) for t in texts)
    nlp = load_pipeline()
    base = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    print(f"{count} synthetic articles, {words} words; pipeline {nlp.pipe_names}")
    list(nlp.pipe(texts[:10]))
    list(base.pipe(texts[:10]))

    base_s = timed("bare nlp.pipe, model only", lambda: sum(1 for _ in base.pipe(texts)))
    full_s = timed("bare nlp.pipe, project pipeline", lambda: sum(1 for _ in nlp.pipe(texts)))
    one_s = timed("extract_many, n_process=1", lambda: sum(len(c) for _, c in extract_many(nlp, articles)))
    two_s = timed("extract_many, n_process=2", lambda: sum(len(c) for _, c in extract_many(nlp, articles, n_process=2)))

    print(f"extract_many / bare model pipe         {one_s / base_s:5.2f}x  (aim <= 1.1x)")
    print(f"extract_many / bare project-pipeline   {one_s / full_s:5.2f}x")
    print(f"extract_many n_process=2 / bare model  {two_s / base_s:5.2f}x  (aim < 1.0x)")
    print(f"words per second, extract_many          {words / one_s:8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
