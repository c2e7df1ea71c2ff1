"""Import and merge of 100,000 and 1,000,000 annotations against exporting the same, with peak memory.

For each size N, a SQLite database gets N/10 fictional claims (articles of 100 claims, added as an ingest would)
and a JSONL file of N annotation records (10 annotators per claim). Then, each as its own `annotator` process
(wall time and peak resident memory from wait4):

- import: `annotator import FILE` into the database;
- export: `annotator export --all` of the same N annotations (the baseline: the same records, read not written);
- merge: `annotator merge` of that database into a copy holding the same claims but no annotations.

Acceptance (issue 19): import of 1,000,000 takes at most 2x the export, and peak memory does not grow with N.
Run: python -m benchmarks.bench_import [N ...]   (default 100000 1000000)
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


def run_size(annotations: int, folder: Path) -> dict[str, tuple[float, float, float]]:
    claims = annotations // ANNOTATORS_PER_CLAIM
    base = folder / f"claims-{annotations}.db"
    build_claims(f"sqlite:///{base}", claims)
    records = folder / f"records-{annotations}.jsonl"
    write_records(records, claims)
    target = folder / f"import-{annotations}.db"
    merged = folder / f"merge-{annotations}.db"
    shutil.copy(base, target)
    shutil.copy(base, merged)
    results = {
        "import": timed("import", str(records), "--db", str(target)),
        "export": timed("export", "--all", "--out", str(folder / f"out-{annotations}"), "--db", str(target)),
        "merge": timed("merge", str(target), "--db", str(merged)),
    }
    for path in (base, records):
        path.unlink()
    return results


def main() -> None:
    sizes = [int(value) for value in sys.argv[1:]] or [100_000, 1_000_000]
    print(f"{'annotations':>12} {'step':>7} {'seconds':>9} {'x export':>9} {'CPU s':>7} {'x export':>9} {'peak MB':>8}")
    with tempfile.TemporaryDirectory(prefix="bench-import-") as temporary:
        for size in sizes:
            results = run_size(size, Path(temporary))
            export_seconds, export_cpu, _ = results["export"]
            for step, (seconds, cpu, peak) in results.items():
                print(f"{size:>12,} {step:>7} {seconds:>9.1f} {seconds / export_seconds:>8.2f}x {cpu:>7.1f} "
                      f"{cpu / export_cpu:>8.2f}x {peak:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
