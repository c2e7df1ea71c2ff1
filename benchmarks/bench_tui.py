"""Annotation UI speed on 100,000 claims: time to the first claim, and keypress -> saved -> next claim shown.

A quick in-process check: the per-key figures come from a Pilot harness with a floor of its own that hides the cost
of drawing, so they do not speak for latency. What a reviewer feels is measured in a real terminal by
benchmarks/bench_terminal.py. Targets here: first claim under 1.5 s, flat memory on 10x the claims.

    .venv/bin/python benchmarks/bench_tui.py [--presses 200] [--db /tmp/annotator_bench_tui.db] [--overlap K]

With `--overlap K` the annotation screen routes claims (each key saves with the overlap and reserves the next claim),
so the figures include the Store's routing query.

The database is generated once (1,000 articles x 100 claims) and reused between runs; each run labels as a new
annotator, so it always starts from an unlabelled queue.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import statistics
import time
import tracemalloc
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from annotator.config import Settings
from annotator.models import Article, Claim
from annotator.store import open_store
from annotator.tui import make_app
from annotator.tui.screens import AnnotateScreen

ARTICLES = 1_000
CLAIMS_PER_ARTICLE = 100
SENTENCES_PER_PARAGRAPH = 5


def build_database(path: Path, articles: int = ARTICLES) -> None:
    """Write fictional articles (1,000 by default) of 100 one-sentence claims each."""
    store = open_store(f"sqlite:///{path}")
    started = time.perf_counter()
    for number in range(articles):
        sentences = [
            f"Officials in district {number} said that site {i} counted {100 + i * 7} visitors on day {i % 28 + 1}."
            for i in range(CLAIMS_PER_ARTICLE)
        ]
        paragraphs = [" ".join(sentences[i : i + SENTENCES_PER_PARAGRAPH])
                      for i in range(0, CLAIMS_PER_ARTICLE, SENTENCES_PER_PARAGRAPH)]
        body = "\n\n".join(paragraphs)
        article = Article(id=f"art{number:05d}", source=f"bench/{number:05d}.txt", outlet=f"Outlet {number % 37}",
                          title=f"District {number} visitor counts", body=body,
                          content_hash=hashlib.sha256(body.encode()).hexdigest())
        claims, cursor = [], 0
        for position, sentence in enumerate(sentences):
            start = body.index(sentence, cursor)
            cursor = start + len(sentence)
            claims.append(Claim(id=f"art{number:05d}-c{position:03d}", article=article.ref(), text=sentence,
                                source_text=sentence, start=start, end=cursor, kind="statistic",
                                speaker="Officials", checkworthiness=0.6, position=position))
        store.articles.add(article, claims)
    store.db.analyze()
    store.close()
    print(f"generated {articles * CLAIMS_PER_ARTICLE:,} claims in {time.perf_counter() - started:.1f} s -> {path}")


class MinimalApp(App[None]):
    """The baseline: one key updates one text widget."""

    BINDINGS = [Binding("v", "next", show=False)]

    def __init__(self) -> None:
        super().__init__()
        self.shown = 0

    def compose(self) -> ComposeResult:
        yield Static("claim 0", id="text")

    def action_next(self) -> None:
        self.shown += 1
        self.query_one("#text", Static).update(f"claim {self.shown}")


async def _wait_until(condition, timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the screen did not change in time")
        await asyncio.sleep(0.0002)


async def time_presses(pilot, presses: int, shown) -> list[float]:
    """Seconds from each `v` press until `shown()` changes and the screen has refreshed."""
    timings = []
    for _ in range(presses):
        before = shown()
        started = time.perf_counter()
        await pilot.press("v")
        await _wait_until(lambda: shown() != before)
        await pilot.pause()
        timings.append(time.perf_counter() - started)
    return timings


async def bench_annotator(url: str, presses: int, overlap: int | None) -> tuple[float, list[float]]:
    """Time to first claim and per-key latencies of the annotation screen."""
    started = time.perf_counter()
    store = open_store(url)
    app = make_app(store, Settings(labels_file=None, guidelines_file=None, overlap=overlap),
                   annotator=f"bench-{os.getpid()}-{int(time.time())}")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = None

        def first_shown() -> bool:
            nonlocal screen
            screen = next((s for s in app.screen_stack if isinstance(s, AnnotateScreen)), None)
            return screen is not None and screen.session.shown_claim_id is not None and not screen.session.keys.busy

        await _wait_until(first_shown)
        await pilot.pause()
        first_claim = time.perf_counter() - started
        latencies = await time_presses(pilot, presses, lambda: (screen.session.shown_claim_id, screen.session.keys.busy))
    store.close()
    return first_claim, latencies


async def bench_baseline(presses: int) -> list[float]:
    """Per-key latencies of the minimal app under the same harness."""
    app = MinimalApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        return await time_presses(pilot, presses, lambda: app.shown)


def peak_memory(url: str, presses: int) -> float:
    """Peak MiB of Python allocations during a session of `presses` decisions (traced apart from the timings)."""
    tracemalloc.start()
    asyncio.run(bench_annotator(url, presses, None))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/annotator_bench_tui.db"))
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--overlap", type=int, default=None, help="route claims with this overlap")
    args = parser.parse_args()
    if not args.db.exists():
        build_database(args.db)
    url = f"sqlite:///{args.db}"

    baseline = asyncio.run(bench_baseline(args.presses))
    first_claim, latencies = asyncio.run(bench_annotator(url, args.presses, args.overlap))

    app_p50, app_p95 = percentile(latencies, 0.5), percentile(latencies, 0.95)
    base_p50, base_p95 = percentile(baseline, 0.5), percentile(baseline, 0.95)
    print(f"claims in database       {ARTICLES * CLAIMS_PER_ARTICLE:,}"
          + (f"   routed, overlap {args.overlap}" if args.overlap else ""))
    print(f"time to first claim      {first_claim:.3f} s   (target < 1.5 s)")
    print(f"annotator key->saved->next  p50 {app_p50 * 1000:7.2f} ms   p95 {app_p95 * 1000:7.2f} ms"
          f"   mean {statistics.mean(latencies) * 1000:.2f} ms")
    print(f"minimal app key->shown      p50 {base_p50 * 1000:7.2f} ms   p95 {base_p95 * 1000:7.2f} ms")
    print(f"ratio p50 {app_p50 / base_p50:.2f}x   p95 {app_p95 / base_p95:.2f}x   (Pilot harness: see bench_terminal.py for latency)")
    small = args.db.with_name(args.db.stem + "_10k.db")
    if not small.exists():
        build_database(small, articles=ARTICLES // 10)
    small_peak, large_peak = peak_memory(f"sqlite:///{small}", 50), peak_memory(url, 50)
    print(f"peak Python memory, 50 decisions: {small_peak:.1f} MiB on 10,000 claims, {large_peak:.1f} MiB on "
          f"100,000 claims ({large_peak / small_peak:.2f}x for 10x the claims)")


if __name__ == "__main__":
    main()
