"""Random reliability data: our coefficients equal krippendorff, statsmodels and scikit-learn to 1e-9."""

from __future__ import annotations

import math
import warnings
from itertools import combinations

import numpy as np
import pytest

from tests.conftest import require_module
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import (
    bootstrap_alpha,
    cohen_kappa,
    fleiss_kappa,
    gwet_ac1,
    krippendorff_alpha,
    percent_agreement,
)

krippendorff = require_module("krippendorff")
inter_rater = require_module("statsmodels.stats.inter_rater")
sklearn_metrics = require_module("sklearn.metrics")

SETTINGS = settings(max_examples=150, deadline=None)


@st.composite
def reliability_data(draw, missing: bool = True, min_annotators: int = 2):
    """Annotators x items of small integer labels, some cells None."""
    n_annotators = draw(st.integers(min_annotators, 5))
    n_items = draw(st.integers(1, 25))
    n_labels = draw(st.integers(1, 5))
    label = st.integers(0, n_labels - 1)
    cell = st.one_of(st.none(), label) if missing else label
    return [[draw(cell) for _ in range(n_items)] for _ in range(n_annotators)]


def as_float(data: list[list]) -> np.ndarray:
    return np.array([[np.nan if value is None else float(value) for value in row] for row in data])


def reference_alpha(data: list[list], level: str) -> float:
    """The krippendorff package's alpha, NaN where it refuses or divides by zero."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return float(krippendorff.alpha(reliability_data=as_float(data), level_of_measurement=level))
    except ValueError:
        return math.nan


@SETTINGS
@given(reliability_data(), st.sampled_from(["nominal", "ordinal", "interval", "ratio"]))
def test_alpha_equals_krippendorff_package(data, level):
    ours, reference = krippendorff_alpha(data, level), reference_alpha(data, level)
    if math.isnan(ours):
        assert math.isnan(reference) and ours.reason
    else:
        assert abs(reference - ours) < 1e-9


@SETTINGS
@given(reliability_data(), st.permutations(["verified", "corrected", "contested", "unverifiable", "not_a_claim"]))
def test_nominal_alpha_ignores_what_the_labels_are_called(data, names):
    renamed = [[None if value is None else names[value] for value in row] for row in data]
    assert float(krippendorff_alpha(renamed)) == pytest.approx(float(krippendorff_alpha(data)), abs=1e-12, nan_ok=True)


@SETTINGS
@given(reliability_data())
def test_nan_and_none_both_mean_missing(data):
    assert float(krippendorff_alpha(as_float(data))) == pytest.approx(
        float(krippendorff_alpha(data)), abs=1e-12, nan_ok=True
    )


@SETTINGS
@given(reliability_data(missing=False))
def test_fleiss_equals_statsmodels(data):
    table, _ = inter_rater.aggregate_raters(np.array(data).T)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = float(inter_rater.fleiss_kappa(table, method="fleiss"))
    ours = fleiss_kappa(data)
    if math.isnan(ours):
        assert math.isnan(reference) and ours.reason
    else:
        assert abs(reference - ours) < 1e-9
        assert abs(fleiss_kappa(data, generalized=True) - ours) < 1e-12


@SETTINGS
@given(reliability_data())
def test_fleiss_is_undefined_exactly_when_items_have_unequal_ratings(data):
    per_item = {sum(row[item] is not None for row in data) for item in range(len(data[0]))} - {0}
    result = fleiss_kappa(data)
    if len(per_item) > 1:
        assert result.value is None and "different numbers of ratings" in result.reason


@st.composite
def two_label_sequences(draw):
    length = draw(st.integers(0, 40))
    label = st.one_of(st.none(), st.sampled_from(["a", "b", "c", "d"]))
    return [draw(label) for _ in range(length)], [draw(label) for _ in range(length)]


@SETTINGS
@given(two_label_sequences(), st.sampled_from([None, "linear", "quadratic"]))
def test_cohen_equals_scikit_learn(sequences, weights):
    first, second = sequences
    kept = [(left, right) for left, right in zip(first, second) if left is not None and right is not None]
    ours = cohen_kappa(first, second, weights=weights)
    if not kept:
        assert ours.value is None and "no item in common" in ours.reason
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = float(sklearn_metrics.cohen_kappa_score(*zip(*kept), weights=weights))
    if math.isnan(ours):
        assert math.isnan(reference)
    else:
        assert abs(reference - ours) < 1e-9


def pairwise_by_hand(data: list[list]) -> tuple[float, list[float], int]:
    """Percent agreement, per-category shares over rated items, and the number of items paired, by loops."""
    agreements, shares, rated = [], {}, 0
    for item in range(len(data[0])):
        values = [row[item] for row in data if row[item] is not None]
        if values:
            rated += 1
            for value in values:
                shares[value] = shares.get(value, 0.0) + 1.0 / len(values)
        if len(values) >= 2:
            pairs = list(combinations(values, 2))
            agreements.append(sum(left == right for left, right in pairs) / len(pairs))
    categories = sorted({value for row in data for value in row if value is not None})
    agreement = sum(agreements) / len(agreements) if agreements else math.nan
    return agreement, [shares.get(category, 0.0) / max(rated, 1) for category in categories], len(agreements)


@SETTINGS
@given(reliability_data())
def test_percent_agreement_and_ac1_equal_pairwise_loops(data):
    agreement, shares, n_paired = pairwise_by_hand(data)
    result = percent_agreement(data)
    if n_paired == 0:
        assert result.value is None and gwet_ac1(data).value is None
        return
    assert result.value == pytest.approx(agreement, abs=1e-12)
    ac1 = gwet_ac1(data)
    if len(shares) < 2:
        assert ac1.value is None
        return
    chance = sum(share * (1 - share) for share in shares) / (len(shares) - 1)
    assert ac1.value == pytest.approx((agreement - chance) / (1 - chance), abs=1e-9)


def test_bootstrap_matches_a_naive_item_resampling():
    rng = np.random.default_rng(7)
    truth = rng.integers(0, 3, 300)
    data = np.where(rng.random((3, 300)) < 0.7, truth, rng.integers(0, 3, (3, 300))).astype(float)
    data[rng.random(data.shape) < 0.1] = np.nan
    counts = np.stack([(data == label).sum(axis=0) for label in range(3)], axis=1)
    ours = bootstrap_alpha(counts, n_boot=2000, seed=1)
    pairable = data[:, (~np.isnan(data)).sum(axis=0) >= 2]
    naive = []
    for _ in range(2000):
        sample = rng.integers(0, pairable.shape[1], pairable.shape[1])
        naive.append(krippendorff.alpha(reliability_data=pairable[:, sample], level_of_measurement="nominal"))
    low, high = np.percentile(naive, [2.5, 97.5])
    assert ours.low == pytest.approx(low, abs=0.01)
    assert ours.high == pytest.approx(high, abs=0.01)
    assert bootstrap_alpha(counts, n_boot=2000, seed=1) == ours
    assert ours.n_defined == 2000
