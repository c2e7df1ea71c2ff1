"""Logins of the browser UI."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from annotator.models.base import Record


class User(Record):
    """A login for the browser UI; the password is kept only as its hash."""

    name: str
    lead: bool = False
    password_hash: str = Field(repr=False)
    created_at: datetime
