"""Golden files per export format: a fixed set of claims exported and compared byte for byte with committed output.

When a format changes on purpose, regenerate the expected files with
`UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_export_golden.py` and review the diff before committing.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime, timezone
from pathlib import Path

import jsonschema
import pytest

from annotator.export import FORMATS, export_dataset, schema_documents
from tests.fixtures.export.samples import sample_items

GOLDEN_DIR = Path(__file__).parent / "fixtures" / "export"
CREATED_AT = datetime(2024, 3, 2, 12, 0, tzinfo=timezone.utc)
CASES = [(fmt, all_annotations) for fmt in FORMATS for all_annotations in (False, True)]


def case_id(case: tuple[str, bool]) -> str:
    return f"{case[0]}-{'annotations' if case[1] else 'gold'}"


def export_case(fmt: str, all_annotations: bool, out_dir: Path):
    return export_dataset(
        sample_items(), fmt=fmt, out_dir=out_dir, all_annotations=all_annotations, min_annotations=2,
        source_db="postgresql+psycopg://lead:hunter2@db.example/newsroom", created_at=CREATED_AT,
    )


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_export_matches_golden_file(case: tuple[str, bool], tmp_path: Path) -> None:
    fmt, all_annotations = case
    manifest = export_case(fmt, all_annotations, tmp_path)
    [data_file] = manifest.files
    written = (tmp_path / data_file.name).read_bytes()
    golden = GOLDEN_DIR / data_file.name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_bytes(written)
    assert golden.exists(), f"{golden} missing: run UPDATE_GOLDEN=1 pytest {Path(__file__).name}"
    assert written.decode() == golden.read_text(encoding="utf-8"), (
        f"{data_file.name} differs from the golden file; if the change is intended, regenerate with "
        f"UPDATE_GOLDEN=1 pytest {Path(__file__).name}"
    )


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_every_exported_record_validates_against_its_schema(case: tuple[str, bool], tmp_path: Path) -> None:
    fmt, all_annotations = case
    manifest = export_case(fmt, all_annotations, tmp_path)
    schema = schema_documents()[manifest.schema_.name]
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    lines = (tmp_path / manifest.files[0].name).read_text(encoding="utf-8").splitlines()
    assert lines
    for line in lines:
        validator.validate(json.loads(line))
    manifest_schema = schema_documents()["manifest"]
    jsonschema.validate(json.loads((tmp_path / "manifest.json").read_text()), manifest_schema)


def test_a_record_with_an_unknown_field_fails_its_schema() -> None:
    """The schemas are strict enough to catch a stray field, so the validation test above can fail."""
    record = {"id": "c1", "claim": "x", "label": "SUPPORTS", "verifiable": "VERIFIABLE", "evidence": [], "extra": 1}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, schema_documents()["fever"])


def test_manifest_describes_the_export(tmp_path: Path) -> None:
    manifest = export_case("fever", False, tmp_path)
    written = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    data = (tmp_path / "fever-gold.jsonl").read_bytes()
    assert written["files"] == [
        {"name": "fever-gold.jsonl", "split": None, "records": 7, "bytes": len(data),
         "sha256": hashlib.sha256(data).hexdigest()}
    ]
    assert written["source_db"] == "postgresql+psycopg://lead@db.example/newsroom"
    assert "hunter2" not in (tmp_path / "manifest.json").read_text()
    assert written["format"] == "fever" and written["records"] == "gold"
    assert written["schema"] == {"name": "fever", "version": 1, "id": "urn:annotator:schema:fever:v1"}
    assert written["claims"] == 11
    assert written["labels"] == {"all": {"NOT ENOUGH INFO": 3, "REFUTES": 1, "SUPPORTS": 3}}
    assert written["label_mapping"]["not_a_claim"] is None
    assert written["label_mapping"]["corrected"] == "REFUTES"
    assert written["unresolved"] == {"no_annotations": 1, "not_a_claim": 1, "tie": 1, "too_few_annotations": 1}
    assert written["unpublished"] == {"not_a_claim": 1}
    assert written["created_at"] == "2024-03-02T12:00:00Z"
    assert manifest.model_dump(mode="json", by_alias=True) == written
    assert manifest.summary() == (
        "fever gold: 7 records from 11 claims; left out: no_annotations 1, not_a_claim 1, tie 1, too_few_annotations 1"
        " (unpublished verdicts: not_a_claim 1)"
    )


def test_same_sentence_in_two_articles_gets_two_prodigy_input_hashes(tmp_path: Path) -> None:
    export_case("prodigy", True, tmp_path)
    tasks = [json.loads(line) for line in (tmp_path / "prodigy-annotations.jsonl").read_text().splitlines()]
    hashes = {task["meta"]["claim_id"]: task["_input_hash"] for task in tasks}
    assert hashes["c-shared-gazette"] != hashes["c-shared-post"]
    same_claim = [task for task in tasks if task["meta"]["claim_id"] == "c-strike-gazette"]
    assert len({task["_task_hash"] for task in same_claim}) == 1, "one question, answered by several annotators"
    assert all(-(2**31) <= task["_input_hash"] < 2**31 for task in tasks)


def test_claimreview_names_speaker_or_outlet_and_reviewer(tmp_path: Path) -> None:
    export_dataset(sample_items(), fmt="claimreview", out_dir=tmp_path, organisation="Harbour Checks",
                   review_url_base="https://checks.example/review/", created_at=CREATED_AT)
    reviews = {r["identifier"]: r for r in map(json.loads, (tmp_path / "claimreview-gold.jsonl").read_text().splitlines())}
    assert reviews["c-strike-gazette"]["itemReviewed"]["author"] == {"@type": "Person", "name": "Mara Lind"}
    assert reviews["c-crews"]["itemReviewed"]["author"] == {"@type": "Organization", "name": "Harbour Gazette"}
    assert reviews["c-crews"]["reviewBody"] == "About 250 crew members joined the walkout."
    assert reviews["c-crews"]["url"] == "https://checks.example/review/c-crews"
    assert {r["author"]["name"] for r in reviews.values()} == {"Harbour Checks"}
    assert "c-opinion" not in reviews
