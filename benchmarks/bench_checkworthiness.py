"""Check-worthiness against ClaimBuster's balanced two-class test set: precision, recall, F1 and ROC AUC.

Run: python benchmarks/bench_checkworthiness.py  (skips with a message when ../shared is absent)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from annotator.extract import load_pipeline
from annotator.extract.checkworthiness import CHECKWORTHY_THRESHOLD, checkworthiness

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "claims" / "claimbuster_two_class_test.json"


def roc_auc(labels: list[int], scores: list[float]) -> float:
    """Area under the ROC curve as the probability a positive outranks a negative (ties count half)."""
    ranked = sorted(zip(scores, labels))
    rank_sum = 0.0
    index = 0
    while index < len(ranked):
        tie_end = index
        while tie_end + 1 < len(ranked) and ranked[tie_end + 1][0] == ranked[index][0]:
            tie_end += 1
        average_rank = (index + tie_end) / 2 + 1
        rank_sum += average_rank * sum(1 for _, label in ranked[index : tie_end + 1] if label == 1)
        index = tie_end + 1
    positives = sum(labels)
    negatives = len(labels) - positives
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def main() -> int:
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return 0
    records = json.loads(DATA.read_text(encoding="utf-8"))
    nlp = load_pipeline()
    started = time.perf_counter()
    scores = [checkworthiness(doc[:]) for doc in nlp.pipe(r["text"] for r in records)]
    elapsed = time.perf_counter() - started
    labels = [int(r["label"]) for r in records]
    predicted = [int(s >= CHECKWORTHY_THRESHOLD) for s in scores]
    tp = sum(1 for p, y in zip(predicted, labels) if p and y)
    fp = sum(1 for p, y in zip(predicted, labels) if p and not y)
    fn = sum(1 for p, y in zip(predicted, labels) if not p and y)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"ClaimBuster two-class test: {len(records)} sentences, threshold {CHECKWORTHY_THRESHOLD}")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  ROC AUC {roc_auc(labels, scores):.3f}")
    print(f"flagged {sum(predicted)}/{len(records)}; {elapsed:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
