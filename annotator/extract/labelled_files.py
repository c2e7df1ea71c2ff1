"""Labelled sentences for training check-worthiness: JSONL `{"text", "label"}`, ClaimBuster JSON and CSV.

A label is check-worthy (1) or not (0). Files may say it as 0/1, true/false, a label name of the tool
(`not_a_claim` is negative, any other name positive), or ClaimBuster's verdict (1 check-worthy factual, 0 and -1
not). Every problem is one line naming the file and the record.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any, NamedTuple

from annotator.errors import InputFileError

NOT_A_CLAIM = "not_a_claim"
_TEXT_KEYS = ("text", "Text", "sentence", "Sentence")
_LABEL_KEYS = ("label", "Label", "Verdict", "verdict")
_LABEL_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
"""A verdict name of a label set (`verified`, `contested`, a team's own): check-worthy unless `not_a_claim`."""


class LabelledSentence(NamedTuple):
    """A sentence and whether it is worth checking (1) or not (0)."""

    text: str
    label: int


def read_labelled_file(path: Path) -> list[LabelledSentence]:
    """The labelled sentences of one file, chosen by its suffix (.jsonl/.ndjson, .json, .csv)."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputFileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError(f"{path}: cannot be read as UTF-8 text ({type(exc).__name__})") from None
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        records = [(number, _json_line(path, number, line)) for number, line in enumerate(raw.splitlines(), 1)
                   if line.strip()]
        where = "line"
    elif suffix == ".json":
        records = list(enumerate(_json_list(path, raw), 1))
        where = "record"
    elif suffix == ".csv":
        records = list(enumerate(csv.DictReader(raw.splitlines()), 2))
        where = "line"
    else:
        raise InputFileError(f"{path}: unknown labelled-data format '{path.suffix}' (use .jsonl, .json or .csv)")
    sentences = [_sentence(path, f"{where} {number}", record) for number, record in records]
    if not sentences:
        raise InputFileError(f"{path}: no labelled sentences")
    return sentences


def label_value(value: Any) -> int | None:
    """1 for check-worthy, 0 for not, None when the value says neither."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return 1 if value == 1 else 0 if value in (0, -1) else None
    if isinstance(value, str):
        text = value.strip()
        if text.lstrip("-").isdigit():
            return label_value(int(text))
        lowered = text.lower()
        if lowered in ("true", "yes", "checkworthy", "check-worthy"):
            return 1
        if lowered in ("false", "no", NOT_A_CLAIM):
            return 0
        return 1 if _LABEL_NAME.fullmatch(text) else None
    return None


def _json_line(path: Path, number: int, line: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputFileError(f"{path}: line {number}: not JSON ({exc.msg})") from None


def _json_list(path: Path, raw: str) -> list:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputFileError(f"{path}: not JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, list):
        raise InputFileError(f"{path}: expected a list of {{\"text\", \"label\"}} records")
    return data


def _sentence(path: Path, where: str, record: Any) -> LabelledSentence:
    if not isinstance(record, dict):
        raise InputFileError(f"{path}: {where}: expected an object with text and label")
    text = next((record[key] for key in _TEXT_KEYS if key in record), None)
    raw_label = next((record[key] for key in _LABEL_KEYS if key in record), None)
    if not isinstance(text, str) or not text.strip():
        raise InputFileError(f"{path}: {where}: missing or empty text")
    label = label_value(raw_label)
    if label is None:
        raise InputFileError(f"{path}: {where}: label {raw_label!r} is neither check-worthy nor not")
    return LabelledSentence(" ".join(text.split()), label)
