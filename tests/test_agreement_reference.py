"""Published worked examples of agreement coefficients, reproduced to the precision their sources print."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest

from annotator.agreement import (
    alpha_from_counts,
    cohen_kappa,
    cohen_kappa_from_table,
    fleiss_kappa,
    fleiss_kappa_from_counts,
    gwet_ac1,
    gwet_ac1_from_counts,
    krippendorff_alpha,
    percent_agreement,
    percent_agreement_from_counts,
)

REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "agreement"
if not (REFERENCE / "expected_values.json").is_file():
    pytest.skip(f"shared reference values not found at {REFERENCE}", allow_module_level=True)

EXPECTED = json.loads((REFERENCE / "expected_values.json").read_text())


def printed(expected: float) -> pytest.approx:
    """Equal to `expected` at the number of decimals the source printed (half a unit in the last place)."""
    text = repr(float(expected))
    decimals = len(text.split(".")[1]) if "." in text and "e" not in text else 0
    return pytest.approx(expected, abs=0.5 * 10**-decimals + 1e-12)


def exact(expected: float) -> pytest.approx:
    return pytest.approx(expected, abs=1e-9)


def read_rows(name: str) -> tuple[list[str], list[list[str]]]:
    with open(REFERENCE / name, newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def cell(text: str):
    """A CSV cell as a label: empty = missing, numbers as int, anything else as the string."""
    if text == "":
        return None
    try:
        return int(text)
    except ValueError:
        return text


def coder_rows(name: str) -> list[list]:
    """Files laid out as rows = coders, first column = coder name."""
    _, rows = read_rows(name)
    return [[cell(value) for value in row[1:]] for row in rows]


def unit_rows_as_matrix(name: str, first_rater_column: int) -> list[list]:
    """Files laid out as rows = units, one column per rater: transposed into rows = raters."""
    _, rows = read_rows(name)
    return [list(column) for column in zip(*[[cell(value) for value in row[first_rater_column:]] for row in rows])]


def square_table(name: str) -> np.ndarray:
    _, rows = read_rows(name)
    return np.array([[int(value) for value in row[1:]] for row in rows])


def counts_table(name: str) -> np.ndarray:
    _, rows = read_rows(name)
    return np.array([[float(value) for value in row[1:]] for row in rows])


def pairs_from_table(table: np.ndarray) -> list[list[int]]:
    """Expand a two-rater contingency table into the two raters' label rows."""
    first, second = np.indices(table.shape)
    repeats = table.reshape(-1)
    return [np.repeat(first.reshape(-1), repeats).tolist(), np.repeat(second.reshape(-1), repeats).tolist()]


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
def test_krippendorff_2011_four_coders_every_level(level):
    data = coder_rows("krippendorff2011_4coders_12units.csv")
    expected = EXPECTED["krippendorff2011_4coders_12units.csv"]["krippendorff_alpha"][level]
    result = krippendorff_alpha(data, level)
    assert result.value == printed(expected["published"])
    assert result.value == exact(expected["computed_here"])


def test_krippendorff_2011_gwet_framework_coefficients():
    data = coder_rows("krippendorff2011_4coders_12units.csv")
    others = EXPECTED["krippendorff2011_4coders_12units.csv"]["other_coefficients_gwet_framework"]
    assert percent_agreement(data).value == printed(others["percent_agreement"])
    fleiss = fleiss_kappa(data, generalized=True)
    assert fleiss.value == printed(others["fleiss_kappa"]["value"])
    assert fleiss.observed == printed(others["fleiss_kappa"]["pa"])
    assert fleiss.expected == printed(others["fleiss_kappa"]["pe"])
    ac1 = gwet_ac1(data)
    assert ac1.value == printed(others["gwet_ac1"]["value"])
    assert ac1.expected == printed(others["gwet_ac1"]["pe"])


def test_unit_with_single_rating_changes_gwet_terms_but_not_alpha():
    data = coder_rows("krippendorff2011_4coders_12units.csv")
    without = [row[:11] for row in data]
    case = EXPECTED["edge_cases_observed_here"]["unit_with_single_rating"]
    assert krippendorff_alpha(without).value == printed(case["krippendorff_alpha_nominal"]["without"])
    assert krippendorff_alpha(data).value == exact(krippendorff_alpha(without).value)
    assert fleiss_kappa(without, generalized=True).value == printed(case["irrCAC_fleiss"]["without"])
    assert gwet_ac1(without).value == printed(case["irrCAC_gwet_ac1"]["without"])


def test_strict_fleiss_is_undefined_when_items_have_different_numbers_of_ratings():
    result = fleiss_kappa(coder_rows("krippendorff2011_4coders_12units.csv"))
    assert result.value is None
    assert "different numbers of ratings" in result.reason


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
def test_wikipedia_three_coders(level):
    data = coder_rows("wikipedia_krippendorff_3coders_15units.csv")
    expected = EXPECTED["wikipedia_krippendorff_3coders_15units.csv"]["krippendorff_alpha"][level]
    if expected["published"] is not None:
        assert krippendorff_alpha(data, level).value == printed(expected["published"])
    assert krippendorff_alpha(data, level).value == exact(expected["computed_here"])


