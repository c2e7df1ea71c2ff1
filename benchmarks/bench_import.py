"""Import and merge of 100,000 and 1,000,000 annotations against exporting the same, with peak memory.

For each size N, a SQLite database gets N/10 fictional claims (articles of 100 claims, added as an ingest would)
and a JSONL file of N annotation records (10 annotators per claim). Then, each as its own `annotator` process
(wall time and peak resident memory from wait4):

- import: `annotator import FILE` into the database;
- export: `annotator export --all` of the same N annotations (the baseline: the same records, read not written);
- merge: `annotator merge` of that database into a copy holding the same claims but no annotations.

With `--postgres` the same runs on a throwaway PostgreSQL server (tests/pgserver.py, as the test suite starts
it: fsync off, so both import and export are timed without waiting on the disk); the merge copy is a template
copy of the claims database. The CPU column there is the `annotator` process's alone, not the server's.

Acceptance (issue 19): import of 1,000,000 takes at most 2x the export, and peak memory does not grow with N.
Wall time is what the user waits; CPU time (user + system) is shown beside it because the machine is shared.
Run: python -m benchmarks.bench_import [--postgres] [N ...]   (default 100000 1000000)
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from annotator.models import Article, Claim
from annotator.store import open_store

ANNOTATOR = str(Path(sys.executable).with_name("annotator"))
CLAIMS_PER_ARTICLE = 100
ANNOTATORS_PER_CLAIM = 10
LABELS = ("verified", "contested", "unverifiable", "not_a_claim")


def build_claims(url: str, claims: int) -> None:
    """Fictional articles of 100 one-sentence claims each."""
    store = open_store(url)
    for number in range(max(1, claims // CLAIMS_PER_ARTICLE)):
        sentences = [f"Officials in district {number} said site {i} counted {100 + i * 7} visitors on day {i % 28 + 1}."
                     for i in range(CLAIMS_PER_ARTICLE)]
        body = " ".join(sentences)
        article = Article(id=f"b{number:06d}", source=f"bench/{number:06d}.txt", body=body, content_hash=f"b{number}")
        rows, cursor = [], 0
        for position, sentence in enumerate(sentences):
            start = body.index(sentence, cursor)
            cursor = start + len(sentence)
            rows.append(Claim(id=f"b{number:06d}-{position:03d}", article=article.ref(), text=sentence,
                              source_text=sentence, start=start, end=cursor, position=position, kind="event"))
        store.articles.add(article, rows)
    store.db.analyze()
    store.close()


def write_records(path: Path, claims: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for index in range(claims):
            claim_id = f"b{index // CLAIMS_PER_ARTICLE:06d}-{index % CLAIMS_PER_ARTICLE:03d}"
            for annotator in range(ANNOTATORS_PER_CLAIM):
                out.write(json.dumps({
                    "claim_id": claim_id, "annotator": f"annotator-{annotator:02d}",
                    "label": LABELS[(index + annotator) % len(LABELS)], "note": "bench", "duration_ms": 1200,
                    "created_at": "2026-06-01T10:00:00Z", "updated_at": "2026-06-01T10:00:00Z",
                }) + "\n")


def timed(*args: str) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak resident MB of one `annotator` process."""
    started = time.perf_counter()
    pid = os.spawnv(os.P_NOWAIT, ANNOTATOR, [ANNOTATOR, *args])
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"annotator {' '.join(args)} failed")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def run_size(annotations: int, folder: Path, server=None) -> dict[str, tuple[float, float, float]]:
    """Import, export and merge of `annotations` records, on SQLite files or on `server`'s databases."""
    claims = annotations // ANNOTATORS_PER_CLAIM
    records = folder / f"records-{annotations}.jsonl"
    write_records(records, claims)
    if server is None:
        base = folder / f"claims-{annotations}.db"
        build_claims(f"sqlite:///{base}", claims)
        target, merged = (str(folder / f"{step}-{annotations}.db") for step in ("import", "merge"))
        shutil.copy(base, target)
        shutil.copy(base, merged)
        base.unlink()
    else:
        base_name = f"bench_claims_{annotations}"
        build_claims(server.create_database(base_name), claims)
        target, merged = (copy_database(server, base_name, f"bench_{step}_{annotations}") for step in ("import", "merge"))
    results = {
        "import": timed("import", str(records), "--db", target),
        "export": timed("export", "--all", "--out", str(folder / f"out-{annotations}"), "--db", target),
        "merge": timed("merge", target, "--db", merged),
    }
    records.unlink()
    return results


def copy_database(server, template: str, name: str) -> str:
    """A PostgreSQL database created as a copy of `template` (a file copy, much faster than adding the claims)."""
    import psycopg

    with psycopg.connect(f"host=127.0.0.1 port={server.port} user=postgres dbname=postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return server.url(name)


def main() -> None:
    arguments = sys.argv[1:]
    postgres = "--postgres" in arguments
    sizes = [int(value) for value in arguments if value != "--postgres"] or [100_000, 1_000_000]
    server = None
    if postgres:
        from tests.pgserver import start_server

        server = start_server()
    print(f"database: {'PostgreSQL (tests/pgserver.py)' if postgres else 'SQLite file'}; load {os.getloadavg()}")
    print(f"{'annotations':>12} {'step':>7} {'seconds':>9} {'x export':>9} {'CPU s':>7} {'x export':>9} {'peak MB':>8}")
    try:
        with tempfile.TemporaryDirectory(prefix="bench-import-") as temporary:
            for size in sizes:
                results = run_size(size, Path(temporary), server)
                export_seconds, export_cpu, _ = results["export"]
                for step, (seconds, cpu, peak) in results.items():
                    print(f"{size:>12,} {step:>7} {seconds:>9.1f} {seconds / export_seconds:>8.2f}x {cpu:>7.1f} "
                          f"{cpu / export_cpu:>8.2f}x {peak:>8.0f}", flush=True)
                print(f"load {os.getloadavg()}", flush=True)
    finally:
        if server is not None:
            server.stop()

if __name__ == "__main__":
    main()
