"""Benchmark: one event growing to 1,000, 5,000 and 20,000 articles, added and linked 100 articles at a time.

Each size runs in a process of its own on a fresh SQLite file. Articles are fictional, generated from the templates
of `bench_link` (meetings, troop counts, quotations, refugee counts, denials over a shared cast), each of
CLAIMS_PER_ARTICLE claims; about a third of an article's claims repeat a statement of a recent article in other
words, so new claims keep joining stored groups. After each batch of 100 articles is stored, its claims are linked
into the event as an ingest links them (`ingest.link_new`). Reported per size: link time per batch over the first
and the last tenth of the batches (ms per claim) and the median of every tenth, resident memory after the first and
the last batch, peak memory while linking and in all (with the final read of every claim), how often a stored
claim's features were found in the feature cache, and the pairwise precision and recall of the groups against the
statements the claims were made from.

With `--relink`, the event is then linked again from scratch (`annotator relink`), in the same process.
With `--baseline`, the first size is also linked as before the link index: the whole event again after each batch.

Acceptance (issue 19): time per batch does not grow with the event (time proportional to claims) and memory
stays flat. Run: `python -m benchmarks.bench_link_growth [--sizes 1000 5000 20000] [--baseline]`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from annotator.models import Article, Claim, EntitySpan
from benchmarks.bench_link import Cast, _statements, pairwise_scores

BATCH = 100
CLAIMS_PER_ARTICLE = 5
REPEAT_SHARE = 0.35
RECENT = 400
"""Statements of the last articles that a new article may repeat."""
EVENT = "running-story"


class Story:
    """Fictional articles of one running story, generated one at a time; a longer story has a larger cast."""

    def __init__(self, seed: int, articles: int) -> None:
        self.rng = random.Random(seed)
        self.cast = Cast(self.rng, people=300 + articles // 4, countries=24 + articles // 200,
                         places=200 + articles // 8)
        self.names = sorted(set(self.cast.people) | set(self.cast.countries) | set(self.cast.capitals.values())
                            | set(self.cast.places) | {n.split()[-1] for n in self.cast.people}, key=len, reverse=True)
        self.rank = {name: k for k, name in enumerate(self.names)}
        self.by_prefix: dict[str, list[str]] = {}
        for name in self.names:
            self.by_prefix.setdefault(name[:2], []).append(name)
        self.recent: list[tuple[int, list[str]]] = []
        self.statements = 0
        self.truth: dict[str, int] = {}

    def article(self, number: int) -> tuple[Article, list[Claim]]:
        chosen: list[tuple[int, str]] = []
        for _ in range(CLAIMS_PER_ARTICLE):
            if self.recent and self.rng.random() < REPEAT_SHARE:
                statement, wordings = self.rng.choice(self.recent)
            else:
                statement, wordings = self.statements, _statements(self.cast, self.rng)
                self.statements += 1
                self.recent = (self.recent + [(statement, wordings)])[-RECENT:]
            chosen.append((statement, self.rng.choice(wordings)))
        body = " ".join(text for _, text in chosen)
        article = Article(id=f"story-{number:06d}", source=f"story/{number:06d}.txt", outlet=f"Outlet {number % 41}",
                          published="2023-03-10", body=body, content_hash=f"story-{number}", event=EVENT)
        claims, cursor = [], 0
        for position, (statement, text) in enumerate(chosen):
            start = body.index(text, cursor)
            cursor = start + len(text)
            claim_id = f"{article.id}-{position:02d}"
            self.truth[claim_id] = statement
            claims.append(Claim(id=claim_id, article=article.ref(), text=text, source_text=text, start=start,
                                end=cursor, kind="event", position=position, entities=self._entities(text)))
        return article, claims

    def _entities(self, text: str) -> list[EntitySpan]:
        found: list[EntitySpan] = []
        present = {name for at in range(len(text) - 1) for name in self.by_prefix.get(text[at:at + 2], ())
                   if text.startswith(name, at)}  # the names in the text, without searching for every name
        for name in sorted(present, key=self.rank.__getitem__):
            at = text.find(name)
            if at >= 0 and not any(e.start <= at < e.end for e in found):
                place = name in self.cast.countries or name in self.cast.capitals.values()
                found.append(EntitySpan(text=name, label="GPE" if place else "PERSON", start=at, end=at + len(name)))
        return sorted(found, key=lambda e: e.start)


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2 ** 20


def run_one(articles: int, baseline: bool, seed: int, relink_too: bool = False,
            features_kept: int | None = None, progress: bool = False) -> dict:
    """Grow one event to `articles` articles in a fresh database; per-batch link seconds and memory."""
    from annotator.ingest import feature_cache, link_new, relink_event
    from annotator.link import link_claims
    from annotator.link.feature_cache import FeatureCache
    from annotator.store import open_store

    story = Story(seed, articles)
    with tempfile.TemporaryDirectory(prefix="bench-link-growth-") as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'story.db'}")
        cache = feature_cache() if features_kept is None else FeatureCache(features_kept)
        seconds, cpu_seconds, memory = [], [], []
        for first in range(0, articles, BATCH):
            batch = [story.article(number) for number in range(first, min(articles, first + BATCH))]
            for article, claims in batch:
                store.articles.add(article, claims)
            new = [claim for _, claims in batch for claim in claims]
            started, cpu = time.perf_counter(), time.process_time()
            if baseline:
                stored = list(store.claims.all(event=EVENT, include_superseded=False))
                store.claims.update_links(link_claims(stored))
            else:
                link_new(store, EVENT, new, cache=cache)
            seconds.append(time.perf_counter() - started)
            cpu_seconds.append(time.process_time() - cpu)
            memory.append(resident_mb())
            if progress:
                print(f"{articles:,} articles, batch {len(seconds)}: {1e3 * seconds[-1] / len(new):.2f} ms/claim, "
                      f"CPU {1e3 * cpu_seconds[-1] / len(new):.2f} ms/claim, "
                      f"{memory[-1]:.0f} MB", file=sys.stderr, flush=True)
        linking_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        linked = list(store.claims.all(event=EVENT))
        precision, recall = pairwise_scores(linked, story.truth)
        relink = 0.0
        if relink_too:
            started = time.perf_counter()
            relink_event(store, EVENT)
            relink = time.perf_counter() - started
        store.close()
    return {"seconds": seconds, "memory": memory, "claims": len(linked), "precision": precision, "recall": recall,
            "relink": relink, "linking_peak": linking_peak, "cpu": cpu_seconds, "hits": cache.hits,
            "misses": cache.misses}


def measured(articles: int, baseline: bool, seed: int, relink: bool = False,
             features_kept: int | None = None, progress: bool = False) -> tuple[dict, float]:
    """run_one in a child process, and its peak resident memory in MB."""
    command = [sys.executable, "-m", "benchmarks.bench_link_growth", "--one", str(articles), "--seed", str(seed)]
    if baseline:
        command.append("--baseline")
    if relink:
        command.append("--relink")
    if features_kept is not None:
        command += ["--features-kept", str(features_kept)]
    if progress:
        command.append("--progress")
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(child.pid, 0)
    output = child.stdout.read() if child.stdout else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return json.loads(output), usage.ru_maxrss / 1024


def report(label: str, articles: int, result: dict, peak: float) -> None:
    per_claim = BATCH * CLAIMS_PER_ARTICLE
    seconds = result["seconds"]
    tenth = max(1, len(seconds) // 10)
    tenths = [1e3 * statistics.median(seconds[at:at + tenth]) / per_claim for at in range(0, len(seconds), tenth)]
    looked_up = result.get("hits", 0) + result.get("misses", 0)
    print(f"{label:>9} {articles:>7,} articles {result['claims']:>7,} claims: link {sum(seconds):7.1f} s; per batch "
          f"first tenth {tenths[0]:5.2f} ms/claim, last tenth {tenths[-1]:5.2f} ms/claim "
          f"(last/first {tenths[-1] / tenths[0]:.2f}); "
          f"memory {result['memory'][0]:.0f} -> {result['memory'][-1]:.0f} MB, "
          f"peak {result.get('linking_peak', peak):.0f} MB linking, {peak:.0f} MB in all; "
          f"pairwise P {result['precision']:.3f} R {result['recall']:.3f}"
          + (f"; cache hits {result['hits'] / looked_up:.1%}" if looked_up else "")
          + (f"; relink from scratch {result['relink']:.1f} s" if result["relink"] else ""), flush=True)
    print(f"{'':>9} ms/claim by tenth: " + " ".join(f"{t:.2f}" for t in tenths), flush=True)
    if result.get("cpu"):
        cpu = result["cpu"]
        print(f"{'':>9} CPU ms/claim by tenth: " + " ".join(
            f"{1e3 * statistics.median(cpu[at:at + tenth]) / per_claim:.2f}" for at in range(0, len(cpu), tenth)),
            flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--baseline", action="store_true", help="also link the first size as a whole after each batch")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--features-kept", type=int, help="features kept between batches (default: ingest's)")
    parser.add_argument("--relink", action="store_true", help="then time `relink` of the event from scratch")
    parser.add_argument("--progress", action="store_true", help="print each batch's time and memory on stderr")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.baseline, args.seed, args.relink, args.features_kept, args.progress)))
        return
    print(f"load average {os.getloadavg()[0]:.1f}; {BATCH} articles of {CLAIMS_PER_ARTICLE} claims per batch")
    if args.baseline:
        report("whole", args.sizes[0], *measured(args.sizes[0], True, args.seed))
    for size in args.sizes:
        report("indexed", size, *measured(size, False, args.seed, args.relink, args.features_kept, args.progress))
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
