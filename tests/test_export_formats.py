"""Per-format behaviour beyond the golden files: exact native serialisation, label mappings, times and evidence."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.export import ExportContext, ExportItem, export_dataset
from annotator.export import native
from annotator.models import Annotation, AnnotationExportRecord, ArticleRef, Label
from tests.fixtures.export.samples import HARBOUR_GAZETTE, claim, sample_items, vote

any_text = st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=40)


@settings(max_examples=150, deadline=None)
@given(text=any_text, title=st.none() | any_text, note=st.none() | any_text, evidence=st.lists(any_text, max_size=3))
def test_native_annotation_record_is_exactly_the_models_serialisation(text, title, note, evidence) -> None:
    """Quotes, control characters, emoji and line separators (and any score and model version) come out as pydantic
    writes AnnotationExportRecord."""
    article = ArticleRef(id="a1", source="a1.txt", title=title)
    item_claim = claim("c1", text, article).model_copy(update={"checkworthiness": 0.1 + len(text) / 100,
                                                                "checkworthiness_model": title})
    annotation = vote("c1", "ana", "verified", 1, note=note, evidence=evidence)
    [row] = native.annotation_rows(ExportItem(item_claim, [annotation]), ExportContext())
    expected = AnnotationExportRecord(**annotation.model_dump(), text=text, article=article,
                                      checkworthiness=item_claim.checkworthiness,
                                      checkworthiness_model=title).model_dump_json()
    assert row.line == expected


def test_custom_labels_without_a_fever_verdict_are_left_out_of_fever_and_counted(tmp_path: Path) -> None:
    labels = [Label(name="verified", key="v", fever="SUPPORTS"), Label(name="satire", key="s")]
    item_claim = claim("c1", "The mayor rode a whale to work.", HARBOUR_GAZETTE)
    items = [ExportItem(item_claim, [vote("c1", "ana", "satire", 1)]),
             ExportItem(claim("c2", "The pier reopened.", HARBOUR_GAZETTE), [vote("c2", "ana", "verified", 2)]),
             ExportItem(claim("c3", "The ferry sank.", HARBOUR_GAZETTE), [vote("c3", "ana", "retired_label", 3)])]
    manifest = export_dataset(items, fmt="fever", out_dir=tmp_path, labels=labels)
    assert manifest.unresolved == {"not_published": 1, "unmapped_label": 1}
    assert manifest.unpublished == {"satire": 1}
    assert manifest.label_mapping == {"verified": "SUPPORTS", "satire": None}
    assert manifest.counts == {"all": 1}


def test_prodigy_offers_the_configured_labels_as_options(tmp_path: Path) -> None:
    labels = [Label(name="true", key="t"), Label(name="false", key="f")]
    items = [ExportItem(claim("c1", "The pier reopened.", HARBOUR_GAZETTE), [vote("c1", "ana", "false", 1)])]
    export_dataset(items, fmt="prodigy", out_dir=tmp_path, labels=labels, all_annotations=True)
    task = json.loads((tmp_path / "prodigy-annotations.jsonl").read_text())
    assert task["options"] == [{"id": "true", "text": "true"}, {"id": "false", "text": "false"}]
    assert task["accept"] == ["false"]


def test_naive_times_are_taken_as_utc_in_prodigy_timestamps(tmp_path: Path) -> None:
    naive = datetime(2024, 3, 1, 9, 0)
    annotation = Annotation(claim_id="c1", annotator="ana", label="verified", created_at=naive, updated_at=naive)
    items = [ExportItem(claim("c1", "The pier reopened.", HARBOUR_GAZETTE), [annotation])]
    export_dataset(items, fmt="prodigy", out_dir=tmp_path, all_annotations=True)
    task = json.loads((tmp_path / "prodigy-annotations.jsonl").read_text())
    assert task["_timestamp"] == 1709283600


def test_fever_gold_evidence_comes_from_annotators_who_chose_the_gold_label(tmp_path: Path) -> None:
    export_dataset(sample_items(), fmt="fever", out_dir=tmp_path)
    rows = {row["id"]: row for row in map(json.loads, (tmp_path / "fever-gold.jsonl").read_text().splitlines())}
    assert rows["c-strike-gazette"]["evidence"] == [[[None, None, "https://post.example/ferry", None]]]
    assert rows["c-strike-gazette"]["label"] == "NOT ENOUGH INFO"
    assert rows["c-crews"]["label"] == "REFUTES"
    assert "c-opinion" not in rows
