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


def balanced_threshold(labels: Sequence[int], scores: Sequence[float], *, smooth: int = 2) -> float:
    """The cut (0.05-0.95, by 0.01) with the best F1 when both classes weigh the same, averaged over neighbours.

    A team's dev split holds whatever share of check-worthy sentences it happened to label; weighting the classes
    equally picks the cut a balanced set would, as the training balances them. Averaging each cut's F1 with the
    `smooth` cuts either side keeps one lucky sentence from choosing it.
    """
    positives = sum(labels)
    negatives = len(labels) - positives
    if not positives or not negatives:
        return 0.5
    weight = positives / negatives
    cuts = [round(0.05 + step / 100, 2) for step in range(91)]
    f1s = []
    for cut in cuts:
        tp = sum(1 for score, label in zip(scores, labels) if label and score >= cut)
        fp = weight * sum(1 for score, label in zip(scores, labels) if not label and score >= cut)
        fn = positives - tp
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    smoothed = [sum(f1s[max(0, i - smooth): i + smooth + 1]) / len(f1s[max(0, i - smooth): i + smooth + 1])
                for i in range(len(f1s))]
    return cuts[max(range(len(cuts)), key=lambda i: (smoothed[i], -abs(cuts[i] - 0.5)))]
