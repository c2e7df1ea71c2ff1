"""Output formats: the native gold record and the annotation export record."""

from __future__ import annotations

from typing import Optional

from pydantic import Field

from annotator.models.base import Record
from annotator.models.records import Annotation, ArticleRef, ClaimEdit, Conflict

class GoldRecord(Record):
    """The native gold export: one resolved record per claim."""

    claim_id: str
    text: str
    label: str
    correction: Optional[str] = None
    edit: Optional[ClaimEdit] = None
    """The extraction as the annotators fixed it (the edit written most often), or null."""
    speaker: Optional[str] = None
    kind: Optional[str] = None
    source_text: Optional[str] = None
    article: ArticleRef
    group: Optional[str] = None
    also_groups: list[str] = Field(default_factory=list)
    """Other groups whose fact the claim states too."""
    corroborated_by: list[str] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    n_annotations: int
    agreement: float
    """Share of the claim's annotators who chose the gold label."""
    annotators: list[str] = Field(default_factory=list)
    checkworthiness: Optional[float] = None
    """The claim's check-worthiness score when exported."""
    checkworthiness_model: Optional[str] = None
    """Version of the trained model that gave that score (`annotator train`); null for the built-in formula."""


class AnnotationExportRecord(Annotation):
    """An annotation record with the claim text and article added (`export --all`)."""

    text: str
    article: ArticleRef
    checkworthiness: Optional[float] = None
    """The claim's check-worthiness score when exported."""
    checkworthiness_model: Optional[str] = None
    """Version of the trained model that gave that score; null for the built-in formula."""
