"""Reading annotation files for `annotator import`: native annotation JSONL and Prodigy JSONL, validated line by line.

A line is read as a Prodigy task when it carries any of Prodigy's own keys (`answer`, `_input_hash`, `_task_hash`,
`_annotator_id`, `_session_id`), and as a native record otherwise. Native records follow the annotation schema
exactly; `--all` export records (an annotation plus `text` and `article`) are accepted too and the two claim fields
dropped. A Prodigy task becomes an annotation this way:

- `claim_id` from `meta.claim_id` (required);
- `label` from the single entry of `accept` (a `choice` task), else the task's `label` (a binary task);
- `annotator` from `_annotator_id`, else `_session_id`;
- `correction`, `note`, `evidence`, `flagged`, `duration_ms`, `created_at`, `updated_at` from the task's keys of
  those names when present (this tool's Prodigy export writes them); otherwise both times from `_timestamp` (UTC);
- tasks answered `ignore` or `reject` carry no label and are skipped; other Prodigy keys are ignored.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from collections.abc import Iterator
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from annotator.errors import ImportRecordError, InputFileError
from annotator.models import Annotation, AnnotationExportRecord

PRODIGY_KEYS = frozenset({"answer", "_input_hash", "_task_hash", "_annotator_id", "_session_id"})
CLAIM_FIELDS = frozenset({"text", "article", "checkworthiness", "checkworthiness_model"})


class ProdigyMetaInput(BaseModel):
    """The part of a Prodigy task's `meta` an import needs; other meta keys pass."""

    model_config = ConfigDict(extra="allow")

    claim_id: str = Field(min_length=1)


class ProdigyTaskInput(BaseModel):
    """The keys of a Prodigy task an import reads; Prodigy's many other keys (tokens, spans, config...) pass."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    meta: ProdigyMetaInput
    answer: Literal["accept", "reject", "ignore"]
    accept: Optional[list[str]] = None
    label: Optional[str] = None
    annotator_id: Optional[str] = Field(default=None, alias="_annotator_id")
    session_id: Optional[str] = Field(default=None, alias="_session_id")
    timestamp: Optional[int] = Field(default=None, alias="_timestamp")
    correction: Optional[str] = None
    edit: Optional[dict[str, Any]] = None
    note: Optional[str] = None
    evidence: list[str] = Field(default_factory=list)
    flagged: bool = False
    duration_ms: Optional[int] = None
    created_at: Optional[datetime] = None
    updated_at: Optional[datetime] = None


def parse_annotation_file(path: Path | str) -> list[Annotation]:
    """Every annotation in a JSONL file, or `ImportRecordError` naming the file and line of the first bad record.

    Blank lines are skipped; a file with no records at all is an `InputFileError`. Nothing is returned unless every
    line is valid.
    """
    return list(iter_annotation_file(path))


def iter_annotation_file(path: Path | str) -> Iterator[Annotation]:
    """The annotations of a JSONL file one at a time (an import of a million holds one chunk, not the file);
    the same errors as `parse_annotation_file`, raised when the bad line is reached."""
    path = Path(path)
    records = 0
    validate_native = Annotation.__pydantic_validator__.validate_json  # a plain native record in one step
    try:
        with path.open("r", encoding="utf-8-sig") as lines:
            for line_number, line in enumerate(lines, start=1):
                try:
                    annotation = validate_native(line)
                except ValidationError:
                    if not line.strip():
                        continue
                    annotation = parse_annotation_line(line, source=f"{path} line {line_number}")
                records += 1
                if annotation is not None:
                    yield annotation
    except FileNotFoundError:
        raise InputFileError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise InputFileError(f"{path}: is a folder, not an annotation file") from None
    except UnicodeDecodeError:
        raise InputFileError(f"{path}: not UTF-8 text") from None
    except PermissionError:
        raise InputFileError(f"{path}: not readable (permission denied)") from None
    if records == 0:
        raise InputFileError(f"{path}: empty, no annotation records")


def parse_annotation_line(line: str, *, source: str) -> Optional[Annotation]:
    """One record as an annotation (None for a Prodigy task with no label); `source` names it in errors."""
    try:
        return Annotation.model_validate_json(line)  # a plain native record, parsed and checked in one step
    except ValidationError:
        pass  # any other record, or a bad one: read below, which names the problem
    try:
        data = json.loads(line)
    except ValueError as error:
        raise ImportRecordError(f"{source}: not valid JSON ({error})") from None
    except RecursionError:
        raise ImportRecordError(f"{source}: JSON nested too deeply to be an annotation record") from None
    if not isinstance(data, dict):
        raise ImportRecordError(f"{source}: expected a JSON object, got {type(data).__name__}")
    foreign = _foreign_record_kind(data)
    if foreign:
        raise ImportRecordError(
            f"{source}: this is {foreign}, not an annotation; import annotation records or `export --all` output"
        )
    try:
        if PRODIGY_KEYS & data.keys():
            return _from_prodigy(data, source)
        if CLAIM_FIELDS & data.keys():
            record = AnnotationExportRecord.model_validate(data)
            return Annotation.model_validate(record.model_dump(exclude=set(CLAIM_FIELDS)))
        return Annotation.model_validate(data)
    except ValidationError as error:
        raise ImportRecordError(f"{source}: {describe_validation_error(error)}") from None


def _foreign_record_kind(data: dict[str, Any]) -> Optional[str]:
    """Name the export record a line is when it is one that cannot be imported, for a clearer message."""
    if "@context" in data or data.get("@type") == "ClaimReview":
        return "a ClaimReview record"
    if {"n_annotations", "agreement"} <= data.keys():
        return "a gold export record"
    if {"verifiable", "claim", "id"} <= data.keys():
        return "a FEVER record"
    return None


def describe_validation_error(error: ValidationError) -> str:
    """The first problem of a validation error in one line: the field, then what is wrong with it."""
    problems = error.errors(include_url=False)
    first = problems[0]
    message = str(first["msg"]).removeprefix("Value error, ")
    location = ".".join(str(part) for part in first["loc"])
    text = f"{location}: {message}" if location else message
    if len(problems) > 1:
        text += f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''})"
    return text


def _from_prodigy(data: dict[str, Any], source: str) -> Optional[Annotation]:
    task = ProdigyTaskInput.model_validate(data)
    if task.answer != "accept":
        return None
    if task.accept:
        if len(task.accept) != 1:
            raise ImportRecordError(f"{source}: `accept` holds {len(task.accept)} options; one label is expected")
        label = task.accept[0]
    elif task.label:
        label = task.label
    else:
        raise ImportRecordError(f"{source}: accepted task has neither an `accept` choice nor a `label`")
    annotator = task.annotator_id or task.session_id
    if not annotator:
        raise ImportRecordError(f"{source}: task has neither `_annotator_id` nor `_session_id`")
    fields: dict[str, Any] = {
        "claim_id": task.meta.claim_id,
        "annotator": annotator,
        "label": label,
        "correction": task.correction,
        "edit": task.edit,
        "note": task.note,
        "evidence": task.evidence,
        "flagged": task.flagged,
        "duration_ms": task.duration_ms,
    }
    stamped = datetime.fromtimestamp(task.timestamp, timezone.utc) if task.timestamp is not None else None
    for name, value in (("created_at", task.created_at), ("updated_at", task.updated_at)):
        moment = value or stamped
        if moment is not None:
            fields[name] = moment
    return Annotation.model_validate(fields)
