"""The full agreement report from the database: 1,000,000 annotations in SQLite, read and reported.

Builds (once, cached under /tmp) a SQLite database with 250,000 claims and 4 annotators each, then times, in this
run: reading the votes with `store.annotations.votes`, `build_report` over them, and the same rows read with plain
sqlite3 as a baseline for the read. Aim: the whole report under 5 seconds.
Run: python -m benchmarks.bench_agreement_db
"""

from __future__ import annotations

import random
import sqlite3
import sys
from pathlib import Path

from annotator.agreement import build_report
from annotator.models import DEFAULT_LABELS
from annotator.store import open_store
from benchmarks.timing import measure, ratio

DB_PATH = Path("/tmp/annotator_bench_agreement.db")
N_CLAIMS, ANNOTATORS = 250_000, ("ana", "ben", "cai", "dee")


def build_database() -> None:
    """Create the schema through the Store, then bulk-load rows with sqlite3 (fast, same tables)."""
    store = open_store(f"sqlite:///{DB_PATH}")
    store.close()
    rng = random.Random(1)
    labels = [label.name for label in DEFAULT_LABELS]
    connection = sqlite3.connect(DB_PATH)
    now = "2025-01-01 00:00:00.000000"
    connection.execute("INSERT INTO articles (id, ingest_order, source, body, content_hash, created_at) "
                       "VALUES ('bench', 1, 'bench.txt', 'x', 'bench', ?)", (now,))
    connection.executemany(
        "INSERT INTO claims (id, article_id, position, text, source_text, start, \"end\", kind, checkworthiness, "
        "needs_context, corroborated_by, conflicts, entities) VALUES (?, 'bench', ?, 'x', 'x', 0, 1, 'event', 0.5, "
        "0, '[]', '[]', '[]')",
        ((f"c{i:07d}", i) for i in range(N_CLAIMS)),
    )
    connection.executemany("INSERT INTO annotators (name, created_at) VALUES (?, ?)",
                           ((name, now) for name in ANNOTATORS))

    def rows():
        for i in range(N_CLAIMS):
            truth = rng.choice(labels)
            for name in ANNOTATORS:
                label = truth if rng.random() < 0.8 else rng.choice(labels)
                yield (f"c{i:07d}", name, label, now, now)

    connection.executemany(
        "INSERT INTO annotations (claim_id, annotator, label, evidence, flagged, created_at, updated_at) "
        "VALUES (?, ?, ?, '[]', 0, ?, ?)", rows())
    connection.commit()
    connection.close()


def plain_read() -> list[tuple]:
    """The same votes read with plain sqlite3: the baseline."""
    connection = sqlite3.connect(DB_PATH)
    rows = connection.execute("SELECT claim_id, annotator, label FROM annotations").fetchall()
    connection.close()
    return rows


def main() -> int:
    if not DB_PATH.exists():
        print("building the database (once) ...")
        build_database()
    store = open_store(f"sqlite:///{DB_PATH}")
    plain = measure(plain_read)
    baseline, baseline_read = plain.result, plain.wall
    reading = measure(store.annotations.votes)
    votes, read = reading.result, reading.wall
    computing = measure(build_report, votes, labels=[label.name for label in DEFAULT_LABELS])
    report, compute = computing.result, computing.wall
    store.close()
    print(f"{len(votes):,} annotations on {report.n_items:,} claims; alpha {report.krippendorff_alpha:.4f}")
    print(f"read with plain sqlite3     {baseline_read:6.2f} s  ({len(baseline):,} rows)")
    print(f"read with annotations.votes {read:6.2f} s  ({ratio(read, baseline_read):.2f}x plain sqlite3)")
    print(f"build_report                  {compute:6.2f} s")
    print(f"full report from the database {read + compute:6.2f} s  (aim < 5 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
