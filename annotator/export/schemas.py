"""JSON Schemas of every record the tool reads or writes, generated from the pydantic models.

`write_schemas` renders them into `schemas/<name>.schema.json` (what `annotator schemas` runs); a test compares the
committed files with what the models generate, so a model change without regenerated schemas fails.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from annotator.errors import UsageError
from annotator.export.manifest import Manifest
from annotator.export.records import (
    SCHEMA_VERSIONS,
    ClaimReviewRecord,
    FeverRecord,
    ProdigyRecord,
    schema_id,
)
from annotator.models import Annotation, AnnotationExportRecord, Claim, GoldRecord

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

SCHEMA_MODELS: dict[str, tuple[type[BaseModel], Literal["validation", "serialization"], str]] = {
    "jsonl": (GoldRecord, "serialization", "Native gold export record (`annotator export --format jsonl`)"),
    "jsonl_all": (
        AnnotationExportRecord,
        "serialization",
        "Native annotation export record (`annotator export --format jsonl --all`)",
    ),
    "fever": (FeverRecord, "serialization", "FEVER-style export record (`annotator export --format fever`)"),
    "prodigy": (ProdigyRecord, "serialization", "Prodigy task export record (`annotator export --format prodigy`)"),
    "claimreview": (
        ClaimReviewRecord,
        "serialization",
        "schema.org ClaimReview JSON-LD record (`annotator export --format claimreview`)",
    ),
    "annotation": (Annotation, "validation", "Annotation record read by `annotator import`"),
    "claim": (Claim, "serialization", "Claim record printed by `annotator claims --format jsonl`"),
    "manifest": (Manifest, "serialization", "manifest.json written beside every export"),
}
"""Schema name to (model, whether the schema describes what is read or what is written, title)."""


def schema_documents() -> dict[str, dict]:
    """Every schema by name, as a JSON Schema (draft 2020-12) document with `$id`, title and version."""
    documents: dict[str, dict] = {}
    for name, (model, mode, title) in SCHEMA_MODELS.items():
        generated = model.model_json_schema(by_alias=True, mode=mode)
        documents[name] = {
            "$schema": JSON_SCHEMA_DIALECT,
            "$id": schema_id(name),
            **generated,
            "title": title,
            "version": SCHEMA_VERSIONS[name],
        }
    return documents


def render_schema(document: dict) -> str:
    """The stable text of a schema file: sorted keys, two-space indent, trailing newline."""
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_file_name(name: str) -> str:
    """`<name>.schema.json`."""
    return f"{name}.schema.json"


def write_schemas(directory: Path | str) -> list[Path]:
    """Write every schema into `directory` (created if needed), each file replaced atomically; the paths written."""
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{directory}: cannot write schemas there ({exc.strerror or exc})") from None
    written: list[Path] = []
    for name, document in schema_documents().items():
        target = directory / schema_file_name(name)
        descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".partial")
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(render_schema(document))
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        written.append(target)
    return written
