"""Extraction speed: `extract_many` against bare `nlp.pipe` over the same texts, and with two processes.

Builds a few hundred synthetic articles from the fictional fixture articles, then times, in this one run and
over alternating rounds (best of each kept, so other load on the machine disturbs the ratios less):
  base      bare `nlp.pipe` of the spaCy model alone (no project components)
  full      bare `nlp.pipe` of the project pipeline (model + paragraph breaks + claim detector, with the
            attribute index in place of the model's attribute ruler)
  extract   `extract_many` single-process (project pipeline + Claim models)
  extract2  `extract_many(n_process=2)` (wall time; needs two idle cores to show its gain)
Single-process runs report wall and CPU time; the load average is printed because the machine may be shared.
Run: python -m benchmarks.bench_extract [N_ARTICLES] [ROUNDS]
"""

from __future__ import annotations

import os
import random
import resource
import sys
from pathlib import Path

import spacy

from annotator.extract import extract_many, load_pipeline, read_inputs
from annotator.models import Article
from benchmarks.timing import measure

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "articles"
PARAGRAPHS_PER_ARTICLE = 12


def synthetic_articles(count: int, seed: int = 7) -> list[Article]:
    """Articles made by shuffling the fixture paragraphs, with varied years so no two are equal."""
    paragraphs = [p for a in read_inputs([FIXTURES]) if isinstance(a, Article) for p in a.body.split("\n\n")]
    rng = random.Random(seed)
    articles = []
    for index in range(count):
        chosen = [rng.choice(paragraphs).replace("2023", str(2000 + index % 24)) for _ in range(PARAGRAPHS_PER_ARTICLE)]
        body = "\n\n".join(dict.fromkeys(chosen))
        articles.append(Article(id=f"bench-{index}", source=f"bench/{index}.txt", body=body, title=f"Article {index}"))
    return articles


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    articles = synthetic_articles(count)
    texts = [a.body for a in articles]
    words = sum(len(t.split()) for t in texts)
    nlp = load_pipeline()
    base = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    print(f"{count} synthetic articles, {words} words, {rounds} rounds; load average {os.getloadavg()[0]:.1f}")
    print(f"pipeline {nlp.pipe_names}")
    list(nlp.pipe(texts[:10]))
    list(base.pipe(texts[:10]))
    runs = {
        "bare nlp.pipe, model only": lambda: sum(1 for _ in base.pipe(texts)),
        "bare nlp.pipe, project pipeline": lambda: sum(1 for _ in nlp.pipe(texts)),
        "extract_many, n_process=1": lambda: sum(len(c) for _, c in extract_many(nlp, articles)),
    }
    best = {name: (float("inf"), float("inf")) for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            timing = measure(run)
            wall, cpu = timing.wall, timing.cpu
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    two = measure(lambda: sum(len(c) for _, c in extract_many(nlp, articles, n_process=2)))
    two_wall, two_parent_cpu = two.wall, two.cpu
    children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    two_cpu = two_parent_cpu + (children_after.ru_utime - children_before.ru_utime) + (
        children_after.ru_stime - children_before.ru_stime
    )
    for name, (wall, cpu) in best.items():
        print(f"{name:<34} wall {wall:7.2f}s  cpu {cpu:7.2f}s")
    print(f"{'extract_many, n_process=2':<34} wall {two_wall:7.2f}s  cpu {two_cpu:7.2f}s (parent + workers)")

    base_wall, base_cpu = best["bare nlp.pipe, model only"]
    full_wall, full_cpu = best["bare nlp.pipe, project pipeline"]
    one_wall, one_cpu = best["extract_many, n_process=1"]
    print(f"extract_many / bare model pipe          wall {one_wall / base_wall:5.2f}x  cpu {one_cpu / base_cpu:5.2f}x"
          "  (aim <= 1.1x)")
    print(f"extract_many / bare project pipeline    wall {one_wall / full_wall:5.2f}x  cpu {one_cpu / full_cpu:5.2f}x")
    print(f"extract_many n_process=2 / bare model   wall {two_wall / base_wall:5.2f}x  (aim < 1.0x; "
          f"with two idle cores about {two_cpu / 2 / base_cpu:.2f}x)")
    print(f"words per CPU second, extract_many       {words / one_cpu:8.0f}")
    print(f"load average at the end                 {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
