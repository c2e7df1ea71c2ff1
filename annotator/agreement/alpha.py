"""Krippendorff's alpha from a reliability matrix or an items x categories counts table.

Alpha = 1 - D_o / D_e over the coincidence matrix of items with at least two ratings (Krippendorff 2011);
items with a single rating cannot be paired and are left out, as in the `krippendorff` package.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from numbers import Real
from typing import Any

import numpy as np

from annotator.agreement.coding import as_category_counts, encode_matrix
from annotator.agreement.result import (
    NO_PAIRABLE_ITEMS,
    ONE_CATEGORY,
    Coefficient,
    undefined,
)
from annotator.errors import UsageError

LEVELS = ("nominal", "ordinal", "interval", "ratio")


def krippendorff_alpha(
    data: Any, level: str = "nominal", *, categories: Sequence[Hashable] | None = None
) -> Coefficient:
    """Krippendorff's alpha of a reliability matrix (rows = annotators, columns = items, None/NaN = missing).

    `level` is "nominal", "ordinal", "interval" or "ratio"; ordinal uses the sorted labels, or the order of
    `categories` when given; interval and ratio need numeric labels.
    """
    check_level(level)
    coded = encode_matrix(data, categories)
    values = level_values(coded.categories, level, ordered=categories is not None)
    return alpha_by_category(coded.by_category(), level, values)


def check_level(level: str) -> None:
    """Refuse an unknown level of measurement with a message that lists the known ones."""
    if level not in LEVELS:
        raise UsageError(f"unknown level of measurement {level!r}: use one of {', '.join(LEVELS)}")


def level_values(categories: Sequence[Hashable], level: str, *, ordered: bool = False) -> np.ndarray | None:
    """The numbers the distance metric needs for `categories`: None for nominal, ranks for ordinal."""
    check_level(level)
    if level == "nominal":
        return None
    if level == "ordinal":
        if not ordered:
            try:
                sorted(categories)  # type: ignore[type-var]
            except TypeError:
                raise UsageError("ordinal alpha needs labels that sort, or an explicit `categories` order") from None
        return np.arange(len(categories), dtype=np.float64)
    strays = [label for label in categories if not isinstance(label, Real)]
    if strays:
        raise UsageError(f"{level} alpha needs numeric labels; got {strays[0]!r}")
    return np.asarray(categories, dtype=np.float64)


def alpha_from_counts(counts: Any, level: str = "nominal", values: Any | None = None) -> Coefficient:
    """Alpha from an items x categories counts table (columns in category order; `values` for interval/ratio)."""
    check_level(level)
    by_category = as_category_counts(counts)
    if level in ("interval", "ratio") and values is None:
        values = np.arange(by_category.shape[0], dtype=np.float64)
    return alpha_by_category(by_category, level, None if values is None else np.asarray(values, np.float64))


def pairable_weights(by_category: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per item 1/(m_u - 1) where it has m_u >= 2 ratings (else 0), and the mask of those items."""
    ratings = by_category.sum(axis=0)
    pairable = ratings >= 2
    weights = np.zeros_like(ratings)
    np.divide(1.0, ratings - 1.0, out=weights, where=pairable)
    return weights, pairable


def agreeing_pairs(by_category: np.ndarray) -> np.ndarray:
    """Per item sum over categories of n_uc (n_uc - 1): ordered pairs of ratings that agree."""
    return np.einsum("cu,cu->u", by_category, by_category) - by_category.sum(axis=0)


