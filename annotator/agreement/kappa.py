"""Kappa-type coefficients: Fleiss' kappa, Gwet's AC1 and percent agreement (many raters), Cohen's kappa (two).

The many-rater coefficients follow Gwet's (2014) formulation, which reduces to Fleiss (1971) when every item
has the same number of ratings: observed agreement over items with at least two ratings, category
probabilities averaged over every rated item.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

import numpy as np

from annotator.agreement.alpha import agreeing_pairs
from annotator.agreement.coding import as_category_counts, encode_matrix
from annotator.agreement.result import (
    NO_PAIRABLE_ITEMS,
    ONE_CATEGORY,
    Coefficient,
    undefined,
)
from annotator.errors import UsageError

NO_SHARED_ITEMS = "the two annotators rated no item in common"
WEIGHTS = (None, "linear", "quadratic")


def _gwet_terms(by_category: np.ndarray) -> tuple[float | None, np.ndarray, int]:
    """Observed agreement over items with >= 2 ratings, category probabilities, and how many items paired."""
    ratings = by_category.sum(axis=0)
    rated = ratings > 0
    inverse = np.zeros_like(ratings)
    np.divide(1.0, ratings, out=inverse, where=rated)
    n_rated = int(np.count_nonzero(rated))
    shares = by_category @ inverse / max(n_rated, 1)
    pairable = ratings >= 2
    n_items = int(np.count_nonzero(pairable))
    if n_items == 0:
        return None, shares, 0
    weights = np.zeros_like(ratings)
    np.divide(1.0, ratings * (ratings - 1.0), out=weights, where=pairable)
    agreement = agreeing_pairs(by_category) @ weights / n_items
    return float(agreement), shares, n_items


def _chance_corrected(observed: float, expected: float, n_items: int) -> Coefficient:
    if np.isclose(expected, 1.0, rtol=0.0, atol=1e-12):
        return undefined(ONE_CATEGORY, n_items=n_items)
    return Coefficient(
        value=float((observed - expected) / (1.0 - expected)),
        observed=observed,
        expected=float(expected),
        n_items=n_items,
    )


def fleiss_kappa_from_counts(counts: Any, *, generalized: bool = False) -> Coefficient:
    """Fleiss' kappa of an items x categories counts table (each row: how many raters chose each category).

    Undefined when items have different numbers of ratings, unless `generalized` asks for Gwet's extension
    to unequal (missing) ratings. Rows without any rating are ignored.
    """
    return fleiss_by_category(as_category_counts(counts), generalized=generalized)


def fleiss_by_category(by_category: np.ndarray, *, generalized: bool = False) -> Coefficient:
    """Fleiss' kappa from categories x items float counts (see `fleiss_kappa_from_counts`)."""
    ratings = by_category.sum(axis=0)
    ratings = ratings[ratings > 0]
    if len(ratings) and not generalized and ratings.max() - ratings.min() > 1e-9:
        return undefined(
            f"items have different numbers of ratings ({ratings.min():g} to {ratings.max():g}); "
            "Fleiss' kappa needs the same number for every item",
            n_items=len(ratings),
        )
    observed, shares, n_items = _gwet_terms(by_category)
    if observed is None:
        return undefined(NO_PAIRABLE_ITEMS)
    return _chance_corrected(observed, float((shares**2).sum()), n_items)


def fleiss_kappa(data: Any, *, generalized: bool = False, categories: Sequence[Hashable] | None = None) -> Coefficient:
    """Fleiss' kappa of a reliability matrix (rows = annotators, columns = items, None/NaN = missing).

    Undefined (with the reason) unless every rated item has the same number of ratings; `generalized`
    uses Gwet's extension instead, which tolerates missing ratings.
    """
    return fleiss_by_category(encode_matrix(data, categories).by_category(), generalized=generalized)


def gwet_ac1_from_counts(counts: Any, *, n_categories: int | None = None) -> Coefficient:
    """Gwet's AC1 of an items x categories counts table; `n_categories` is the size of the label set (q)."""
    return ac1_by_category(as_category_counts(counts), n_categories=n_categories)


