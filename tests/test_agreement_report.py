"""build_report over small hand-built annotation sets whose coefficients are worked out by hand below."""

from __future__ import annotations

import csv
import io

import numpy as np
import pytest

from annotator.agreement import (
    FullAgreementReport,
    build_report,
    cohen_kappa,
    gwet_ac1,
    krippendorff_alpha,
    percent_agreement,
    report_rows_csv,
)
from annotator.errors import UsageError
from annotator.models import DEFAULT_LABELS, Annotation

LABELS = [label.name for label in DEFAULT_LABELS]


def annotations(table: dict[str, dict[str, str]]) -> list[Annotation]:
    """{claim_id: {annotator: label}} as Annotation records; `corrected` gets a correction."""
    return [
        Annotation(
            claim_id=claim,
            annotator=person,
            label=label,
            correction="The figure was 40, not 400." if label == "corrected" else None,
        )
        for claim, labels in table.items()
        for person, label in labels.items()
    ]


THREE_ANNOTATORS = {
    "c1": {"ann": "verified", "bob": "verified", "cy": "verified"},
    "c2": {"ann": "verified", "bob": "contested", "cy": "verified"},
    "c3": {"ann": "unverifiable", "bob": "unverifiable"},
    "c4": {"ann": "contested"},
}


@pytest.fixture
def report() -> FullAgreementReport:
    return build_report(annotations(THREE_ANNOTATORS), labels=DEFAULT_LABELS)


def test_counts_and_overall_coefficients(report):
    assert (report.n_items, report.n_annotators, report.n_annotations, report.n_co_rated_items) == (4, 3, 9, 3)
    # 8 pairable values; agreeing coincidences 3 + 1 + 2 = 6; totals V=5, contested=1, U=2.
    assert report.krippendorff_alpha == pytest.approx(1 - 7 * 2 / (64 - 25 - 1 - 4))
    assert report.percent_agreement == pytest.approx((1 + 1 / 3 + 1) / 3)
    # shares over the 4 rated claims: V 5/12, contested 1/3, U 1/4; q = 5 labels.
    chance = (5 / 12 * 7 / 12 + 1 / 3 * 2 / 3 + 1 / 4 * 3 / 4) / 4
    assert report.gwet_ac1 == pytest.approx((7 / 9 - chance) / (1 - chance))


def test_fleiss_is_null_with_the_reason_when_claims_have_different_numbers_of_ratings(report):
    assert report.fleiss_kappa is None
    assert "different numbers of ratings" in report.undefined["fleiss_kappa"]
    assert any(text.startswith("fleiss_kappa is null") for text in report.warnings)


def test_pairwise_kappa_agreement_and_confusion(report):
    pairs = {tuple(pair.annotators): pair for pair in report.pairwise}
    assert set(pairs) == {("ann", "bob"), ("ann", "cy"), ("bob", "cy")}
    ann_bob = pairs[("ann", "bob")]
    assert (ann_bob.n, ann_bob.percent_agreement) == (3, pytest.approx(2 / 3))
    assert ann_bob.cohen_kappa == pytest.approx(0.5)  # p_o 2/3, p_e 1/3
    verified, contested, unverifiable = (LABELS.index(name) for name in ("verified", "contested", "unverifiable"))
    assert ann_bob.confusion[verified][verified] == 1
    assert ann_bob.confusion[verified][contested] == 1
    assert ann_bob.confusion[unverifiable][unverifiable] == 1
    assert sum(map(sum, ann_bob.confusion)) == 3
    assert pairs[("ann", "cy")].cohen_kappa is None  # both chose only "verified"
    assert pairs[("bob", "cy")].cohen_kappa == pytest.approx(0.0)


def test_per_label_alpha_is_one_label_against_the_rest(report):
    assert report.per_label["verified"] == pytest.approx(1 - 7 * 2 / (64 - 25 - 9))
    assert report.per_label["contested"] == pytest.approx(0.0)
    assert report.per_label["unverifiable"] == pytest.approx(1.0)
    assert report.per_label["corrected"] is None
    assert list(report.per_label) == LABELS


