"""Pydantic domain models: the records every layer passes around and the public contract's shapes.

Nothing here imports anything but pydantic and the standard library, so every layer may import it.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import NamedTuple, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


def utc_now() -> datetime:
    """The current time in UTC, timezone-aware, so stored times compare across machines."""
    return datetime.now(timezone.utc)


def as_utc(value: datetime) -> datetime:
    """The same instant in UTC; a time without a zone (SQLite, hand-written records) is taken as UTC."""
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


class Record(BaseModel):
    """Base for every record: unknown fields are refused so a typo in an import is caught."""

    model_config = ConfigDict(extra="forbid")


class ArticleRef(Record):
    """The identity of an article as it is embedded in claims and exports."""

    id: str
    """Stable id derived from the article's source and text."""
    source: str
    """The file path as given to `ingest`, or the record's id for JSONL input."""
    url: Optional[str] = None
    title: Optional[str] = None
    outlet: Optional[str] = None
    """Publisher, from the record or the URL's domain."""
    published: Optional[str] = None
    """Publication date as ISO 8601 (date or datetime), when the article gives one."""


class Article(ArticleRef):
    """A parsed article: its header fields plus the body text that claim offsets refer to."""

    body: str
    """The cleaned article body; `Claim.start`/`end` index into this string."""
    event: Optional[str] = None
    """Name of the event this article belongs to (folder name or `--event`)."""
    content_hash: str = ""
    """sha256 of the raw input text, so re-ingesting the same content is recognised."""
    superseded_by: Optional[str] = None
    """Id of a newer version of the same source, when the article changed after ingest."""

    def ref(self) -> ArticleRef:
        """The embeddable identity of this article."""
        return ArticleRef(**self.model_dump(include=set(ArticleRef.model_fields)))


class Conflict(Record):
    """A claim in another article that disagrees with this one on a detail."""

    claim_id: str
    detail: str
    """What differs, in words a reviewer understands ("duration: 90 min vs under 120 min")."""


class EntitySpan(Record):
    """A named entity or number inside a claim, with offsets into the article body."""

    text: str
    label: str
    """spaCy entity label (PERSON, ORG, GPE, DATE, CARDINAL, QUANTITY, TIME, ...)."""
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Claim(Record):
    """A check-worthy statement extracted from one article (`annotator claims --format jsonl`)."""

    id: str
    """Stable: the same article text gives the same ids."""
    article: ArticleRef
    text: str
    """The claim as the reviewer sees it."""
    source_text: str
    """The exact span of the article body it came from."""
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: str = "event"
    """`quote`, `attributed`, `statistic` or `event`."""
    speaker: Optional[str] = None
    checkworthiness: float = Field(default=0.5, ge=0.0, le=1.0)
    group: Optional[str] = None
    """Id shared by claims that state the same thing in different articles."""
    corroborated_by: list[str] = Field(default_factory=list)
    """Ids of other articles that state it."""
    conflicts: list[Conflict] = Field(default_factory=list)
    needs_context: bool = False
    """True when the claim depends on a referent the extractor could not resolve (e.g. "he said")."""
    entities: list[EntitySpan] = Field(default_factory=list)
    """Entities and figures inside `source_text`, for highlighting and for linking."""
    position: int = 0
    """Order of the claim within its article."""
    superseded: bool = False
    """True when the article this claim came from has a newer version."""


class Label(Record):
    """One entry of the label set: its name, the key that chooses it and what it means."""

    name: str
    key: str
    description: str = ""
    needs_correction: bool = False
    """Choosing it opens the correction editor; the annotation must carry a correction."""


DEFAULT_LABELS: tuple[Label, ...] = (
    Label(name="verified", key="v", description="Accurate as extracted and supported."),
    Label(
        name="corrected",
        key="c",
        description="Wrong as stated; the reviewer writes what is right.",
        needs_correction=True,
    ),
    Label(name="contested", key="x", description="Sources or parties dispute it."),
    Label(name="unverifiable", key="u", description="Cannot be checked from what is available."),
    Label(name="not_a_claim", key="n", description="The extractor was wrong to pick it."),
)


