"""Routing throughput: annotations per second with 1, 4 and 16 concurrent clients, on PostgreSQL and SQLite.

Each client is its own process that reserves the next claim (`reserve_next_claim`, overlap 2) and saves a label
(`store.annotations.save(..., overlap=2)`) until its queue is empty, as reviewers in a team would. Afterwards the database
is checked for over-assignment (claims with more than 2 annotators; must be 0) and for (claim, annotator) pairs
served twice. PostgreSQL is a throwaway server started here (Debian's binaries); it is skipped if unavailable.
Run: python -m benchmarks.bench_routing [N_CLAIMS]
"""

from __future__ import annotations

import multiprocessing
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from annotator.models import Annotation
from annotator.store import open_store
from tests.pgserver import PostgresUnavailable, start_server
from tests.test_routing import seed_claims

OVERLAP = 2


def seed(url: str, n_claims: int) -> None:
    store = open_store(url)
    seed_claims(store, n_claims)
    store.close()


def client(url: str, name: str, start_event, results) -> None:
    store = open_store(url)
    start_event.wait()
    saved = 0
    while (claim := store.routing.reserve_next(name, overlap=OVERLAP, lease_seconds=300)) is not None:
        store.annotations.save(Annotation(claim_id=claim.id, annotator=name, label="verified"), overlap=OVERLAP)
        saved += 1
    results.append((name, saved, time.perf_counter()))
    store.close()


def run(url: str, clients: int) -> tuple[float, int, int]:
    """Seconds to drain the queue, annotations saved, claims over the overlap."""
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        start_event, results = manager.Event(), manager.list()
        processes = [context.Process(target=client, args=(url, f"c{i}", start_event, results))
                     for i in range(clients)]
        for process in processes:
            process.start()
        time.sleep(1.0 + 0.15 * clients)
        started = time.perf_counter()
        start_event.set()
        for process in processes:
            process.join()
        finished = max(end for _, _, end in results)
        saved = sum(count for _, count, _ in results)
    store = open_store(url)
    per_claim = Counter(vote.claim_id for vote in store.annotations.votes())
    store.close()
    over = sum(1 for count in per_claim.values() if count > OVERLAP)
    return finished - started, saved, over


def main() -> int:
    n_claims = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    backends = []
    tmp = Path(tempfile.mkdtemp())
    server = None
    try:
        server = start_server()
        backends.append(("postgresql", lambda name: server.create_database(name)))
    except PostgresUnavailable as exc:
        print(f"PostgreSQL skipped: {exc}")
    backends.append(("sqlite", lambda name: f"sqlite:///{tmp / name}.db"))
    print(f"{n_claims} claims, overlap {OVERLAP}: a run saves {n_claims} annotations per distinct annotator, up to {OVERLAP}")
    print(f"{'backend':<11} {'clients':>7} {'seconds':>8} {'annotations/s':>14} {'over-assigned':>14}")
    try:
        for backend, make_url in backends:
            for clients in (1, 4, 16):
                url = make_url(f"routing_{backend}_{clients}")
                seed(url, n_claims)
                seconds, saved, over = run(url, clients)
                print(f"{backend:<11} {clients:>7} {seconds:>8.2f} {saved / seconds:>14.1f} {over:>14}")
                expected = n_claims * min(clients, OVERLAP)
                assert saved == expected, f"{saved} saved, expected {expected}"
    finally:
        if server is not None:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
