"""Benchmark: `--all` JSONL export of a million annotations against writing the same dicts with `json`.

Both sides read from a generator (models for the exporter, plain dicts for the baseline), so neither holds the data
in memory. Reported: CPU and wall time of each, the CPU time spent only in generating the input, the ratio of the two
exports (gross, and net of input generation: the exporter's own overhead; the aim is <= 1.5x) and the peak traced
memory of the exporter at a tenth of the size and at full size (flat means streaming).

Run: `.venv/bin/python -m benchmarks.bench_export [--records N]` (default 1,000,000).
"""

from __future__ import annotations

import argparse
import gc
import json
import tempfile
import tracemalloc
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

from annotator.export import ExportItem, export_dataset
from annotator.models import Annotation, ArticleRef, Claim
from benchmarks.timing import measure

ANNOTATORS = ("ana", "ben", "chloe", "dev")
LABELS = ("verified", "contested", "unverifiable", "not_a_claim")
START = datetime(2024, 1, 1, tzinfo=timezone.utc)
ARTICLES = [
    ArticleRef(id=f"art-{index}", source=f"events/e{index // 10}/a{index}.txt", url=f"https://news.example/{index}",
               title=f"Harbour report number {index}", outlet="News Example", published="2024-01-01")
    for index in range(200)
]


def claim_text(index: int) -> str:
    return f"The ferry service number {index} carried about {index % 977} passengers on its first day."


def annotation_fields(claim_index: int, slot: int) -> dict:
    moment = START + timedelta(seconds=claim_index * 7 + slot)
    return {
        "claim_id": f"c-{claim_index}",
        "annotator": ANNOTATORS[slot],
        "label": LABELS[(claim_index + slot) % len(LABELS)],
        "correction": None,
        "note": "Checked against the port log." if slot == 0 else None,
        "evidence": ["https://port.example/log"] if slot == 1 else [],
        "flagged": slot == 2,
        "created_at": moment,
        "updated_at": moment,
        "duration_ms": 1200 + slot,
    }


def model_items(n_records: int) -> Iterator[ExportItem]:
    """Claims with four validated annotations each, built one at a time as a database cursor would yield them."""
    per_claim = len(ANNOTATORS)
    for claim_index in range(n_records // per_claim):
        article = ARTICLES[claim_index % len(ARTICLES)]
        text = claim_text(claim_index)
        claim = Claim(id=f"c-{claim_index}", article=article, text=text, source_text=text, start=0, end=len(text))
        annotations = [Annotation(**annotation_fields(claim_index, slot)) for slot in range(per_claim)]
        yield ExportItem(claim, annotations)


def dict_records(n_records: int) -> Iterator[dict]:
    """The same records as plain JSON-ready dicts."""
    per_claim = len(ANNOTATORS)
    for claim_index in range(n_records // per_claim):
        article = ARTICLES[claim_index % len(ARTICLES)].model_dump()
        text = claim_text(claim_index)
        for slot in range(per_claim):
            record = annotation_fields(claim_index, slot)
            record["created_at"] = record["created_at"].isoformat().replace("+00:00", "Z")
            record["updated_at"] = record["updated_at"].isoformat().replace("+00:00", "Z")
            record["text"] = text
            record["article"] = article
            yield record


def baseline(n_records: int, out_dir: Path) -> None:
    """Write the dicts with the standard json module, one per line."""
    with open(out_dir / "baseline.jsonl", "w", encoding="utf-8") as handle:
        for record in dict_records(n_records):
            handle.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")


def exporter(n_records: int, out_dir: Path) -> int:
    manifest = export_dataset(model_items(n_records), fmt="jsonl", out_dir=out_dir, all_annotations=True)
    return manifest.counts["all"]


def drain(iterator: Iterator) -> None:
    for _ in iterator:
        pass


def peak_memory(n_records: int, out_dir: Path) -> int:
    gc.collect()
    tracemalloc.start()
    exporter(n_records, out_dir)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--no-memory", action="store_true", help="skip the (slower) traced-memory runs")
    n_records = parser.parse_args().records
    with tempfile.TemporaryDirectory() as folder:
        out_dir = Path(folder)
        exported, plain = measure(exporter, n_records, out_dir), measure(baseline, n_records, out_dir)
        export_wall, export_cpu, baseline_wall, baseline_cpu = exported.wall, exported.cpu, plain.wall, plain.cpu
        model_input_cpu = measure(drain, model_items(n_records)).cpu
        dict_input_cpu = measure(drain, dict_records(n_records)).cpu
        exported = (out_dir / "jsonl-annotations.jsonl").read_bytes()
        assert exported.count(b"\n") == n_records
        print(f"records                 {n_records:>12,}")
        print(f"export (--all jsonl)    {export_cpu:>10.2f} s CPU, {export_wall:.2f} s wall "
              f"({n_records / export_wall:,.0f} records/s)")
        print(f"baseline (json.dumps)   {baseline_cpu:>10.2f} s CPU, {baseline_wall:.2f} s wall "
              f"({n_records / baseline_wall:,.0f} records/s)")
        print(f"input: models / dicts   {model_input_cpu:>10.2f} s CPU / {dict_input_cpu:.2f} s CPU")
        print(f"ratio gross             {export_cpu / baseline_cpu:>10.2f} x")
        net_ratio = (export_cpu - model_input_cpu) / (baseline_cpu - dict_input_cpu)
        print(f"ratio net of input      {net_ratio:>10.2f} x  (aim <= 1.5x)")
        if not parser.parse_args().no_memory:
            small = peak_memory(n_records // 10, out_dir)
            full = peak_memory(n_records, out_dir)
            print(f"peak traced memory      {small / 2**20:>10.2f} MiB at {n_records // 10:,} records, "
                  f"{full / 2**20:.2f} MiB at {n_records:,} (ratio {full / small:.2f})")


if __name__ == "__main__":
    main()
