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
    """Claims this annotator gave a verdict."""
    median_ms: Optional[int] = None
    """Median time per decision, over decisions that recorded one."""
    per_hour: Optional[float] = None
    """Claims an hour at the median pace (3,600 s over the median time per decision)."""
    flagged: int = 0
    edits: int = 0
    """Claims whose extraction (text, speaker, span) this annotator fixed."""
    last_active: Optional[datetime] = None


class FlaggedClaim(Record):
    """A claim someone flagged for the lead: who, with which note and verdict (`stats`, the review queue)."""

    claim_id: str
    annotator: str
    label: Optional[str] = None
    """The flagger's verdict, or null when they flagged without deciding."""
    note: Optional[str] = None
    flagged_at: datetime


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
    """Claims in the review queue (annotators disagree, or someone flagged it) that no lead has settled."""
    adjudicated: int
    annotators: list[AnnotatorStats] = Field(default_factory=list)
    remaining: int = 0
    """Verdicts still needed before every claim has `overlap` annotators."""
    per_hour: Optional[float] = None
    """The team's pace: claims an hour of the annotators active in the last hour, at their median pace."""
    hours_left: Optional[float] = None
    """`remaining` at `per_hour`; null while nobody is annotating."""
    flags: list[FlaggedClaim] = Field(default_factory=list)
    """Claims flagged for the lead, in reading order."""
