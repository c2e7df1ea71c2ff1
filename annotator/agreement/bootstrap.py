"""Bootstrap confidence interval for Krippendorff's alpha, resampling items with replacement.

Alpha depends on the items only through their category-count rows, so identical rows are pooled and a
resample is a multinomial draw over the distinct rows: exact, and independent of the number of items.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from annotator.agreement.alpha import alpha_from_coincidences, check_level
from annotator.agreement.coding import as_category_counts
from annotator.errors import UsageError


@dataclass(frozen=True)
class AlphaInterval:
    """A percentile bootstrap interval; `n_defined` counts the resamples where alpha had a value."""

    low: float
    high: float
    confidence: float
    n_boot: int
    n_defined: int
    seed: int


def _distinct_rows(table: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct rows of a non-negative integer table and how often each occurs."""
    base = int(table.max()) + 1
    if base ** table.shape[1] < 2**62:
        keys = table.astype(np.int64) @ (base ** np.arange(table.shape[1], dtype=np.int64))
        _, first, frequency = np.unique(keys, return_index=True, return_counts=True)
        return table[first], frequency
    rows, frequency = np.unique(table, axis=0, return_counts=True)
    return rows, frequency


def bootstrap_alpha(
    counts: Any,
    *,
    n_boot: int,
    seed: int = 0,
    confidence: float = 0.95,
    level: str = "nominal",
    values: np.ndarray | None = None,
) -> AlphaInterval | None:
    """Percentile interval of alpha over `n_boot` resamples of the items that have two or more ratings.

    Returns None when there is nothing to resample or alpha is undefined in every resample.
    """
    check_level(level)
    if n_boot < 1:
        raise UsageError(f"bootstrap needs at least one resample, got {n_boot}")
    if not 0 < confidence < 1:
        raise UsageError(f"confidence must lie between 0 and 1, got {confidence}")
    by_category = as_category_counts(counts)
    if not np.array_equal(by_category, np.round(by_category)):
        raise UsageError("bootstrap needs whole-number counts")
    if level in ("interval", "ratio") and values is None:
        values = np.arange(by_category.shape[0], dtype=np.float64)
    return bootstrap_by_category(
        by_category, n_boot=n_boot, seed=seed, confidence=confidence, level=level, values=values
    )


def bootstrap_by_category(
    by_category: np.ndarray,
    *,
    n_boot: int,
    seed: int,
    confidence: float,
    level: str = "nominal",
    values: np.ndarray | None = None,
) -> AlphaInterval | None:
    """`bootstrap_alpha` over categories x items whole-number counts."""
    pairable = by_category[:, by_category.sum(axis=0) >= 2].T.astype(np.int64)
    if len(pairable) == 0:
        return None
    rows, frequency = _distinct_rows(pairable)
    per_item = rows.sum(axis=1).astype(np.float64)
    weighted = rows / (per_item - 1.0)[:, None]
    row_coincidences = rows[:, None, :] * weighted[:, :, None]
    row_coincidences[:, np.arange(rows.shape[1]), np.arange(rows.shape[1])] -= weighted
    draws = np.random.default_rng(seed).multinomial(len(pairable), frequency / frequency.sum(), size=n_boot)
    stacked = (draws @ row_coincidences.reshape(len(rows), -1)).reshape(n_boot, rows.shape[1], rows.shape[1])
    alphas = alpha_from_coincidences(stacked, level, values)
    defined = alphas[~np.isnan(alphas)]
    if len(defined) == 0:
        return None
    tail = (1.0 - confidence) / 2.0 * 100.0
    low, high = np.percentile(defined, [tail, 100.0 - tail])
    return AlphaInterval(
        low=float(low), high=float(high), confidence=confidence, n_boot=n_boot, n_defined=len(defined), seed=seed
    )