def alpha_by_category(by_category: np.ndarray, level: str, values: np.ndarray | None) -> Coefficient:
    """Alpha from categories x items float counts; items with fewer than two ratings drop out."""
    weights, pairable = pairable_weights(by_category)
    n_items = int(np.count_nonzero(pairable))
    if n_items == 0:
        return undefined(NO_PAIRABLE_ITEMS)
    totals = by_category @ pairable.astype(np.float64)
    if np.count_nonzero(totals) < 2:
        return undefined(ONE_CATEGORY, n_items=n_items)
    if level == "nominal":
        n = totals.sum()
        agreeing = agreeing_pairs(by_category) @ weights
        observed = (n - agreeing) / n
        expected = (n * n - (totals**2).sum()) / (n * (n - 1.0))
    else:
        observed, expected = _disagreements(coincidences(by_category, weights), level, values)
    return Coefficient(
        value=float(1.0 - observed / expected), observed=float(observed), expected=float(expected), n_items=n_items
    )


def coincidences(by_category: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Krippendorff's coincidence matrix: sum over items of (n_uc n_uk - [c=k] n_uc) / (m_u - 1)."""
    weighted = by_category * weights
    return weighted @ by_category.T - np.diag(weighted.sum(axis=1))


def _disagreements(coincidence: np.ndarray, level: str, values: np.ndarray | None) -> tuple[Any, Any]:
    """Observed and expected disagreement of coincidence matrices (the last two axes; leading axes batch)."""
    totals = coincidence.sum(axis=-1)
    n = totals.sum(axis=-1)
    delta = distances(level, values, totals)
    observed = (coincidence * delta).sum(axis=(-2, -1)) / n
    expected = (totals[..., :, None] * totals[..., None, :] * delta).sum(axis=(-2, -1)) / (n * (n - 1.0))
    return observed, expected


def alpha_from_coincidences(coincidence: np.ndarray, level: str, values: np.ndarray | None) -> np.ndarray:
    """Alpha for a stack of coincidence matrices; NaN where expected disagreement is zero."""
    observed, expected = _disagreements(coincidence, level, values)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(expected > 0, 1.0 - observed / np.where(expected > 0, expected, 1.0), np.nan)


def distances(level: str, values: np.ndarray | None, totals: np.ndarray) -> np.ndarray:
    """Squared distance metric delta^2 between categories; ordinal depends on the category totals."""
    size = totals.shape[-1]
    if level == "nominal":
        return 1.0 - np.eye(size)
    if level == "ordinal":
        first, second = np.indices((size, size))
        low, high = np.minimum(first, second), np.maximum(first, second)
        cumulative = np.cumsum(totals, axis=-1)
        between = cumulative[..., high] - cumulative[..., low] + totals[..., low]
        return (between - (totals[..., first] + totals[..., second]) / 2.0) ** 2
    assert values is not None
    difference = values[:, None] - values[None, :]
    if level == "interval":
        return difference**2
    summed = values[:, None] + values[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(summed != 0, difference / np.where(summed != 0, summed, 1.0), 0.0) ** 2


def one_vs_rest_alpha(counts: Any) -> list[Coefficient]:
    """Nominal alpha of each category against all others, from an items x categories counts table."""
    return one_vs_rest_by_category(as_category_counts(counts))


def one_vs_rest_by_category(by_category: np.ndarray) -> list[Coefficient]:
    """Nominal alpha of each category against the rest (a binary variable per category), vectorised."""
    weights, pairable = pairable_weights(by_category)
    n_items = int(np.count_nonzero(pairable))
    if n_items == 0:
        return [undefined(NO_PAIRABLE_ITEMS) for _ in range(by_category.shape[0])]
    rest = by_category.sum(axis=0) - by_category
    agreeing = (by_category * (by_category - 1.0) + rest * (rest - 1.0)) @ weights
    in_category = by_category @ pairable.astype(np.float64)
    n = in_category.sum()
    chance = n * n - in_category**2 - (n - in_category) ** 2
    results = []
    for category in range(by_category.shape[0]):
        if chance[category] <= 0:
            results.append(undefined(ONE_CATEGORY, n_items=n_items))
            continue
        observed = (n - agreeing[category]) / n
        expected = chance[category] / (n * (n - 1.0))
        results.append(
            Coefficient(
                value=float(1.0 - observed / expected),
                observed=float(observed),
                expected=float(expected),
                n_items=n_items,
            )
        )
    return results
