"""Row lookups that several writers share inside their own transaction."""

from __future__ import annotations

from sqlmodel import Session, select

from annotator.models import utc_now
from annotator.store.tables import AnnotationRow, AnnotatorRow


def annotation_row(session: Session, claim_id: str, annotator: str) -> AnnotationRow | None:
    """The row of one annotator's current decision on a claim, if any."""
    query = select(AnnotationRow).where(AnnotationRow.claim_id == claim_id, AnnotationRow.annotator == annotator)
    return session.exec(query).first()


def ensure_annotator(session: Session, name: str) -> None:
    """Register someone who annotates or adjudicates, the first time they decide anything."""
    if session.get(AnnotatorRow, name) is None:
        session.add(AnnotatorRow(name=name, created_at=utc_now()))
        session.flush()
