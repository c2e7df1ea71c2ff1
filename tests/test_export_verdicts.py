"""Verdicts and extraction fixes leave the tool apart: a rating comes from the verdict alone, an edit changes what
was reviewed, and a desk's own rating scale is published as its label file says."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from annotator.config import Settings, load_labels
from annotator.errors import UsageError
from annotator.export import ExportItem, export_dataset, schema_documents
from annotator.models import DEFAULT_LABELS, Annotation, ClaimEdit
from tests.fixtures.export.samples import HARBOUR_GAZETTE, claim, vote

SPEECH = claim("c-speech", "He said the bridge would reopen in May.", HARBOUR_GAZETTE, kind="attributed")
FIXED = ClaimEdit(text="Mayor Ilse Varga said the bridge would reopen in May.", speaker="Ilse Varga",
                  start=SPEECH.start, end=SPEECH.end)


def rows(out_dir: Path, name: str) -> list[dict]:
    return [json.loads(line) for line in (out_dir / name).read_text(encoding="utf-8").splitlines()]


def export(tmp_path: Path, name: str, annotations: list[Annotation], fmt: str, **options) -> tuple[list[dict], dict]:
    out_dir = tmp_path / name
    manifest = export_dataset([ExportItem(SPEECH, annotations)], fmt=fmt, out_dir=out_dir, **options)
    return rows(out_dir, manifest.files[0].name), json.loads((out_dir / "manifest.json").read_text())


def test_an_edit_alone_publishes_no_rating(tmp_path: Path) -> None:
    edit_only = vote(SPEECH.id, "ana", None, 1, edit=FIXED)
    reviews, manifest = export(tmp_path, "gold", [edit_only], "claimreview")
    assert reviews == []
    assert manifest["unresolved"] == {"no_annotations": 1}
    reviews, manifest = export(tmp_path, "all", [edit_only], "claimreview", all_annotations=True)
    assert reviews == [] and manifest["unresolved"] == {"no_verdict": 1}


@pytest.mark.parametrize("label, rating, value", [("verified", "Supported", 3), ("contested", "Disputed", 2)])
def test_the_rating_comes_from_the_verdict_and_the_claim_reviewed_from_the_edit(
    tmp_path: Path, label: str, rating: str, value: int
) -> None:
    [edited], _ = export(tmp_path, "edited", [vote(SPEECH.id, "ana", label, 1, edit=FIXED)], "claimreview")
    [plain], _ = export(tmp_path, "plain", [vote(SPEECH.id, "ana", label, 1)], "claimreview")
    assert edited["reviewRating"] == plain["reviewRating"] == {
        "@type": "Rating", "alternateName": rating, "name": rating, "ratingValue": value, "bestRating": 3,
        "worstRating": 1,
    }
    assert edited["claimReviewed"] == FIXED.text and plain["claimReviewed"] == SPEECH.text
    assert edited["itemReviewed"]["author"] == {"@type": "Person", "name": "Ilse Varga"}
    assert plain["itemReviewed"]["author"] == {"@type": "Organization", "name": "Harbour Gazette"}


def test_an_edit_by_one_annotator_and_a_verdict_by_another_make_one_review(tmp_path: Path) -> None:
    annotations = [vote(SPEECH.id, "ana", None, 1, edit=FIXED, flagged=True), vote(SPEECH.id, "ben", "verified", 2)]
    [review], _ = export(tmp_path, "gold", annotations, "claimreview")
    assert review["claimReviewed"] == FIXED.text
    assert review["reviewRating"]["alternateName"] == "Supported"
    assert review["author"] == {"@type": "Person", "name": "ben"}, "only the annotator with a verdict reviewed it"


@pytest.mark.parametrize("label", ["unverifiable", "not_a_claim"])
def test_unverifiable_and_not_a_claim_publish_no_claimreview_and_are_counted(tmp_path: Path, label: str) -> None:
    reviews, manifest = export(tmp_path, label, [vote(SPEECH.id, "ana", label, 1, edit=FIXED)], "claimreview")
    assert reviews == []
    assert manifest["unpublished"] == {label: 1}
    assert manifest["label_mapping"][label] is None
    assert manifest["label_mapping"]["verified"] == "Supported"


def test_fever_and_native_carry_both_the_edit_and_the_verdict(tmp_path: Path) -> None:
    annotations = [vote(SPEECH.id, "ana", "verified", 1, edit=FIXED), vote(SPEECH.id, "ben", "verified", 2)]
    [fever], _ = export(tmp_path, "fever", annotations, "fever")
    assert fever["claim"] == FIXED.text and fever["extracted_claim"] == SPEECH.text
    assert fever["speaker"] == "Ilse Varga" and fever["label"] == "SUPPORTS"
    [gold], _ = export(tmp_path, "native", annotations, "jsonl")
    assert gold["label"] == "verified" and gold["text"] == SPEECH.text
    assert gold["edit"] == {"text": FIXED.text, "speaker": "Ilse Varga", "start": SPEECH.start, "end": SPEECH.end}
    records, _ = export(tmp_path, "native-all", annotations, "jsonl", all_annotations=True)
    assert [record["edit"] for record in records] == [gold["edit"], None]
    for record in records:
        jsonschema.validate(record, schema_documents()["jsonl_all"])


def test_an_edit_without_a_verdict_round_trips_through_the_native_annotation_record() -> None:
    edit_only = vote(SPEECH.id, "chloe", None, 1, edit=FIXED, note="Named two lines up.")
    data = json.loads(edit_only.model_dump_json())
    jsonschema.validate(data, schema_documents()["annotation"])
    assert Annotation.model_validate(data) == edit_only
    with pytest.raises(ValueError, match="needs a label, an edit, a note"):
        Annotation(claim_id=SPEECH.id, annotator="chloe")


def test_a_desk_scale_publishes_its_own_ratings_and_bounds(tmp_path: Path) -> None:
    labels = load_labels(Path("six-point"))
    assert [label.rating for label in labels] == [
        "True", "Mostly true", "Half true", "Mostly false", "False", "Pants on fire", None]
    [review], manifest = export(tmp_path, "desk", [vote(SPEECH.id, "ana", "mostly_false", 1, edit=FIXED)],
                                "claimreview", labels=labels)
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Mostly false", "name": "Mostly false",
                                      "ratingValue": 3, "bestRating": 6, "worstRating": 1}
    assert review["claimReviewed"] == FIXED.text
    assert manifest["label_mapping"]["pants_on_fire"] == "Pants on fire"
    [fever], _ = export(tmp_path, "desk-fever", [vote(SPEECH.id, "ana", "pants_on_fire", 1)], "fever", labels=labels)
    assert fever["label"] == "REFUTES"


def test_the_label_file_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scale = tmp_path / "desk.toml"
    scale.write_text('[[labels]]\nname = "accurate"\nkey = "y"\nrating = "Accurate"\nrating_value = 2\n\n'
                     '[[labels]]\nname = "wrong"\nkey = "w"\nrating = "Wrong"\nrating_value = 1\nfever = "REFUTES"\n')
    monkeypatch.setenv("ANNOTATOR_LABELS_FILE", str(scale))
    labels = Settings().labels()
    assert [(label.name, label.key, label.rating, label.rating_value, label.fever) for label in labels] == [
        ("accurate", "y", "Accurate", 2, None), ("wrong", "w", "Wrong", 1, "REFUTES")]


def test_an_old_label_file_with_default_names_keeps_the_default_ratings(tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text('{"labels": [{"name": "verified", "key": "v"}, {"name": "corrected", "key": "c", '
                   '"needs_correction": true}, {"name": "satire", "key": "s"}]}')
    verified, corrected, satire = load_labels(old)
    assert (verified.rating, verified.fever) == (DEFAULT_LABELS[0].rating, "SUPPORTS")
    assert (corrected.rating, corrected.fever) == (DEFAULT_LABELS[1].rating, "REFUTES")
    assert (satire.rating, satire.fever) == (None, None)


@pytest.mark.parametrize("content, problem", [
    ('[[labels]]\nname = "a"\nkey = "a"\nrating_value = "lots"\n', "labels.0.rating_value"),
    ('[[labels]]\nname = "a"\nkey = "a"\nrating_value = 2\n', "without a rating name"),
    ('[[labels]]\nname = "a"\nkey = "a"\nfever = "MAYBE"\n', "labels.0.fever"),
    ('[[labels]]\nname = "a"\nkey = "a"\n[[labels]]\nname = "b"\nkey = "a"\n', "unique names and keys"),
])
def test_a_bad_label_file_is_one_line_naming_the_file_and_field(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "labels.toml"
    path.write_text(content)
    with pytest.raises(UsageError) as raised:
        load_labels(path)
    message = str(raised.value.message)
    assert message.startswith(str(path)) and problem in message and "\n" not in message