def test_krippendorff_binary_two_coders():
    expected = EXPECTED["krippendorff2011_binary_2coders_10units.csv"]["krippendorff_alpha_nominal"]
    value = krippendorff_alpha(coder_rows("krippendorff2011_binary_2coders_10units.csv")).value
    assert value == printed(expected["published"])
    assert value == exact(expected["computed_here"])


def test_fleiss_wikipedia_counts_table():
    expected = EXPECTED["fleiss_wikipedia_10subjects_5cats_counts.csv"]
    result = fleiss_kappa_from_counts(counts_table("fleiss_wikipedia_10subjects_5cats_counts.csv"))
    assert result.value == printed(expected["fleiss_kappa"]["published"])
    assert result.value == exact(expected["fleiss_kappa"]["computed_here"])
    assert result.observed == exact(expected["P_bar"]["computed_here"])
    assert result.expected == exact(expected["P_e_bar"]["computed_here"])


def test_fleiss_1971_diagnoses_raw_ratings():
    expected = EXPECTED["fleiss1971_diagnoses_30subjects_6raters_raw.csv"]
    data = unit_rows_as_matrix("fleiss1971_diagnoses_30subjects_6raters_raw.csv", 1)
    assert fleiss_kappa(data).value == printed(expected["fleiss_kappa"]["published"])
    assert krippendorff_alpha(data).value == exact(expected["krippendorff_alpha_nominal_computed_here"])
    totals = [sum(row.count(category) for row in data) for category in range(1, 6)]
    assert totals == expected["category_totals_after_aggregate_raters"]


def test_fleiss_1971_subsets_from_the_irr_documentation():
    data = unit_rows_as_matrix("fleiss1971_diagnoses_30subjects_6raters_raw.csv", 1)
    assert fleiss_kappa(data[:3]).value == printed(0.534)
    assert cohen_kappa(data[0], data[1]).value == printed(0.651)


@pytest.mark.parametrize(
    "weights, key", [(None, "unweighted"), ("linear", "linear(equal)"), ("quadratic", "quadratic(squared)")]
)
def test_irr_anxiety_cohen_kappa_rater2_vs_rater3(weights, key):
    raters = unit_rows_as_matrix("irr_anxiety_20subjects_3raters.csv", 1)
    expected = EXPECTED["irr_anxiety_20subjects_3raters.csv"]["cohen_kappa_rater2_vs_rater3"][key]
    assert cohen_kappa(raters[1], raters[2], weights=weights).value == printed(expected)


def test_cohen_wikipedia_two_by_two():
    expected = EXPECTED["cohen_wikipedia_2x2_readerA_rows_readerB_cols.csv"]
    result = cohen_kappa_from_table(square_table("cohen_wikipedia_2x2_readerA_rows_readerB_cols.csv"))
    assert result.value == exact(expected["cohen_kappa"])
    assert result.observed == exact(expected["p_o"])
    assert result.expected == exact(expected["p_e"])


def test_cohen_sas_table_unweighted_and_linear():
    expected = EXPECTED["cohen_statsmodels_sas_table10_3x3.csv"]
    table = square_table("cohen_statsmodels_sas_table10_3x3.csv")
    assert cohen_kappa_from_table(table).value == printed(expected["cohen_kappa"]["value"])
    linear = cohen_kappa_from_table(table, weights="linear").value
    assert linear == printed(expected["weighted_kappa_weights_0_1_2"]["value"])


def test_artstein_poesio_tables():
    table1 = square_table("artstein_poesio_table1_2x2.csv")
    assert cohen_kappa_from_table(table1).value == exact(EXPECTED["artstein_poesio_table1_2x2.csv"]["computed_here"])
    expected = EXPECTED["artstein_poesio_table4_3x3.csv"]
    table4 = square_table("artstein_poesio_table4_3x3.csv")
    result = cohen_kappa_from_table(table4)
    assert result.value == printed(expected["cohen_kappa"])
    assert result.observed == exact(expected["observed_agreement"])
    alpha = krippendorff_alpha(pairs_from_table(table4)).value
    assert alpha == exact(expected["krippendorff_alpha_nominal_computed_here"])


def test_nltk_triples_are_the_same_data_as_table4():
    coders: dict[str, dict[str, str]] = {}
    for line in (REFERENCE / "nltk_artstein_poesio_example.txt").read_text().splitlines():
        if line.strip():
            coder, item, label = line.split("\t")
            coders.setdefault(coder, {})[item] = label
    items = sorted({item for labels in coders.values() for item in labels})
    data = [[labels.get(item) for item in items] for labels in coders.values()]
    expected = EXPECTED["artstein_poesio_table4_3x3.csv"]
    assert krippendorff_alpha(data).value == exact(expected["krippendorff_alpha_nominal_computed_here"])
    assert cohen_kappa(data[0], data[1]).value == printed(expected["cohen_kappa"])
    assert percent_agreement(data).value == exact(expected["observed_agreement"])


