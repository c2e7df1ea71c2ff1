"""Domain records: articles, claims, and the decisions reviewers and leads make on them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple, Optional

from pydantic import ConfigDict, Field, field_validator, model_validator

from annotator.models.base import Record
from annotator.models.times import as_utc, utc_now


def trimmed_name(value: str) -> str:
    """A person's name without surrounding spaces ("alice " is alice); ValueError when nothing is left."""
    name = value.strip()
    if not name:
        raise ValueError("a name is required (it is empty or only spaces)")
    return name


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
    """What differs, in the articles' words and normalised values
    ("duration: an hour and a half (90 min) vs nearly two hours (nearly 120 min)")."""
    kind: str = ""
    """The detail that differs: duration, count, date, years, speaker or quote."""
    wording: str = ""
    """This claim's words for the detail ("an hour and a half", "Wendy"; the speaker's name)."""
    start: Optional[int] = None
    end: Optional[int] = None
    """Where `wording` stands in this claim's `source_text`, for highlighting; None when it is not there."""
    other_wording: str = ""
    """The other claim's words for the same detail ("nearly two hours", "Debbie")."""
    other_start: Optional[int] = None
    other_end: Optional[int] = None
    """Where `other_wording` stands in the other claim's `source_text`; None when it is not there."""


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
    checkworthiness_model: Optional[str] = None
    """Version of the trained model that gave `checkworthiness` (`annotator train`); null for the built-in formula."""
    checkworthiness_features: list[str] = Field(default_factory=list)
    """The formula's features that held for the sentence (`number`, `named_entity`, `question`, ...)."""
    group: Optional[str] = None
    """Id shared by claims that state the same thing in different articles."""
    also_groups: list[str] = Field(default_factory=list)
    """Other groups whose fact the claim states too (a sentence reporting two facts), without the groups merging."""
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


class ClaimEdit(Record):
    """What a reviewer changed in the extracted claim: the claim as it should read, its speaker and its span.

    An edit fixes the extraction ("He" -> "Tomas Revka"); it is not a verdict and publishes no rating.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=1)
    """The claim as it should read; ClaimReview publishes this as `claimReviewed`."""
    speaker: Optional[str] = None
    """Who made the claim (None: nobody named)."""
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    """Character offsets into the article body of the span the claim comes from."""

    @model_validator(mode="after")
    def _ordered_span(self) -> "ClaimEdit":
        if self.end < self.start:
            raise ValueError(f"edit span ends ({self.end}) before it starts ({self.start})")
        return self


class Annotation(Record):
    """One annotator's work on one claim: a verdict, an edit of the extraction, a note or a flag (import records and
    `export --all`); any of them may come without the others, but one must be there."""

    claim_id: str
    annotator: str = Field(min_length=1)
    label: Optional[str] = Field(default=None, min_length=1)
    """The verdict; None when the annotator only edited, noted or flagged the claim."""
    correction: Optional[str] = None
    """What is right, required when the label is `corrected`."""
    edit: Optional[ClaimEdit] = None
    """The extraction as the annotator fixed it; independent of the verdict."""
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

    @field_validator("annotator")
    @classmethod
    def _trimmed_name(cls, value: str) -> str:
        return trimmed_name(value)

    @model_validator(mode="after")
    def _correction_required(self) -> "Annotation":
        if self.label == "corrected" and not (self.correction and self.correction.strip()):
            raise ValueError("label 'corrected' requires a non-empty correction")
        if self.label is None and not self.has_extras:
            raise ValueError("an annotation needs a label, an edit, a note, evidence or a flag")
        return self

    @property
    def has_extras(self) -> bool:
        """True when the annotation carries something besides its verdict (edit, note, evidence, flag)."""
        return bool(self.edit is not None or (self.note and self.note.strip()) or self.evidence or self.flagged)


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

    @field_validator("adjudicator")
    @classmethod
    def _trimmed_name(cls, value: str) -> str:
        return trimmed_name(value)


class LabelVote(NamedTuple):
    """The three fields agreement needs from an annotation, cheap enough to stream a million of."""

    claim_id: str
    annotator: str
    label: str


DECISION_FIELDS: tuple[str, ...] = ("label", "correction", "edit", "note", "evidence", "flagged")
"""The fields of an annotation that make up the decision itself: what the history records and a re-import compares."""


class ExportItem(NamedTuple):
    """One claim with every annotation on it and its adjudication, if any, as the store streams them in claim order
    and exports consume them."""

    claim: Claim
    annotations: Sequence[Annotation]
    adjudication: Optional[Adjudication] = None
