"""Statistics the tool reports: progress, agreement and team figures."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

from pydantic import Field

from annotator.models.base import Record

class Progress(Record):
    """How far an annotator (and the whole queue) has come."""

    annotator: str
    done: int
    """Claims this annotator has labelled."""
    total: int
    """Claims in the database (not superseded)."""


class PairwiseAgreement(Record):
    """Agreement between two annotators over the items both labelled."""

    annotators: list[str]
    n: int
    cohen_kappa: Optional[float] = None
    percent_agreement: Optional[float] = None


class AgreementReport(Record):
    """Inter-annotator agreement over the database (`annotator agreement --json`)."""

    n_items: int
    n_annotators: int
    n_annotations: int
    percent_agreement: Optional[float] = None
    krippendorff_alpha: Optional[float] = None
    fleiss_kappa: Optional[float] = None
    """Null unless every item has the same number of ratings."""
    pairwise: list[PairwiseAgreement] = Field(default_factory=list)
    per_label: dict[str, Optional[float]] = Field(default_factory=dict)
    """For each label, agreement on that label against the rest (Krippendorff's alpha, binary)."""
    warnings: list[str] = Field(default_factory=list)


class AnnotatorStats(Record):
    """One annotator's output and pace (`annotator stats`)."""

    annotator: str
    annotations: int
    median_ms: Optional[int] = None
    """Median time per decision, over decisions that recorded one."""
    flagged: int = 0
    last_active: Optional[datetime] = None


class TeamStats(Record):
    """Where the whole queue stands and who did what (`annotator stats`)."""

    claims: int
    complete: int
    """Claims with at least `overlap` annotators."""
    in_progress: int
    untouched: int
    reserved: int
    """Claims on someone's screen right now (live leases)."""
    overlap: int
    awaiting_adjudication: int
    """Claims whose annotators disagree and that no lead has settled."""
    adjudicated: int
    annotators: list[AnnotatorStats] = Field(default_factory=list)