class Annotation(Record):
    """One annotator's decision on one claim (import records and `export --all`)."""

    claim_id: str
    annotator: str = Field(min_length=1)
    label: str = Field(min_length=1)
    correction: Optional[str] = None
    """What is right, required when the label is `corrected`."""
    note: Optional[str] = None
    evidence: list[str] = Field(default_factory=list)
    """URLs or source sentences backing the decision."""
    flagged: bool = False
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)
    duration_ms: Optional[int] = Field(default=None, ge=0)
    """Time the annotator spent on the claim before deciding."""

    @field_validator("created_at", "updated_at")
    @classmethod
    def _in_utc(cls, value: datetime) -> datetime:
        return as_utc(value)

    @model_validator(mode="after")
    def _correction_required(self) -> "Annotation":
        if self.label == "corrected" and not (self.correction and self.correction.strip()):
            raise ValueError("label 'corrected' requires a non-empty correction")
        return self


class Adjudication(Record):
    """A lead's final decision on a claim, stored apart from annotations and preferred by gold export."""

    claim_id: str
    adjudicator: str = Field(min_length=1)
    label: str = Field(min_length=1)
    correction: Optional[str] = None
    note: Optional[str] = None
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)

    @field_validator("created_at", "updated_at")
    @classmethod
    def _in_utc(cls, value: datetime) -> datetime:
        return as_utc(value)


class LabelVote(NamedTuple):
    """The three fields agreement needs from an annotation, cheap enough to stream a million of."""

    claim_id: str
    annotator: str
    label: str


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


class GoldRecord(Record):
    """The native gold export: one resolved record per claim."""

    claim_id: str
    text: str
    label: str
    correction: Optional[str] = None
    speaker: Optional[str] = None
    kind: Optional[str] = None
    source_text: Optional[str] = None
    article: ArticleRef
    group: Optional[str] = None
    corroborated_by: list[str] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    n_annotations: int
    agreement: float
    """Share of the claim's annotators who chose the gold label."""
    annotators: list[str] = Field(default_factory=list)


class AnnotationExportRecord(Annotation):
    """An annotation record with the claim text and article added (`export --all`)."""

    text: str
    article: ArticleRef


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


class ClaimFilter(Record):
    """What a reviewer asked to see among the claims; empty fields do not filter."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = ""
    """Case-insensitive text that must appear in the claim text."""
    article: str = ""
    """An article id or source, or part of an article's title or outlet."""
    label: str = ""
    """Only claims the queue's annotator gave this label."""
    unlabelled: bool = False
    flagged: bool = False
    conflicts: bool = False
    """Only claims that disagree with another outlet on a detail."""

    @property
    def empty(self) -> bool:
        """True when nothing would be filtered out."""
        return self == ClaimFilter()

    def describe(self) -> str:
        """A short summary for a status line, e.g. `text "army" · unlabelled`."""
        parts = []
        if self.text:
            parts.append(f'text "{self.text}"')
        if self.article:
            parts.append(f'article "{self.article}"')
        if self.label:
            parts.append(f"label {self.label}")
        parts += [name for name, on in (("unlabelled", self.unlabelled), ("flagged", self.flagged),
                                        ("conflicts", self.conflicts)) if on]
        return " · ".join(parts)


class QueueSpec(Record):
    """An annotator's claim queue as the Store pages through it, so a screen never holds every claim id.

    Without `mine_only` the queue is every current claim in reading order; with it (routing), the claims this
    annotator labelled in the order they were first labelled, then `held`, the claim reserved for them.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    annotator: str
    claim_filter: ClaimFilter = ClaimFilter()
    mine_only: bool = False
    held: Optional[str] = None
    keep: tuple[str, ...] = ()
    """Claims that stay in a filtered queue whatever the filter now says (changed since it was set), so positions
    already shown do not shift under the reviewer."""

    @property
    def filtered(self) -> bool:
        """True when a filter narrows the queue."""
        return not self.claim_filter.empty
