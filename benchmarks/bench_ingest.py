"""Ingest speed: `annotator ingest` (read, extract, store, link) against bare `nlp.pipe` over the same texts.

Two corpora of news-length articles:
  synthetic  a few hundred articles written here (about 650 words: shuffled paragraphs of the fictional test
             fixtures and the bundled sample, figures varied so no two articles are equal), as .txt files in
             folders of ten, one event each; every event repeats the same paragraphs, the worst case for linking
  dev        (`--dev`) the 135 real news articles of the BASIL dev half in ../shared (45 events of three)
Then, in this one process and over alternating rounds (best of each kept, so other load disturbs the ratios less;
each round loads both pipelines afresh and forgets the project's caches, so no round starts with what an earlier
round over the same texts left behind, as a real ingest never does):
  bare      `nlp.pipe` of the plain spaCy model over the article bodies (the issue's baseline)
  spacy     `nlp.pipe` of the same model components the ingest runs (the project's attribute index in place of
            the model's attribute ruler, the claim detector switched off): the stricter baseline
  ingest    `ingest_paths` into a fresh SQLite file, one process (parsing, claims, SQL, linking per event)
and once `ingest` with `workers=2`. Wall and CPU seconds of this process are reported; the load average is printed
with each round because the machine may be shared.
Run: python -m benchmarks.bench_ingest [N_ARTICLES] [--dev] [--rounds R] [--no-workers]
"""

from __future__ import annotations

import os
import random
import re
import sys
import tempfile
from pathlib import Path

import spacy
from spacy.language import Language

from annotator.cli.annotate_cmds import sample_dir
from annotator.config import Settings
from annotator.extract import load_pipeline, read_inputs
from annotator.extract.pipeline import CLAIM_DETECTOR
from annotator.ingest import ingest_paths
from annotator.models import Article
from annotator.store import open_store
from benchmarks.timing import Timing, measure

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "articles"
DEV = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "attribution" / "basil_dev"
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


def timed_ingest(folder: Path, db_path: Path, workers: int, nlp) -> tuple[Timing, int]:
    """Wall and CPU seconds of one full ingest into a fresh database, and the number of claims stored.

    The pipeline is loaded before timing, as the bare baseline's is.
    """
    store = open_store(f"sqlite:///{db_path}")
    timing = measure(ingest_paths, store, [folder], settings=Settings(db=str(db_path)), workers=workers, nlp=nlp)
    store.close()
    assert timing.result.ok, timing.result.errors
    return timing, timing.result.claims


def fresh_pipelines(bodies: list[str]) -> tuple[Language, Language]:
    """The ingest's pipeline and the plain model, newly loaded and each run over the same first ten articles."""
    nlp = load_pipeline()
    plain = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    list(plain.pipe(bodies[:10]))
    list(nlp.pipe(bodies[:10]))
    return nlp, plain


def forget_cached_results() -> None:
    """Empty the linker's `functools` caches: tokens, dates and keys of the texts an earlier round read.

    Loaded tables (the given names, the configured model) stay, as the loaded pipelines do.
    """
    for name, module in list(sys.modules.items()):
        if name.startswith("annotator.link."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def option(argv: list[str], name: str, default: int) -> int:
    """The integer after `name` in argv, else `default`."""
    return int(argv[argv.index(name) + 1]) if name in argv else default


def main(argv: list[str]) -> int:
    rounds = option(argv, "--rounds", 3)
    numbers = [a for i, a in enumerate(argv) if a.isdigit() and (i == 0 or argv[i - 1] != "--rounds")]
    count = int(numbers[0]) if numbers else 300
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if "--dev" in argv:
            folder = DEV
            if not folder.is_dir():
                print(f"dev set not found at {folder}: nothing to measure")
                return 0
            bodies = [a.body for a in read_inputs([folder]) if isinstance(a, Article)]
            events = len([p for p in folder.iterdir() if p.is_dir()])
        else:
            folder = root / "articles"
            bodies = write_articles(folder, count)
            events = count // ARTICLES_PER_EVENT
        nlp, plain = fresh_pipelines(bodies)
        same = [name for name in nlp.pipe_names if name != CLAIM_DETECTOR]
        words = sum(len(body.split()) for body in bodies)
        print(f"{len(bodies)} articles ({words // len(bodies)} words each on average) in {events} events, "
              f"{rounds} rounds; pipeline {nlp.pipe_names}")
        runs: dict[str, list[Timing]] = {"bare": [], "spacy": [], "ingest": []}
        claims = 0
        for round_number in range(rounds):
            if round_number:
                nlp, plain = fresh_pipelines(bodies)
            forget_cached_results()
            runs["bare"].append(measure(lambda: sum(1 for _ in plain.pipe(bodies))))
            with nlp.select_pipes(enable=same):
                runs["spacy"].append(measure(lambda: sum(1 for _ in nlp.pipe(bodies))))
            timing, claims = timed_ingest(folder, root / f"one-{round_number}.db", workers=1, nlp=nlp)
            runs["ingest"].append(timing)
            print(f"  round {round_number + 1}: bare {runs['bare'][-1].wall:6.2f}s  spacy {runs['spacy'][-1].wall:6.2f}s"
                  f"  ingest {timing.wall:6.2f}s wall; cpu {runs['bare'][-1].cpu:6.2f}s {runs['spacy'][-1].cpu:6.2f}s "
                  f"{timing.cpu:6.2f}s; load average {os.getloadavg()[0]:.1f}")
        two = None if "--no-workers" in argv else timed_ingest(folder, root / "two.db", workers=2, nlp=nlp)[0]
    best = {name: (min(t.wall for t in timings), min(t.cpu for t in timings)) for name, timings in runs.items()}
    (bare, bare_cpu), (spacy_wall, spacy_cpu), (one, one_cpu) = best["bare"], best["spacy"], best["ingest"]
    print(f"bare nlp.pipe (plain model)       wall {bare:7.2f}s  cpu {bare_cpu:7.2f}s")
    print(f"nlp.pipe, ingest's spaCy stack    wall {spacy_wall:7.2f}s  cpu {spacy_cpu:7.2f}s")
    print(f"ingest, 1 process                 wall {one:7.2f}s  cpu {one_cpu:7.2f}s   {claims} claims   "
          f"{len(bodies) / one:.1f} articles/s")
    print(f"ingest / bare                     wall {one / bare:5.3f}x  cpu {one_cpu / bare_cpu:5.3f}x   (aim <= 1.05x)")
    print(f"ingest / same spaCy stack         wall {one / spacy_wall:5.3f}x  cpu {one_cpu / spacy_cpu:5.3f}x")
    if two is not None:
        print(f"ingest --workers 2 / bare         wall {two.wall / bare:5.3f}x   (aim < 1.0x; needs two idle cores)")
    print(f"load average at the end           {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
