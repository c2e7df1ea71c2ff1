"""Export from the database: 1,000,000 annotation records (`export --all`, jsonl) against plain SQL + json.

Uses the database built by bench_agreement_db.py (250,000 claims x 4 annotators, cached under /tmp). Times, in this
run: `export_dataset(store.export.items(), fmt="jsonl", all_annotations=True)` and a baseline that selects the same
rows joined with claims and articles through sqlite3 and writes one `json.dumps` line per row. The process's peak RSS
before and after the export shows memory stays flat. Aim: export <= 1.5x the baseline.
Run: python -m benchmarks.bench_export_db
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import resource
from pathlib import Path

from annotator.export import export_dataset
from annotator.store import open_store
from benchmarks.bench_agreement_db import DB_PATH, build_database
from benchmarks.timing import measure, ratio

BASELINE_SQL = """
SELECT a.claim_id, a.annotator, a.label, a.correction, a.note, a.evidence, a.flagged, a.created_at, a.updated_at,
       a.duration_ms, c.text, r.id, r.source, r.url, r.title, r.outlet, r.published
FROM annotations a JOIN claims c ON c.id = a.claim_id JOIN articles r ON r.id = c.article_id
ORDER BY a.claim_id, a.annotator
"""


def baseline(out: Path) -> int:
    connection = sqlite3.connect(DB_PATH)
    rows = 0
    with out.open("w", encoding="utf-8") as handle:
        for row in connection.execute(BASELINE_SQL):
            record = {
                "claim_id": row[0], "annotator": row[1], "label": row[2], "correction": row[3], "note": row[4],
                "evidence": json.loads(row[5]), "flagged": bool(row[6]), "created_at": row[7], "updated_at": row[8],
                "duration_ms": row[9], "text": row[10],
                "article": {"id": row[11], "source": row[12], "url": row[13], "title": row[14], "outlet": row[15],
                            "published": row[16]},
            }
            handle.write(json.dumps(record) + "\n")
            rows += 1
    connection.close()
    return rows


def main() -> int:
    if not DB_PATH.exists():
        print("building the database (once) ...")
        build_database()
    with tempfile.TemporaryDirectory() as tmp:
        plain = measure(baseline, Path(tmp) / "baseline.jsonl")
        rows, base = plain.result, plain.wall
        store = open_store(f"sqlite:///{DB_PATH}")
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        exporting = measure(export_dataset, store.export.items(), fmt="jsonl", out_dir=Path(tmp) / "export",
                            all_annotations=True, source_db=store.db.url)
        manifest, ours = exporting.result, exporting.wall
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        store.close()
    print(f"baseline sqlite3 + json     {base:7.2f} s  ({rows:,} records)")
    print(f"annotator export --all      {ours:7.2f} s  ({manifest.summary()})")
    print(f"ratio                       {ratio(ours, base):7.2f}x  (aim <= 1.5x)")
    print(f"peak RSS before / after     {rss_before / 1024:7.1f} / {rss_after / 1024:.1f} MiB (flat: the export streams)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
