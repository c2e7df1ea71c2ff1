"""Build the agreement report (`annotator agreement`) from annotations, vectorised over claims."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np

from annotator.agreement.alpha import alpha_by_category, one_vs_rest_by_category
from annotator.agreement.bootstrap import bootstrap_by_category
from annotator.agreement.kappa import (
    ac1_by_category,
    agreement_by_category,
    cohen_kappa_from_table,
    confusion,
    fleiss_by_category,
)
from annotator.agreement.ratings import Ratings, collect_ratings
from annotator.agreement.report_models import (
    AnnotatorAgreement,
    ConfidenceInterval,
    FullAgreementReport,
    ItemDisagreement,
    PairwiseDetail,
)
from annotator.agreement.result import Coefficient
from annotator.errors import UsageError
from annotator.models import Annotation, Label

UNTRUSTED_BELOW = 20
"""Fewer co-rated items than this and alpha's sampling error swamps the estimate."""
ROUGH_BELOW = 100


def build_report(
    annotations: Iterable[Annotation],
    *,
    labels: Iterable[str | Label] | None = None,
    gold: Mapping[str, str] | None = None,
    bootstrap: int = 0,
    seed: int = 0,
    top_disagreements: int = 20,
) -> FullAgreementReport:
    """Agreement over annotations (one per claim and annotator; for duplicates the last one given counts).

    `labels` is the label set (fixes the category order, gives per-label alpha for unused labels and AC1's q);
    `gold` maps claim ids to reference labels (e.g. adjudications) for each annotator's accuracy, else the
    other annotators' majority is the reference; `bootstrap` > 0 adds a seeded 95% interval for alpha.
    """
    if bootstrap < 0 or top_disagreements < 0:
        raise UsageError("bootstrap and top_disagreements must not be negative")
    ratings = collect_ratings(annotations, labels, gold)
    counts = ratings.by_category()
    per_item = counts.sum(axis=0)
    undefined: dict[str, str] = {}

    def value_of(name: str, coefficient: Coefficient) -> float | None:
        if coefficient.reason is not None:
            undefined[name] = coefficient.reason
        return coefficient.value

    alpha = value_of("krippendorff_alpha", alpha_by_category(counts, "nominal", None))
    agreement = value_of("percent_agreement", agreement_by_category(counts))
    interval = None
    if bootstrap and alpha is not None:
        interval = bootstrap_by_category(counts, n_boot=bootstrap, seed=seed, confidence=0.95)
    report = FullAgreementReport(
        n_items=ratings.n_items,
        n_annotators=len(ratings.annotators),
        n_annotations=len(ratings.item),
        percent_agreement=agreement,
        krippendorff_alpha=alpha,
        fleiss_kappa=value_of("fleiss_kappa", fleiss_by_category(counts)),
        gwet_ac1=value_of("gwet_ac1", ac1_by_category(counts, n_categories=len(ratings.labels))),
        pairwise=_pairwise(ratings),
        per_label={name: result.value for name, result in zip(ratings.labels, one_vs_rest_by_category(counts))},
        labels=ratings.labels,
        n_co_rated_items=int((per_item >= 2).sum()),
        krippendorff_alpha_ci=ConfidenceInterval(**vars(interval)) if interval else None,
        annotators=_annotator_agreement(ratings, counts),
        most_disagreement=_most_disagreement(ratings, counts, top_disagreements),
        undefined=undefined,
    )
    report.warnings = _warnings(report, ratings, int((per_item == 1).sum()))
    return report


def _pairwise(ratings: Ratings) -> list[PairwiseDetail]:
    """Cohen's kappa and percent agreement for every pair of annotators who share at least one claim."""
    slices = ratings.annotator_slices()
    size = len(ratings.labels)
    pairs = []
    for first in range(len(slices)):
        for second in range(first + 1, len(slices)):
            left, right = slices[first], slices[second]
            _, in_left, in_right = np.intersect1d(
                ratings.item[left], ratings.item[right], assume_unique=True, return_indices=True
            )
            if len(in_left) == 0:
                continue
            table = confusion(ratings.label[left][in_left], ratings.label[right][in_right], size)
            pairs.append(
                PairwiseDetail(
                    annotators=[ratings.annotators[first], ratings.annotators[second]],
                    n=len(in_left),
                    cohen_kappa=cohen_kappa_from_table(table).value,
                    percent_agreement=float(np.trace(table) / len(in_left)),
                    confusion=table.tolist(),
                )
            )
    return pairs


