"""Binary classification figures for check-worthiness: precision, recall, F1, ROC AUC and average precision.

Plain Python so `metrics.json`, the benchmark and the tests agree on one definition (scikit-learn's).
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel


class BinaryScores(BaseModel):
    """How well scores separate check-worthy (1) from other (0) sentences at a threshold."""

    n: int
    positives: int
    threshold: float
    precision: float
    recall: float
    f1: float
    roc_auc: float | None
    """None when only one class is present."""
    average_precision: float | None


def binary_scores(labels: Sequence[int], scores: Sequence[float], threshold: float = 0.5) -> BinaryScores:
    """Precision, recall and F1 of `score >= threshold`, with the threshold-free ROC AUC and average precision."""
    predicted = [score >= threshold for score in scores]
    tp = sum(1 for p, y in zip(predicted, labels) if p and y)
    fp = sum(1 for p, y in zip(predicted, labels) if p and not y)
    fn = sum(1 for p, y in zip(predicted, labels) if not p and y)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    both = 0 < sum(labels) < len(labels)
    return BinaryScores(
        n=len(labels), positives=sum(labels), threshold=threshold, precision=precision, recall=recall, f1=f1,
        roc_auc=roc_auc(labels, scores) if both else None,
        average_precision=average_precision(labels, scores) if both else None,
    )


def roc_auc(labels: Sequence[int], scores: Sequence[float]) -> float:
    """Area under the ROC curve: the probability a positive outranks a negative (ties count half)."""
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


def average_precision(labels: Sequence[int], scores: Sequence[float]) -> float:
    """Mean of the precision at each positive, ranking by score (tied scores form one step, as scikit-learn)."""
    ranked = sorted(zip(scores, labels), key=lambda pair: -pair[0])
    positives = sum(labels)
    total, seen, hits, index = 0.0, 0, 0, 0
    while index < len(ranked):
        tie_end = index
        while tie_end + 1 < len(ranked) and ranked[tie_end + 1][0] == ranked[index][0]:
            tie_end += 1
        step_hits = sum(label for _, label in ranked[index : tie_end + 1])
        seen += tie_end - index + 1
        hits += step_hits
        total += step_hits / positives * (hits / seen)
        index = tie_end + 1
    return min(1.0, total)


def equal_error_threshold(labels: Sequence[int], scores: Sequence[float]) -> float:
    """The cut (0.05-0.95, by 0.01) where the share of check-worthy sentences at or above it is nearest the share of
    the others below it (recall equals specificity); of tied cuts the lowest, as a missed claim costs more than one
    more to read.

    The cut a balanced set would have, whatever share of check-worthy sentences a team labelled. Labels drawn by the
    `uncertain` order are the hardest sentences of both classes, and there the cut of the best F1 with both classes
    weighed alike swung from round to round (0.15-0.45), most often below the cut where recall equals specificity,
    and F1 with it. Chosen by active-learning simulations on folds of the ClaimBuster train file (a fifth held out
    to score on; never its test file): F1 on the held-out fifth, averaged over the rounds from 500 labels, rose by
    0.005-0.07 with labels drawn by `uncertain` (three folds of three) and moved under 0.01 either way with random
    ones; with every label (5-fold cross-validation) it is 0.861 by either cut.
    """
    positives = [score for score, label in zip(scores, labels) if label]
    negatives = [score for score, label in zip(scores, labels) if not label]
    if not positives or not negatives:
        return 0.5
    best_gap, best_cut = 2.0, 0.5
    for step in range(91):
        cut = round(0.05 + step / 100, 2)
        recall = sum(1 for score in positives if score >= cut) / len(positives)
        specificity = sum(1 for score in negatives if score < cut) / len(negatives)
        if abs(recall - specificity) < best_gap - 1e-12:
            best_gap, best_cut = abs(recall - specificity), cut
    return best_cut
