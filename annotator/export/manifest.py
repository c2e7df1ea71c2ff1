"""The `manifest.json` written beside exported data: what was exported, from where, how, and the file digests."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

MANIFEST_NAME = "manifest.json"


class ManifestModel(BaseModel):
    """Base of the manifest's parts: unknown fields refused."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)


class SchemaRef(ManifestModel):
    """The schema the data files follow."""

    name: str
    """`schemas/<name>.schema.json`."""
    version: int
    id: str


class ManifestFile(ManifestModel):
    """One data file of the export."""

    name: str
    split: Optional[str] = None
    """`train`, `dev` or `test`; null for an export without splits."""
    records: int
    bytes: int
    sha256: str


class SplitSettings(ManifestModel):
    """How claims were divided between train, dev and test."""

    weights: tuple[int, int, int]
    seed: int
    split_by: Literal["group", "article"]


class Manifest(ManifestModel):
    """Everything needed to trust and reproduce an export."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, use_attribute_docstrings=True)

    tool: str = "annotator"
    tool_version: str
    format: str
    records: Literal["gold", "annotations"]
    """`gold`: one resolved record per claim; `annotations`: one per annotation (`--all`)."""
    schema_: SchemaRef = Field(alias="schema")
    created_at: datetime
    source_db: Optional[str] = None
    """The database URL the data came from, with any password removed."""
    min_annotations: int
    split: Optional[SplitSettings] = None
    claims: int
    """Claims read from the source."""
    files: list[ManifestFile]
    counts: dict[str, int]
    """Records written per split (`all` without splits)."""
    labels: dict[str, dict[str, int]]
    """Records per split and per label as written (FEVER verdicts, ClaimReview ratings, or label names)."""
    label_mapping: Optional[dict[str, Optional[str]]] = None
    """Label name to the format's verdict (null: left out), for formats that rename labels."""
    unresolved: dict[str, int] = Field(default_factory=dict)
    """Claims (or, with `--all`, annotations) left out, by reason."""
    unpublished: dict[str, int] = Field(default_factory=dict)
    """Of those left out, the ones whose verdict the label set maps to nothing in this format, by label (ClaimReview:
    `unverifiable` and `not_a_claim` by default; FEVER: `not_a_claim`)."""

    def summary(self) -> str:
        """One line for the terminal: records written per file and what was left out."""
        total = sum(self.counts.values())
        text = f"{self.format} {self.records}: {total} records"
        if self.split is not None:
            text += " (" + ", ".join(f"{name} {count}" for name, count in self.counts.items()) + ")"
        text += f" from {self.claims} claims"
        if self.unresolved:
            left_out = ", ".join(f"{reason} {count}" for reason, count in self.unresolved.items())
            text += f"; left out: {left_out}"
        if self.unpublished:
            verdicts = ", ".join(f"{label} {count}" for label, count in self.unpublished.items())
            text += f" (unpublished verdicts: {verdicts})"
        return text

    def to_json(self) -> str:
        """The manifest as written: indented, keys in model order, with a trailing newline."""
        return self.model_dump_json(by_alias=True, indent=2) + "\n"