def ac1_by_category(by_category: np.ndarray, *, n_categories: int | None = None) -> Coefficient:
    """Gwet's AC1 from categories x items float counts (see `gwet_ac1_from_counts`)."""
    size = by_category.shape[0] if n_categories is None else n_categories
    if size < by_category.shape[0]:
        raise UsageError(f"n_categories={size} is smaller than the table's {by_category.shape[0]} categories")
    observed, shares, n_items = _gwet_terms(by_category)
    if observed is None:
        return undefined(NO_PAIRABLE_ITEMS)
    if size < 2:
        return undefined("AC1 needs at least two categories in the label set", n_items=n_items)
    expected = float((shares * (1.0 - shares)).sum() / (size - 1))
    return _chance_corrected(observed, expected, n_items)


def gwet_ac1(data: Any, *, categories: Sequence[Hashable] | None = None) -> Coefficient:
    """Gwet's AC1 of a reliability matrix; pass the full label set as `categories` so q counts unused labels."""
    coded = encode_matrix(data, categories)
    return ac1_by_category(coded.by_category(), n_categories=coded.n_categories)


def percent_agreement_from_counts(counts: Any) -> Coefficient:
    """Share of agreeing rater pairs, averaged over items with at least two ratings."""
    return agreement_by_category(as_category_counts(counts))


def agreement_by_category(by_category: np.ndarray) -> Coefficient:
    """Percent agreement from categories x items float counts."""
    observed, _, n_items = _gwet_terms(by_category)
    if observed is None:
        return undefined(NO_PAIRABLE_ITEMS)
    return Coefficient(value=observed, observed=observed, n_items=n_items)


def percent_agreement(data: Any) -> Coefficient:
    """Pairwise observed agreement of a reliability matrix over items with at least two ratings."""
    return agreement_by_category(encode_matrix(data).by_category())


def cohen_kappa_from_table(table: Any, weights: str | None = None) -> Coefficient:
    """Cohen's kappa of a square contingency table (rows: first rater's categories, columns: second's).

    With `weights` ("linear" or "quadratic", by category index) `observed` and `expected` are the weighted
    disagreements and kappa = 1 - observed / expected, as in scikit-learn.
    """
    if weights not in WEIGHTS:
        raise UsageError(f"unknown kappa weights {weights!r}: use linear, quadratic or none")
    matrix = np.asarray(table, dtype=np.float64)
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
        raise UsageError(f"a contingency table must be square, got shape {matrix.shape}")
    total = matrix.sum()
    if total <= 0:
        return undefined(NO_SHARED_ITEMS)
    n_items = round(float(total))
    share = matrix / total
    chance = np.outer(share.sum(axis=1), share.sum(axis=0))
    if weights is None:
        return _chance_corrected(float(np.trace(share)), float(np.trace(chance)), n_items)
    first, second = np.indices(matrix.shape)
    distance = np.abs(first - second).astype(np.float64)
    if weights == "quadratic":
        distance **= 2
    observed, expected = float((distance * share).sum()), float((distance * chance).sum())
    if expected == 0:
        return undefined(ONE_CATEGORY, n_items=n_items)
    return Coefficient(value=1.0 - observed / expected, observed=observed, expected=expected, n_items=n_items)


def confusion(first: np.ndarray, second: np.ndarray, n_categories: int) -> np.ndarray:
    """Contingency table of two equal-length code arrays (no missing codes)."""
    flat = first * n_categories + second
    return np.bincount(flat, minlength=n_categories * n_categories).reshape(n_categories, n_categories)


def cohen_kappa(
    first: Sequence[Any],
    second: Sequence[Any],
    *,
    weights: str | None = None,
    categories: Sequence[Hashable] | None = None,
) -> Coefficient:
    """Cohen's kappa of two equal-length label sequences; pairs where either side is None/NaN are dropped.

    Weighted kappa orders the labels by `categories`, else sorts the labels both annotators used.
    """
    first, second = list(first), list(second)
    if len(first) != len(second):
        raise UsageError(f"cohen_kappa needs two equal-length label sequences, got {len(first)} and {len(second)}")
    codes = encode_matrix([first, second], categories).codes
    both = (codes >= 0).all(axis=0)
    left, right = codes[0, both], codes[1, both]
    if categories is None:
        used, compact = np.unique(np.concatenate([left, right]), return_inverse=True)
        left, right, size = compact[: len(left)], compact[len(left) :], len(used)
    else:
        size = len(categories)
    return cohen_kappa_from_table(confusion(left, right, max(size, 1)), weights=weights)
