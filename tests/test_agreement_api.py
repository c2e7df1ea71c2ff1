"""How the coefficient functions take input: labels of any kind, missing cells, and clear errors."""

from __future__ import annotations

import json
import math
import pickle
import subprocess
import sys

import numpy as np
import pytest

from annotator.agreement import (
    Coefficient,
    alpha_from_counts,
    cohen_kappa,
    fleiss_kappa,
    fleiss_kappa_from_counts,
    gwet_ac1,
    krippendorff_alpha,
    percent_agreement,
)
from annotator.errors import UsageError
from tests.conftest import require_module


def test_labels_of_mixed_kinds_work_for_nominal_alpha():
    data = [["verified", 1, 2.5, None], ["verified", 1, 2.5, 3], ["contested", 1, 2.5, 3]]
    result = krippendorff_alpha(data)
    assert result.defined and 0 < result.value < 1
    assert result.n_items == 4


def test_numpy_object_and_float_matrices_give_the_same_alpha():
    labels = [["a", "b", None, "a"], ["a", "b", "b", np.nan]]
    codes = np.array([[0.0, 1.0, np.nan, 0.0], [0.0, 1.0, 1.0, np.nan]])
    assert krippendorff_alpha(np.array(labels, dtype=object)).value == pytest.approx(krippendorff_alpha(codes).value)


def test_boolean_and_integer_arrays_are_labels_too():
    flags = np.array([[True, False, True, True], [True, False, False, True]])
    assert krippendorff_alpha(flags).value == pytest.approx(krippendorff_alpha(flags.astype(int).tolist()).value)


def test_ordinal_labels_follow_the_given_category_order():
    words = [["low", "high", "mid", "mid"], ["low", "mid", "mid", "high"]]
    numbers = [[0, 2, 1, 1], [0, 1, 1, 2]]
    ordered = krippendorff_alpha(words, "ordinal", categories=["low", "mid", "high"])
    assert ordered.value == pytest.approx(krippendorff_alpha(numbers, "ordinal").value)
    assert ordered.value != pytest.approx(krippendorff_alpha(words, "ordinal").value)


def test_undefined_results_carry_a_reason_and_read_as_nan():
    result = krippendorff_alpha([[None, None], [None, None]])
    assert result.value is None and not result.defined
    assert result.reason == "no item has two or more ratings"
    assert math.isnan(float(result))
    assert fleiss_kappa([[]]).value is None
    assert percent_agreement([]).value is None
    assert gwet_ac1([["x", "x"], ["x", "x"]]).value is None
    assert cohen_kappa([], []).reason == "the two annotators rated no item in common"
    assert float(Coefficient(value=0.25)) == 0.25


@pytest.mark.parametrize(
    "call, fragment",
    [
        (lambda: krippendorff_alpha([[1, 2], [1]]), "differ in length"),
        (lambda: krippendorff_alpha([1, 2, 3]), "not a sequence"),
        (lambda: krippendorff_alpha("verified"), "must be a matrix"),
        (lambda: krippendorff_alpha(np.zeros(3)), "must be 2-D"),
        (lambda: krippendorff_alpha([[1, 2]], "circular"), "unknown level of measurement 'circular'"),
        (lambda: krippendorff_alpha([["a", "b"], ["a", "b"]], "interval"), "needs numeric labels; got 'a'"),
        (lambda: krippendorff_alpha([["a", 1], ["a", 1]], "ordinal"), "labels that sort"),
        (lambda: krippendorff_alpha([["a", "z"]], categories=["a", "b"]), "label 'z' is not one of"),
        (lambda: krippendorff_alpha(np.array([[1.0, 7.0]]), categories=[1, 2]), "label 7.0 is not one of"),
        (lambda: cohen_kappa(["a"], ["a", "b"]), "equal-length"),
        (lambda: cohen_kappa(["a"], ["a"], weights="cubic"), "unknown kappa weights 'cubic'"),
        (lambda: fleiss_kappa_from_counts([[1, -1]]), "negative counts"),
        (lambda: alpha_from_counts([1, 2]), "must be 2-D"),
    ],
)
def test_bad_input_raises_one_clear_usage_error(call, fragment):
    with pytest.raises(UsageError) as caught:
        call()
    assert fragment in caught.value.message
    assert "\n" not in caught.value.message


def test_importing_agreement_pulls_in_no_ui_nlp_or_database_package():
    code = (
        "import sys, annotator.agreement; "
        "print(sorted(m for m in ('textual', 'spacy', 'sqlmodel', 'sqlalchemy') if m in sys.modules))"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"


def test_coefficients_are_numbers_as_the_reference_packages_return():
    krippendorff = require_module("krippendorff")
    matrix = np.array([[0, 1, 1, np.nan], [0, 1, 0, 1]])
    ours = krippendorff_alpha(matrix)
    reference = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
    assert abs(reference - ours) < 1e-9 and isinstance(ours, float)
    assert ours > 0.4 and ours < 0.5 and round(ours, 3) == round(float(reference), 3)
    kappas = [cohen_kappa(["a", "b", "a"], ["a", "b", "b"]), cohen_kappa(["a", "b"], ["a", "b"])]
    assert np.mean(kappas) == pytest.approx((kappas[0] + kappas[1]) / 2) and kappas[1] == 1.0
    assert json.loads(json.dumps({"alpha": ours})) == {"alpha": float(ours)}
    assert ours.n_items == 3 and ours.observed is not None and ours.expected is not None and ours.reason is None
    assert pickle.loads(pickle.dumps(ours)).n_items == 3


def test_an_undefined_coefficient_is_nan_with_its_reason():
    result = fleiss_kappa([["a", "a"], ["a", None]])
    assert math.isnan(result) and np.isnan(result) and not result == result
    assert "different numbers of ratings" in result.reason
    assert json.dumps(result) == "NaN"
    with pytest.raises(AttributeError):
        result.reason = "changed"


def test_the_issue_one_liner_prints_true():
    require_module("krippendorff")
    code = (
        "import krippendorff, numpy as np; from annotator.agreement import krippendorff_alpha as a; "
        "m = np.array([[0, 1, 1, np.nan], [0, 1, 0, 1]]); "
        "print(abs(krippendorff.alpha(reliability_data=m, level_of_measurement='nominal') - a(m)) < 1e-9)"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "True"
