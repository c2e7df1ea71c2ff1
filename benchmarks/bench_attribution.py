"""Attribution on real news: the BASIL dev half in ../shared/reference/attribution (45 events, 135 articles).

Reports, with the rules stated in `annotator.extract.scoring`:
  coverage          the marked quote lies inside one claim's source_text (320 quotes)
  speakers          the claim holding a quote by a named person names that person (105 quotes)
  non-name          attributed claims whose speaker string is not a name (share of all attributed claims)
  ingest / bare     `ingest_paths` of the 135 articles into a fresh SQLite file against bare `nlp.pipe` of the
                    plain model over the same bodies, one process, alternating rounds, best of each
Figures on this set are in-sample once you have looked at it. `-v` lists the misses (on stdout only: the article
texts stay in ../shared). Run: python benchmarks/bench_attribution.py [-v] [--no-timing] [ROUNDS]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from annotator.extract import extract_many, load_pipeline, read_inputs
from annotator.extract.scoring import load_marked_quotes, score_attribution
from annotator.models import Article

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "attribution"
GOALS = "aim: coverage >= 0.97, named speakers right >= 0.92, non-name speakers <= 0.01, ingest/bare <= 1.05x"


def dev_articles(root: Path) -> dict[str, Article]:
    """The dev articles keyed by their path relative to the dev folder (as the marked quotes name them)."""
    articles = {}
    for article in read_inputs([root / "basil_dev"]):
        if isinstance(article, Article):
            articles[Path(article.source).relative_to(root).as_posix()] = article
    return articles


def timings(nlp, articles: list[Article], rounds: int) -> tuple[float, float, float]:
    """Best wall seconds of bare `nlp.pipe` (plain model), `extract_many` and a full ingest into SQLite."""
    import spacy

    from annotator.config import Settings
    from annotator.ingest import ingest_paths
    from annotator.store import open_store

    plain = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    bodies = [a.body for a in articles]
    list(plain.pipe(bodies[:5]))
    bare, extract, ingest = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for round_number in range(rounds):
            started = time.perf_counter()
            sum(1 for _ in plain.pipe(bodies))
            bare.append(time.perf_counter() - started)
            started = time.perf_counter()
            sum(len(claims) for _, claims in extract_many(nlp, articles))
            extract.append(time.perf_counter() - started)
            db = Path(tmp) / f"dev-{round_number}.db"
            store = open_store(f"sqlite:///{db}")
            started = time.perf_counter()
            report = ingest_paths(store, [DEV / "basil_dev"], settings=Settings(db=str(db)), nlp=nlp)
            ingest.append(time.perf_counter() - started)
            store.close()
            assert report.ok, report.errors
    return min(bare), min(extract), min(ingest)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    timing = "--no-timing" not in argv
    numbers = [int(a) for a in argv if a.isdigit()]
    rounds = numbers[0] if numbers else 2
    quotes_file = DEV / "basil_dev_quotes.jsonl"
    if not quotes_file.is_file():
        print(f"dev set not found at {DEV}: nothing to measure")
        return 0
    marked = load_marked_quotes(quotes_file)
    by_file = dev_articles(DEV)
    nlp = load_pipeline()
    claims = {key: found for (key, _), (_, found) in zip(by_file.items(), extract_many(nlp, by_file.values()))}
    score = score_attribution(marked, claims)
    print(f"{len(by_file)} dev articles, {sum(len(c) for c in claims.values())} claims, {len(marked)} marked quotes; "
          f"load average {os.getloadavg()[0]:.1f}")
    print(score.summary())
    if verbose:
        for quote in score.uncovered:
            print(f"  not covered  {quote.file}: {quote.quote[:90]!r}")
        for quote, predicted in score.wrong_speakers:
            print(f"  speaker      {quote.file}: {quote.quote[:60]!r} -> {predicted!r}, marked {quote.speaker!r}")
        for speaker, count in Counter(score.non_names).most_common():
            print(f"  non-name     {count:3d} x {speaker!r}")
    if timing:
        bare, extract, ingest = timings(nlp, list(by_file.values()), rounds)
        print(f"bare nlp.pipe {bare:.2f}s, extract_many {extract:.2f}s, ingest {ingest:.2f}s (best of {rounds})")
        print(f"extract_many / bare {extract / bare:.3f}x   ingest / bare {ingest / bare:.3f}x")
    print(GOALS)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
