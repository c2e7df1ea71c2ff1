"""The agreement report's extra shapes: the contract's `AgreementReport` plus what helps a lead act on it."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from annotator.models import AgreementReport, PairwiseAgreement, Record


class PairwiseDetail(PairwiseAgreement):
    """A pair's agreement plus its confusion matrix (rows: first annotator, columns: second, in `labels` order)."""

    confusion: list[list[int]] = Field(default_factory=list)


class ConfidenceInterval(Record):
    """A percentile bootstrap interval over items; `n_defined` resamples had a value."""

    low: float
    high: float
    confidence: float
    n_boot: int
    n_defined: int
    seed: int


class AnnotatorAgreement(Record):
    """How often one annotator matches the reference label (gold when given, else the others' majority)."""

    annotator: str
    reference: Literal["gold", "majority"]
    n_annotations: int
    n_compared: int
    """Items that had a reference label to compare with."""
    agreement: float | None = None
    cohen_kappa: float | None = None


class ItemDisagreement(Record):
    """A claim whose annotators disagreed, with how they split."""

    claim_id: str
    n_ratings: int
    agreement: float
    """Share of agreeing annotator pairs on this claim."""
    label_counts: dict[str, int]


class FullAgreementReport(AgreementReport):
    """`AgreementReport` with the bootstrap interval, confusion matrices, per-annotator and per-claim detail."""

    labels: list[str] = Field(default_factory=list)
    """Category order of confusion matrices: the label set first, then other labels seen."""
    n_co_rated_items: int = 0
    """Items with at least two ratings: the ones every coefficient is computed from."""
    gwet_ac1: float | None = None
    krippendorff_alpha_ci: ConfidenceInterval | None = None
    pairwise: list[PairwiseDetail] = Field(default_factory=list)
    annotators: list[AnnotatorAgreement] = Field(default_factory=list)
    most_disagreement: list[ItemDisagreement] = Field(default_factory=list)
    undefined: dict[str, str] = Field(default_factory=dict)
    """Why each coefficient left null is undefined."""