def _majority_of_others(counts: np.ndarray, items: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """The label most of the other annotators chose on each item, -1 where they tie or there are none."""
    others = counts[:, items]
    others[labels, np.arange(len(items))] -= 1
    top = others.max(axis=0)
    unique = (others == top).sum(axis=0) == 1
    return np.where((top > 0) & unique, others.argmax(axis=0), -1)


def _annotator_agreement(ratings: Ratings, counts: np.ndarray) -> list[AnnotatorAgreement]:
    """Each annotator against gold labels when any claim has one, else against the others' majority."""
    use_gold = bool((ratings.gold >= 0).any())
    size = len(ratings.labels)
    results = []
    for code, rows in enumerate(ratings.annotator_slices()):
        items, labels = ratings.item[rows], ratings.label[rows]
        reference = ratings.gold[items] if use_gold else _majority_of_others(counts, items, labels)
        compared = reference >= 0
        matched = labels[compared] == reference[compared]
        kappa = cohen_kappa_from_table(confusion(labels[compared], reference[compared], size))
        results.append(
            AnnotatorAgreement(
                annotator=ratings.annotators[code],
                reference="gold" if use_gold else "majority",
                n_annotations=len(items),
                n_compared=int(compared.sum()),
                agreement=float(matched.mean()) if len(matched) else None,
                cohen_kappa=kappa.value,
            )
        )
    return results


def _most_disagreement(ratings: Ratings, counts: np.ndarray, limit: int) -> list[ItemDisagreement]:
    """The claims with the lowest share of agreeing annotator pairs, most-rated first among equals."""
    per_item = counts.sum(axis=0)
    candidates = np.flatnonzero(per_item >= 2)
    chosen = counts[:, candidates]
    shares = (chosen * (chosen - 1.0)).sum(axis=0) / (per_item[candidates] * (per_item[candidates] - 1.0))
    disputed = shares < 1.0
    candidates, shares = candidates[disputed], shares[disputed]
    order = np.lexsort((candidates, -per_item[candidates], shares))[:limit]
    return [
        ItemDisagreement(
            claim_id=ratings.items[candidates[index]],
            n_ratings=int(per_item[candidates[index]]),
            agreement=float(shares[index]),
            label_counts={
                ratings.labels[label]: int(count) for label, count in enumerate(counts[:, candidates[index]]) if count
            },
        )
        for index in order
    ]


def _warnings(report: FullAgreementReport, ratings: Ratings, n_single: int) -> list[str]:
    """What a reader must know before trusting the numbers."""
    notes = []
    if report.n_annotators < 2:
        notes.append("fewer than two annotators: there is nothing to compare")
    if report.n_co_rated_items < UNTRUSTED_BELOW:
        notes.append(
            f"fewer than {UNTRUSTED_BELOW} co-rated items ({report.n_co_rated_items}): "
            "the estimate is not to be trusted"
        )
    elif report.n_co_rated_items < ROUGH_BELOW:
        notes.append(
            f"fewer than {ROUGH_BELOW} co-rated items ({report.n_co_rated_items}): treat the coefficients as rough"
        )
    if n_single:
        claims = "1 claim has" if n_single == 1 else f"{n_single} claims have"
        notes.append(f"{claims} a single annotation, which no coefficient can use")
    if ratings.n_duplicates:
        notes.append(
            f"{ratings.n_duplicates} duplicate annotations (same claim and annotator): the last one given was kept"
        )
    if ratings.unknown_labels:
        notes.append(f"labels outside the label set: {', '.join(ratings.unknown_labels)}")
    alpha, agreement = report.krippendorff_alpha, report.percent_agreement
    if alpha is not None and agreement is not None and agreement >= 0.8 and agreement - alpha > 0.3:
        notes.append(
            f"percent agreement is high ({agreement:.2f}) but alpha is low ({alpha:.2f}): one label dominates, "
            "so chance agreement is high; compare gwet_ac1"
        )
    notes.extend(f"{name} is null: {reason}" for name, reason in report.undefined.items())
    return notes
