"""The base of every record."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

class Record(BaseModel):
    """Base for every record: unknown fields are refused so a typo in an import is caught."""

    model_config = ConfigDict(extra="forbid")