@pytest.mark.parametrize("weights, key", [(None, "kappa"), ("linear", "linear"), ("quadratic", "quadratic")])
def test_sklearn_weighting_example(weights, key):
    case = EXPECTED["sklearn_weighting_example"]
    first, second = [0] * 46 + [1] * 44 + [2] * 10, [0] * 50 + [1] * 40 + [2] * 10
    assert case["y1"] == "[0]*46+[1]*44+[2]*10" and case["y2"] == "[0]*50+[1]*40+[2]*10"
    assert cohen_kappa(first, second, weights=weights).value == printed(case[key])


@pytest.mark.parametrize("name", ["gwet_cont3x3abstractors.csv", "gwet_cont4x4diagnosis.csv"])
def test_gwet_contingency_tables(name):
    expected = EXPECTED[name]
    table = square_table(name)
    raw = pairs_from_table(table)
    assert cohen_kappa_from_table(table).value == printed(expected["cohen_kappa"])
    assert gwet_ac1(raw).value == printed(expected["gwet_ac1"])
    assert percent_agreement(raw).value == printed(expected["percent_agreement"])
    alpha_key = "krippendorff_alpha" if "krippendorff_alpha" in expected else "krippendorff_alpha_computed_here"
    assert krippendorff_alpha(raw).value == printed(expected[alpha_key])


def test_gwet_abstractors_weighted_cohen():
    weighted = EXPECTED["gwet_cont3x3abstractors.csv"]["weighted"]
    table = square_table("gwet_cont3x3abstractors.csv")
    assert cohen_kappa_from_table(table, weights="linear").value == printed(weighted["cohen_linear"])
    assert cohen_kappa_from_table(table, weights="quadratic").value == printed(weighted["cohen_quadratic"])


@pytest.mark.parametrize(
    "name",
    [
        "gwet_raw_5observers_15units.csv",
        "gwet_raw_g1g2_4raters_14units.csv",
        "gwet_raw_gender_4raters_15units.csv",
        "gwet_raw_ben_gerry_2raters_12units.csv",
    ],
)
def test_gwet_raw_ratings(name):
    header, _ = read_rows(name)
    data = unit_rows_as_matrix(name, header.index("unit") + 1)
    expected = EXPECTED[name]
    assert fleiss_kappa(data, generalized=True).value == printed(expected["fleiss"])
    assert gwet_ac1(data).value == printed(expected["gwet_ac1"])
    assert krippendorff_alpha(data).value == printed(expected["krippendorff"])
    assert percent_agreement(data).value == printed(expected["pa"])


def test_gwet_distribution_counts_table():
    expected = EXPECTED["gwet_distrib_6raters_15subjects.csv"]
    table = counts_table("gwet_distrib_6raters_15subjects.csv")
    fleiss = fleiss_kappa_from_counts(table)
    assert fleiss.value == printed(expected["fleiss"])
    assert fleiss.expected == printed(expected["pe_fleiss"])
    assert gwet_ac1_from_counts(table).value == printed(expected["gwet_ac1"])
    assert alpha_from_counts(table).value == printed(expected["krippendorff"])
    assert percent_agreement_from_counts(table).value == printed(expected["pa"])


def test_fast_krippendorff_small_cases():
    cases = EXPECTED["fast_krippendorff_small_cases"]
    assert krippendorff_alpha(cases["string_nominal"]["data"]).value == printed(
        cases["string_nominal"]["alpha_nominal"]
    )
    assert krippendorff_alpha(cases["ratio_with_zeros"]["data"], "ratio").value == exact(
        cases["ratio_with_zeros"]["alpha"]
    )
    coders = cases["dict_interval"]["data"]
    units = sorted({unit for coder in coders for unit in coder})
    matrix = [[coder.get(unit) for unit in units] for coder in coders]
    assert krippendorff_alpha(matrix, "interval").value == printed(cases["dict_interval"]["alpha_interval"])


def test_statsmodels_small_fleiss_tables():
    for case in EXPECTED["statsmodels_fleiss_randolph_small_tables"]["cases"]:
        result = fleiss_kappa_from_counts(case["table"])
        if isinstance(case["fleiss"], str):
            assert result.value is None and result.reason
        else:
            assert result.value == printed(case["fleiss"])


def test_edge_cases_observed_upstream():
    edges = EXPECTED["edge_cases_observed_here"]
    assert krippendorff_alpha([[1, 1, 2], [1, 1, None], [None, 1, 2]]).value == exact(
        edges["missing_as_label"]["nltk_omitting_missing_triples"]
    )
    nan = float("nan")
    dominant = [[3, 3, 3, 3, 3], [3, 3, 3, 3, 3], [3, 3, nan, nan, 3], [3, 3, 3, 3, 1], [3, nan, 3, 3, 3]]
    assert krippendorff_alpha(dominant).value == exact(
        edges["one_dissenting_value_dominant_category"]["krippendorff_nominal"]
    )
    same = krippendorff_alpha([[1, 1, 1], [1, 1, 1]])
    assert same.value is None and "same category" in same.reason
    alone = krippendorff_alpha([[1, None], [None, 2]])
    assert alone.value is None and "two or more ratings" in alone.reason
