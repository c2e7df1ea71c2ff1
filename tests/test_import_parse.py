"""Reading annotation files: native records, `--all` exports and Prodigy tasks; bad lines named by file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.errors import ImportRecordError, InputFileError
from annotator.export import export_dataset, parse_annotation_file
from tests.fixtures.export.samples import sample_items


def all_annotations() -> list:
    return [annotation for item in sample_items() for annotation in item.annotations]


@pytest.mark.parametrize("fmt", ["jsonl", "prodigy"])
def test_all_export_round_trips_to_the_same_annotations(fmt: str, tmp_path: Path) -> None:
    manifest = export_dataset(sample_items(), fmt=fmt, out_dir=tmp_path, all_annotations=True)
    parsed = parse_annotation_file(tmp_path / manifest.files[0].name)
    expected = all_annotations()
    if fmt == "prodigy":  # an edit or flag without a verdict is no answered Prodigy task: counted as no_verdict
        expected = [annotation for annotation in expected if annotation.label is not None]
        assert manifest.unresolved == {"no_verdict": len(all_annotations()) - len(expected)}
    assert parsed == expected


def test_native_records_with_blank_lines(tmp_path: Path) -> None:
    annotations = all_annotations()[:3]
    path = tmp_path / "native.jsonl"
    path.write_text("\n".join(a.model_dump_json() for a in annotations).replace("\n", "\n\n  \n") + "\n")
    assert parse_annotation_file(path) == annotations


def write_lines(path: Path, records: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


GOOD = {"claim_id": "c1", "annotator": "ana", "label": "verified", "created_at": "2024-03-01T09:00:00Z",
        "updated_at": "2024-03-01T09:00:00Z"}


@pytest.mark.parametrize(
    ("bad_line", "expected"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ({**GOOD, "labl": "verified"}, "labl: Extra inputs are not permitted"),
        ({**GOOD, "label": "corrected"}, "label 'corrected' requires a non-empty correction"),
        ({key: value for key, value in GOOD.items() if key != "annotator"}, "annotator: Field required"),
        ({"answer": "accept", "accept": ["verified"], "_annotator_id": "ana", "meta": {}}, "meta.claim_id"),
        ({"answer": "accept", "accept": [], "_annotator_id": "ana", "meta": {"claim_id": "c1"}}, "neither"),
    ],
)
def test_a_bad_line_names_the_file_and_line_and_nothing_is_returned(bad_line, expected: str, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "decisions.jsonl", [GOOD, "", bad_line, GOOD])
    with pytest.raises(ImportRecordError) as caught:
        parse_annotation_file(path)
    message = caught.value.message
    assert message.startswith(f"{path} line 3: ")
    assert expected in message
    assert "\n" not in message


def test_prodigy_tasks_from_prodigy_itself(tmp_path: Path) -> None:
    """Tasks as Prodigy writes them: extra keys ignored, binary `label` tasks, ignored answers skipped."""
    choice = {"text": "Fares rose.", "meta": {"claim_id": "c-fares", "source": "x"}, "options": [{"id": "verified"}],
              "accept": ["verified"], "answer": "accept", "_input_hash": 1, "_task_hash": 2, "_view_id": "choice",
              "_annotator_id": "news-ana", "_session_id": "news-ana", "_timestamp": 1709283720, "priority": 0.5}
    binary = {"text": "Fares rose.", "meta": {"claim_id": "c-fares"}, "label": "contested", "answer": "accept",
              "_session_id": "2024-03-01_10-00-00", "_timestamp": 1709283780}
    skipped = {**choice, "answer": "ignore", "_annotator_id": "news-ben"}
    path = write_lines(tmp_path / "prodigy.jsonl", [choice, binary, skipped])
    first, second = parse_annotation_file(path)
    assert (first.claim_id, first.annotator, first.label) == ("c-fares", "news-ana", "verified")
    assert first.created_at.isoformat() == "2024-03-01T09:02:00+00:00" == first.updated_at.isoformat()
    assert (second.annotator, second.label) == ("2024-03-01_10-00-00", "contested")


def test_missing_empty_and_binary_files_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="not found"):
        parse_annotation_file(tmp_path / "absent.jsonl")
    (tmp_path / "blob.jsonl").write_bytes(b"\xff\xfe\x00\x81binary")
    with pytest.raises(InputFileError, match="not UTF-8"):
        parse_annotation_file(tmp_path / "blob.jsonl")
    with pytest.raises(InputFileError, match="is a folder"):
        parse_annotation_file(tmp_path)


def test_a_file_of_blank_lines_is_an_empty_file(tmp_path: Path) -> None:
    (tmp_path / "blank.jsonl").write_text("\n \n")
    with pytest.raises(InputFileError, match="blank.jsonl: empty"):
        parse_annotation_file(tmp_path / "blank.jsonl")


@pytest.mark.parametrize(("fmt", "kind"), [("jsonl", "a gold export record"), ("fever", "a FEVER record"),
                                           ("claimreview", "a ClaimReview record")])
def test_importing_a_gold_or_foreign_export_says_what_it_is(fmt: str, kind: str, tmp_path: Path) -> None:
    manifest = export_dataset(sample_items(), fmt=fmt, out_dir=tmp_path)
    with pytest.raises(ImportRecordError, match=f"line 1: this is {kind}, not an annotation"):
        parse_annotation_file(tmp_path / manifest.files[0].name)