def test_each_annotator_against_the_majority_of_the_others(report):
    by_name = {entry.annotator: entry for entry in report.annotators}
    assert by_name["ann"].reference == "majority"
    # c2: bob and cy disagree, so ann has no reference there; c4 has no other annotator.
    assert (by_name["ann"].n_compared, by_name["ann"].agreement) == (2, 1.0)
    assert (by_name["bob"].n_compared, by_name["bob"].agreement) == (3, pytest.approx(2 / 3))
    assert by_name["cy"].n_compared == 1


def test_claims_with_the_most_disagreement(report):
    assert [item.claim_id for item in report.most_disagreement] == ["c2"]
    assert report.most_disagreement[0].label_counts == {"verified": 2, "contested": 1}
    assert report.most_disagreement[0].agreement == pytest.approx(1 / 3)


def test_small_sample_and_single_rating_warnings(report):
    assert any("fewer than 20 co-rated items (3)" in text for text in report.warnings)
    assert "1 claim has a single annotation, which no coefficient can use" in report.warnings


def test_equal_ratings_give_fleiss_and_two_annotator_values():
    table = {
        "c1": {"ann": "verified", "bob": "verified"},
        "c2": {"ann": "verified", "bob": "contested"},
        "c3": {"ann": "contested", "bob": "contested"},
        "c4": {"ann": "unverifiable", "bob": "unverifiable"},
    }
    report = build_report(annotations(table))
    assert report.labels == ["contested", "unverifiable", "verified"]
    assert report.fleiss_kappa == pytest.approx(13 / 21)  # Scott's pi: (3/4 - 22/64) / (1 - 22/64)
    assert report.krippendorff_alpha == pytest.approx(2 / 3)
    assert report.pairwise[0].cohen_kappa == pytest.approx(7 / 11)
    assert report.per_label["verified"] is not None and "corrected" not in report.per_label


def test_gold_labels_are_the_reference_when_given():
    table = {
        "c1": {"ann": "verified", "bob": "verified"},
        "c2": {"ann": "verified", "bob": "contested"},
        "c3": {"ann": "contested", "bob": "contested"},
        "c4": {"ann": "unverifiable", "bob": "unverifiable"},
    }
    gold = {"c1": "verified", "c2": "contested", "c3": "contested", "c4": "unverifiable", "elsewhere": "verified"}
    report = build_report(annotations(table), labels=LABELS, gold=gold)
    by_name = {entry.annotator: entry for entry in report.annotators}
    assert by_name["ann"].reference == "gold"
    assert (by_name["ann"].n_compared, by_name["ann"].agreement) == (4, 0.75)
    assert (by_name["bob"].agreement, by_name["bob"].cohen_kappa) == (1.0, pytest.approx(1.0))


def test_labels_outside_the_label_set_are_kept_and_named():
    table = {"c1": {"ann": "verified", "bob": "misleading"}}
    report = build_report(annotations(table), labels=LABELS, gold={"c1": "satire"})
    assert report.labels == LABELS + ["misleading", "satire"]
    assert "labels outside the label set: misleading, satire" in report.warnings


def test_a_duplicate_annotation_keeps_the_last_one_given():
    records = annotations({"c1": {"ann": "verified", "bob": "contested"}})
    records.append(Annotation(claim_id="c1", annotator="ann", label="contested"))
    report = build_report(records)
    assert report.n_annotations == 2
    assert report.percent_agreement == 1.0
    assert any("1 duplicate annotations" in text for text in report.warnings)


def test_no_annotations_give_an_empty_report_not_a_crash():
    report = build_report([])
    assert (report.n_items, report.n_annotators, report.krippendorff_alpha, report.pairwise) == (0, 0, None, [])
    assert "two or more ratings" in report.undefined["krippendorff_alpha"]
    assert "fewer than two annotators: there is nothing to compare" in report.warnings
    assert report_rows_csv(report).startswith("metric,scope,value,n,note\n")


def test_high_agreement_with_low_alpha_is_flagged():
    table = {f"c{index}": {"ann": "verified", "bob": "verified"} for index in range(38)}
    table["c38"] = {"ann": "verified", "bob": "contested"}
    table["c39"] = {"ann": "contested", "bob": "verified"}
    report = build_report(annotations(table))
    assert report.percent_agreement == pytest.approx(0.95)
    assert report.krippendorff_alpha == pytest.approx(1 - 79 * 4 / (6400 - 78**2 - 4))
    assert any(text.startswith("percent agreement is high (0.95) but alpha is low") for text in report.warnings)
    assert any("fewer than 100 co-rated items (40)" in text for text in report.warnings)


