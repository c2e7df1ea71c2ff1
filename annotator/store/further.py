"""The further members of groups (`Claim.also_groups`), indexed in a table of their own beside the claims' column."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from annotator.store.tables import FurtherMemberRow

CHUNK = 500
"""Claim ids per DELETE ... IN (...), well inside SQLite's limit on bound parameters."""


def members_of(groups: Sequence[str]):
    """The ids of the claims that list one of these groups among their further groups (a subquery)."""
    return select(FurtherMemberRow.claim_id).where(FurtherMemberRow.group_id.in_(list(groups)))


def write_further(session: Session, claims: Iterable[tuple[str, Sequence[str]]]) -> None:
    """Make the further groups of these (claim id, further groups) what the table holds for them."""
    rows = list(claims)
    ids = [claim_id for claim_id, _ in rows]
    for start in range(0, len(ids), CHUNK):
        session.execute(delete(FurtherMemberRow).where(FurtherMemberRow.claim_id.in_(ids[start:start + CHUNK])))
    values = [{"group_id": group, "claim_id": claim_id} for claim_id, groups in rows for group in dict.fromkeys(groups)]
    if values:
        session.execute(insert(FurtherMemberRow), values)
