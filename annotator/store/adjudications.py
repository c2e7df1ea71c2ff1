"""Adjudications: a lead's final decision on a claim, kept apart from the annotations it settles."""

from __future__ import annotations

from collections.abc import Iterator

from sqlmodel import select

from annotator.models import Adjudication
from annotator.store.annotation_save import save_adjudication
from annotator.store.database import Database
from annotator.store.mapping import adjudication_from_table_row
from annotator.store.tables import AdjudicationRow


class Adjudications:
    """Leads' decisions; each call is one transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def save(self, adjudication: Adjudication) -> Adjudication:
        """Record a lead's decision on a claim; the annotations it settles stay as they are."""
        with self.db.driver_transaction() as cursor:
            return save_adjudication(cursor, adjudication)

    def remove(self, claim_id: str) -> None:
        """Take a lead's decision back (undo), leaving the claim unsettled again."""
        with self.db.write() as session:
            row = session.get(AdjudicationRow, claim_id)
            if row is not None:
                session.delete(row)

    def get(self, claim_id: str) -> Adjudication | None:
        """The lead's decision on a claim, if any."""
        with self.db.read() as session:
            row = session.get(AdjudicationRow, claim_id)
            return adjudication_from_table_row(row) if row is not None else None

    def all(self) -> Iterator[Adjudication]:
        """Every adjudication, ordered by claim id."""
        with self.db.read() as session:
            for row in session.exec(select(AdjudicationRow).order_by(AdjudicationRow.claim_id)):
                yield adjudication_from_table_row(row)