def random_matrix(seed: int) -> tuple[list[list], list[Annotation]]:
    """Four annotators over 60 claims, mostly agreeing on a hidden label, a quarter of the cells missing."""
    rng = np.random.default_rng(seed)
    names = ["verified", "contested", "unverifiable", "not_a_claim"]
    truth = rng.integers(0, 4, 60)
    codes = np.where(rng.random((4, 60)) < 0.6, truth, rng.integers(0, 4, (4, 60)))
    codes[rng.random(codes.shape) < 0.25] = -1
    matrix = [[None if code < 0 else names[code] for code in row] for row in codes]
    records = [
        Annotation(claim_id=f"claim-{item}", annotator=f"annotator-{person}", label=label)
        for person, row in enumerate(matrix)
        for item, label in enumerate(row)
        if label is not None
    ]
    return matrix, records


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_report_agrees_with_the_coefficient_functions(seed):
    matrix, records = random_matrix(seed)
    report = build_report(reversed(records), labels=LABELS)
    assert report.krippendorff_alpha == pytest.approx(krippendorff_alpha(matrix).value, abs=1e-12)
    assert report.percent_agreement == pytest.approx(percent_agreement(matrix).value, abs=1e-12)
    assert report.gwet_ac1 == pytest.approx(gwet_ac1(matrix, categories=LABELS).value, abs=1e-12)
    for pair in report.pairwise:
        first, second = (matrix[int(name.split("-")[1])] for name in pair.annotators)
        assert pair.cohen_kappa == pytest.approx(cohen_kappa(first, second).value, abs=1e-12)
    for label, value in report.per_label.items():
        binary = [[None if cell is None else cell == label for cell in row] for row in matrix]
        assert value == pytest.approx(krippendorff_alpha(binary).value, abs=1e-12)


def test_bootstrap_interval_is_seeded_and_brackets_the_estimate():
    _, records = random_matrix(4)
    first = build_report(records, bootstrap=500, seed=11)
    again = build_report(records, bootstrap=500, seed=11)
    assert first.krippendorff_alpha_ci == again.krippendorff_alpha_ci
    interval = first.krippendorff_alpha_ci
    assert interval.low < first.krippendorff_alpha < interval.high
    assert (interval.n_boot, interval.confidence, interval.seed) == (500, 0.95, 11)
    assert build_report(records).krippendorff_alpha_ci is None


def test_most_disagreement_is_ordered_and_limited():
    _, records = random_matrix(5)
    report = build_report(records, top_disagreements=5)
    shares = [item.agreement for item in report.most_disagreement]
    assert len(shares) == 5 and shares == sorted(shares) and shares[-1] < 1.0


def test_negative_options_are_refused():
    with pytest.raises(UsageError):
        build_report([], bootstrap=-1)


def test_csv_view_has_one_number_per_row(report):
    rows = list(csv.DictReader(io.StringIO(report_rows_csv(report))))
    by_key = {(row["metric"], row["scope"]): row for row in rows}
    assert float(by_key[("krippendorff_alpha", "all")]["value"]) == pytest.approx(report.krippendorff_alpha)
    assert by_key[("krippendorff_alpha", "all")]["n"] == "3"
    fleiss = by_key[("fleiss_kappa", "all")]
    assert fleiss["value"] == "" and "different numbers of ratings" in fleiss["note"]
    assert float(by_key[("cohen_kappa", "pair:ann|bob")]["value"]) == pytest.approx(0.5)
    assert by_key[("krippendorff_alpha", "label:corrected")]["value"] == ""
    assert float(by_key[("agreement_with_majority", "annotator:bob")]["value"]) == pytest.approx(2 / 3)
    assert by_key[("claim_agreement", "claim:c2")]["note"] == "verified=2, contested=1"
    assert sum(row["metric"] == "warning" for row in rows) == len(report.warnings)


def test_report_round_trips_through_json(report):
    assert FullAgreementReport.model_validate_json(report.model_dump_json()) == report
