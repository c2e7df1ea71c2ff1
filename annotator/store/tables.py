"""SQLModel table classes; they never leave the store package (everything outside sees pydantic models)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import JSON, Column, DateTime, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def _utc_column(**kwargs: Any) -> Column:
    return Column(DateTime(timezone=True), **kwargs)


class ArticleRow(SQLModel, table=True):
    """An ingested article version."""

    __tablename__ = "articles"

    id: str = Field(primary_key=True)
    ingest_order: int = Field(index=True)
    source: str = Field(index=True)
    url: Optional[str] = None
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    body: str = Field(sa_column=Column(Text, nullable=False))
    event: Optional[str] = Field(default=None, index=True)
    content_hash: str = Field(index=True)
    superseded_by: Optional[str] = None
    created_at: datetime = Field(sa_column=_utc_column(nullable=False))


class ClaimRow(SQLModel, table=True):
    """A claim extracted from one article version, with its linking fields."""

    __tablename__ = "claims"
    __table_args__ = (Index("ix_claims_article_position", "article_id", "position"),)

    id: str = Field(primary_key=True)
    article_id: str = Field(foreign_key="articles.id", index=True)
    position: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    source_text: str = Field(sa_column=Column(Text, nullable=False))
    start: int
    end: int
    kind: str
    speaker: Optional[str] = None
    checkworthiness: float = Field(index=True)
    checkworthiness_model: Optional[str] = None
    checkworthiness_features: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    needs_context: bool = False
    group_id: Optional[str] = Field(default=None, index=True)
    also_groups: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    corroborated_by: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    conflicts: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    entities: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class AnnotatorRow(SQLModel, table=True):
    """Someone who annotates or adjudicates."""

    __tablename__ = "annotators"

    name: str = Field(primary_key=True)
    created_at: datetime = Field(sa_column=_utc_column(nullable=False))


class AnnotationRow(SQLModel, table=True):
    """The current decision of one annotator on one claim."""

    __tablename__ = "annotations"
    __table_args__ = (UniqueConstraint("claim_id", "annotator", name="uq_annotations_claim_annotator"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    claim_id: str = Field(foreign_key="claims.id")
    """Looked up through the unique (claim_id, annotator) index, which leads with it."""
    annotator: str = Field(foreign_key="annotators.name", index=True)
    label: Optional[str] = None
    """The verdict; null when the annotator only edited, noted or flagged the claim."""
    correction: Optional[str] = Field(default=None, sa_column=Column(Text))
    edit: Optional[dict] = Field(default=None, sa_column=Column(JSON(none_as_null=True), nullable=True))
    """The claim as the annotator fixed its extraction: {text, speaker, start, end}."""
    note: Optional[str] = Field(default=None, sa_column=Column(Text))
    evidence: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    flagged: bool = False
    created_at: datetime = Field(sa_column=_utc_column(nullable=False))
    updated_at: datetime = Field(sa_column=_utc_column(nullable=False))
    duration_ms: Optional[int] = None


class AnnotationHistoryRow(SQLModel, table=True):
    """Append-only log of every change to an annotation, so nothing a reviewer did is ever lost."""

    __tablename__ = "annotation_history"

    id: Optional[int] = Field(default=None, primary_key=True)
    claim_id: str = Field(index=True)
    annotator: str = Field(index=True)
    action: str
    """`save`, `remove`, `import` or `merge`."""
    label: Optional[str] = None
    correction: Optional[str] = Field(default=None, sa_column=Column(Text))
    edit: Optional[dict] = Field(default=None, sa_column=Column(JSON(none_as_null=True), nullable=True))
    note: Optional[str] = Field(default=None, sa_column=Column(Text))
    evidence: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    flagged: bool = False
    duration_ms: Optional[int] = None
    annotation_updated_at: Optional[datetime] = Field(default=None, sa_column=_utc_column(nullable=True))
    recorded_at: datetime = Field(sa_column=_utc_column(nullable=False))


class AdjudicationRow(SQLModel, table=True):
    """A lead's final decision on a claim, kept apart from the annotations it settles."""

    __tablename__ = "adjudications"

    claim_id: str = Field(primary_key=True, foreign_key="claims.id")
    adjudicator: str = Field(foreign_key="annotators.name")
    label: str
    correction: Optional[str] = Field(default=None, sa_column=Column(Text))
    note: Optional[str] = Field(default=None, sa_column=Column(Text))
    created_at: datetime = Field(sa_column=_utc_column(nullable=False))
    updated_at: datetime = Field(sa_column=_utc_column(nullable=False))


class LeaseRow(SQLModel, table=True):
    """A claim reserved for one annotator while it is on their screen."""

    __tablename__ = "leases"

    claim_id: str = Field(primary_key=True, foreign_key="claims.id")
    annotator: str = Field(primary_key=True)
    expires_at: datetime = Field(sa_column=_utc_column(nullable=False, index=True))


class UserRow(SQLModel, table=True):
    """A login for the browser UI: who may sign annotations, with a password hash and whether they lead."""

    __tablename__ = "users"

    name: str = Field(primary_key=True)
    password_hash: str
    lead: bool = False
    created_at: datetime = Field(sa_column=_utc_column(nullable=False))


class PendingLinkRow(SQLModel, table=True):
    """An event whose articles were stored but whose linking has not finished (an ingest was killed or failed)."""

    __tablename__ = "pending_links"

    event: str = Field(primary_key=True)
    since: datetime = Field(sa_column=_utc_column(nullable=False))


class AnnotatorSessionRow(SQLModel, table=True):
    """The live annotate or review session of one annotator: who holds it and until when, unless renewed."""

    __tablename__ = "annotator_sessions"

    annotator: str = Field(primary_key=True)
    holder: str
    started_at: datetime = Field(sa_column=_utc_column(nullable=False))
    expires_at: datetime = Field(sa_column=_utc_column(nullable=False))


class LinkKeyRow(SQLModel, table=True):
    """How many of an event's claims carry one linking key (and event-wide facts under "#" keys)."""

    __tablename__ = "link_keys"

    event: str = Field(primary_key=True)
    key: str = Field(primary_key=True)
    claims: int


class LinkPostingRow(SQLModel, table=True):
    """One claim indexed under a linking key; a key keeps only its newest claims (see `link_index`)."""

    __tablename__ = "link_postings"

    event: str = Field(primary_key=True)
    key: str = Field(primary_key=True)
    seq: int = Field(primary_key=True)
    """The claim's place in the order the event's claims were indexed."""
    claim_id: str
    article_id: str


class FurtherMemberRow(SQLModel, table=True):
    """A claim stating the fact of a group besides its own (one of its `also_groups`): a group's further members are
    read by index, however many claims the database holds."""

    __tablename__ = "further_members"

    group_id: str = Field(primary_key=True)
    claim_id: str = Field(primary_key=True, foreign_key="claims.id", index=True)
