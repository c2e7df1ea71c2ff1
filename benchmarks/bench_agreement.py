"""Agreement speed: our alpha against the `krippendorff` package on the same matrix, and a 1M-annotation report.

Prints a small table; the ratio (ours / krippendorff package, best of 3 each) should stay at or below 0.5.
Run: .venv/bin/python -m benchmarks.bench_agreement [n_items]
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import numpy as np

from annotator.agreement import build_report, krippendorff_alpha
from annotator.models import DEFAULT_LABELS, Annotation
from benchmarks.timing import best_of, ratio

TARGET_RATIO = 0.5


def reliability_matrix(n_items: int, rng: np.random.Generator) -> np.ndarray:
    """3 annotators x n_items, five labels as floats, 10% of the cells missing (NaN)."""
    truth = rng.integers(0, 5, n_items)
    data = np.where(rng.random((3, n_items)) < 0.7, truth, rng.integers(0, 5, (3, n_items))).astype(np.float64)
    data[rng.random(data.shape) < 0.1] = np.nan
    return data


def synthetic_annotations(n_claims: int, rng: np.random.Generator) -> list[Annotation]:
    """Three annotators over every claim plus a fourth over a third as many, labelled noisily around a truth."""
    names = [label.name for label in DEFAULT_LABELS if not label.needs_correction]
    stamp = datetime(2026, 1, 1, tzinfo=UTC)
    truth = rng.integers(0, len(names), n_claims + n_claims // 10)
    records = []
    for person in ("ann", "bob", "cy"):
        noisy = np.where(rng.random(n_claims) < 0.8, truth[:n_claims], rng.integers(0, len(names), n_claims))
        records += [
            Annotation(
                claim_id=f"claim-{item:07d}", annotator=person, label=names[label], created_at=stamp, updated_at=stamp
            )
            for item, label in enumerate(noisy.tolist())
        ]
    extra = rng.choice(len(truth), n_claims // 3, replace=False)
    records += [
        Annotation(
            claim_id=f"claim-{item:07d}", annotator="dee", label=names[truth[item]], created_at=stamp, updated_at=stamp
        )
        for item in extra.tolist()
    ]
    return records


def main() -> int:
    n_items = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    rng = np.random.default_rng(0)
    import krippendorff

    data = reliability_matrix(n_items, rng)
    ours_time = theirs_time = float("inf")
    for _ in range(3):  # interleaved, so both sides see the same load on a shared machine
        ours_run = best_of(1, krippendorff_alpha, data)
        ours, ours_time = ours_run.result, min(ours_time, ours_run.wall)
        theirs_run = best_of(1, krippendorff.alpha, reliability_data=data, level_of_measurement="nominal")
        theirs, theirs_time = theirs_run.result, min(theirs_time, theirs_run.wall)
    if abs(ours - theirs) > 1e-9:
        print(f"alpha differs: ours {ours!r}, krippendorff {theirs!r}")
        return 1
    speed = ratio(ours_time, theirs_time)

    records = synthetic_annotations(n_items, rng)
    report_run = best_of(1, build_report, records)
    boot_run = best_of(1, build_report, records, bootstrap=1000, seed=0)
    report_time, report, boot_time, booted = report_run.wall, report_run.result, boot_run.wall, boot_run.result

    print(f"{'case':<52} {'seconds':>8}")
    print(f"{f'krippendorff_alpha 3 x {n_items:,} nominal (ours)':<52} {ours_time:8.3f}")
    print(f"{f'krippendorff.alpha 3 x {n_items:,} nominal (package)':<52} {theirs_time:8.3f}")
    print(f"{'ratio ours / package (target <= 0.5)':<52} {speed:8.2f}")
    print(f"{f'build_report, {len(records):,} annotations':<52} {report_time:8.3f}")
    print(f"{'build_report + 1000 bootstrap resamples':<52} {boot_time:8.3f}")
    print(
        f"alpha {report.krippendorff_alpha:.4f}, 95% CI {booted.krippendorff_alpha_ci.low:.4f}"
        f"..{booted.krippendorff_alpha_ci.high:.4f}, {report.n_items:,} claims"
    )
    if speed > TARGET_RATIO:
        print(f"note: ratio {speed:.2f} above the {TARGET_RATIO} target (a busy machine can cause this)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
