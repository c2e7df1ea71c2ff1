"""Pydantic models of the records each export format writes, so every format has a generated JSON Schema.

The native formats use `annotator.models` directly (GoldRecord, AnnotationExportRecord); the foreign formats
(FEVER, Prodigy, schema.org ClaimReview) are modelled here with their own field names, set through aliases where
Python cannot spell them (`@context`, `_input_hash`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

from annotator.models import ClaimEdit

INT32_MIN = -(2**31)
INT32_MAX = 2**31 - 1

FeverLabel = Literal["SUPPORTS", "REFUTES", "NOT ENOUGH INFO"]
FeverEvidenceItem = tuple[Optional[int], Optional[int], Optional[str], Optional[int]]
"""FEVER's `[annotation id, evidence id, page or URL, sentence id]`; this tool fills only the third slot."""


class ExportRecord(BaseModel):
    """Base of the foreign-format records: unknown fields refused, fields settable by name or alias."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, use_attribute_docstrings=True)


class FeverRecord(ExportRecord):
    """One FEVER-style row (`fever` export): a claim, its verdict and the evidence the annotators cited."""

    id: str
    """The claim id (FEVER uses integers; this tool's ids are strings)."""
    claim: str
    """The claim as judged: the annotators' edit of the extraction when there is one, else the extracted text."""
    extracted_claim: Optional[str] = None
    """The claim as extracted, present when an edit changed it."""
    speaker: Optional[str] = None
    """Who made the claim (the edited speaker when the extraction was fixed), when someone is named."""
    label: FeverLabel
    verifiable: Literal["VERIFIABLE", "NOT VERIFIABLE"]
    """`NOT VERIFIABLE` exactly when the label is `NOT ENOUGH INFO`, as in the FEVER distribution."""
    evidence: list[list[FeverEvidenceItem]] = Field(default_factory=list)
    """Evidence sets, one per annotator who gave evidence for this label; each item `[null, null, source, null]`."""
    annotator: Optional[str] = None
    """Set in `--all` exports (one row per annotation), absent in gold exports."""


class ProdigyOption(ExportRecord):
    """One choice offered in Prodigy's `choice` interface."""

    id: str
    text: str


class ProdigyConfig(ExportRecord):
    """Per-task interface settings Prodigy reads."""

    choice_style: Literal["single", "multiple"] = "single"


class ProdigyMeta(ExportRecord):
    """What Prodigy shows under the task and passes through untouched; `claim_id` maps an import back to its claim."""

    claim_id: str
    article_id: str
    source: str
    url: Optional[str] = None
    title: Optional[str] = None
    outlet: Optional[str] = None
    speaker: Optional[str] = None
    group: Optional[str] = None
    n_annotations: Optional[int] = None
    """Gold exports only: how many annotators labelled the claim."""
    agreement: Optional[float] = None
    """Gold exports only: share of annotators who chose the gold label."""


class ProdigyRecord(ExportRecord):
    """One answered Prodigy `choice` task (`prodigy` export), in the shape `prodigy db-out` writes."""

    text: str
    meta: ProdigyMeta
    options: list[ProdigyOption]
    accept: list[str]
    """The chosen option ids: the label."""
    answer: Literal["accept", "reject", "ignore"] = "accept"
    config: ProdigyConfig = Field(default_factory=ProdigyConfig)
    view_id: str = Field(default="choice", alias="_view_id")
    input_hash: int = Field(alias="_input_hash", ge=INT32_MIN, le=INT32_MAX)
    """Signed 32-bit hash of the claim text and its article's id, so equal texts in two articles stay apart."""
    task_hash: int = Field(alias="_task_hash", ge=INT32_MIN, le=INT32_MAX)
    """Signed 32-bit hash of the input hash and the options offered: the question asked, not the answer."""
    annotator_id: str = Field(alias="_annotator_id")
    session_id: str = Field(alias="_session_id")
    timestamp: int = Field(alias="_timestamp")
    """Unix seconds when the decision was last updated."""
    correction: Optional[str] = None
    edit: Optional[ClaimEdit] = None
    """The extraction as the annotator (gold: the annotators) fixed it."""
    note: Optional[str] = None
    evidence: list[str] = Field(default_factory=list)
    flagged: bool = False
    duration_ms: Optional[int] = Field(default=None, ge=0)
    created_at: Optional[datetime] = None
    updated_at: Optional[datetime] = None


class SchemaOrgModel(ExportRecord):
    """Base of the schema.org parts: camelCase property names on the wire."""

    model_config = ConfigDict(
        extra="forbid", populate_by_name=True, alias_generator=to_camel, use_attribute_docstrings=True
    )


class Party(SchemaOrgModel):
    """A schema.org Person or Organization, by name."""

    type: Literal["Person", "Organization"] = Field(alias="@type")
    name: str


class Appearance(SchemaOrgModel):
    """Where the claim appeared: the article, as a schema.org CreativeWork."""

    type: Literal["CreativeWork"] = Field(default="CreativeWork", alias="@type")
    url: Optional[str] = None
    headline: Optional[str] = None
    publisher: Optional[Party] = None
    date_published: Optional[str] = None


class ReviewedClaim(SchemaOrgModel):
    """The schema.org Claim under review: who made it and where it appeared."""

    type: Literal["Claim"] = Field(default="Claim", alias="@type")
    author: Optional[Party] = None
    """The speaker when the claim is attributed, else the outlet that published it."""
    appearance: list[Appearance] = Field(default_factory=list)
    date_published: Optional[str] = None


class Rating(SchemaOrgModel):
    """The verdict as the label set publishes it: `alternateName` is the text shown, `ratingValue` its place on the
    label set's scale, from `worstRating` to `bestRating` (the lowest and highest values the set publishes)."""

    type: Literal["Rating"] = Field(default="Rating", alias="@type")
    alternate_name: str
    name: Optional[str] = None
    rating_value: Optional[int] = None
    best_rating: Optional[int] = None
    worst_rating: Optional[int] = None


class ClaimReviewRecord(SchemaOrgModel):
    """One schema.org ClaimReview JSON-LD object per reviewed claim (`claimreview` export)."""

    context: Literal["https://schema.org"] = Field(default="https://schema.org", alias="@context")
    type: Literal["ClaimReview"] = Field(default="ClaimReview", alias="@type")
    identifier: str
    """The claim id, so reviews can be joined back to the tool's data."""
    url: str
    """The review's address: `<review_url_base><claim id>` when a base is given, else `urn:annotator:claim:<id>`."""
    claim_reviewed: str
    """The claim as reviewed: the annotators' edit of the extraction when there is one, else the extracted text."""
    review_rating: Rating
    review_body: Optional[str] = None
    """The correction, when the verdict is that the claim is wrong as stated."""
    item_reviewed: ReviewedClaim
    author: Party
    """The reviewing organisation when one is configured, else the one person who decided, else the team."""
    date_published: Optional[str] = None
    """Date (YYYY-MM-DD) of the last decision on the claim."""


SCHEMA_VERSIONS: dict[str, int] = {
    "jsonl": 3,
    "jsonl_all": 3,
    "fever": 1,
    "prodigy": 1,
    "claimreview": 2,
    "annotation": 2,
    "claim": 3,
    "manifest": 1,
}
"""Version of each record schema; bump one when its record changes shape in a way readers must notice."""


def schema_id(name: str) -> str:
    """The `$id` of a schema: a URN naming the record and its version."""
    return f"urn:annotator:schema:{name}:v{SCHEMA_VERSIONS[name]}"
