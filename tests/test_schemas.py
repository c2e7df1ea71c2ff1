"""The committed JSON Schemas match the models, and each is a valid draft 2020-12 schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from annotator.export import render_schema, schema_documents, write_schemas
from annotator.models import Annotation, Claim

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schemas"
REQUIRED_NAMES = {"jsonl", "fever", "prodigy", "claimreview", "annotation", "claim"}


def test_every_contract_record_has_a_schema() -> None:
    assert REQUIRED_NAMES <= set(schema_documents())


@pytest.mark.parametrize("name", sorted(schema_documents()))
def test_committed_schema_is_up_to_date(name: str) -> None:
    path = SCHEMA_DIR / f"{name}.schema.json"
    expected = render_schema(schema_documents()[name])
    assert path.exists(), f"{path} is missing; run `annotator schemas` to generate it"
    assert path.read_text(encoding="utf-8") == expected, (
        f"{path.name} is stale: the models changed; run `annotator schemas` to regenerate the schema files"
    )


@pytest.mark.parametrize("name", sorted(schema_documents()))
def test_schema_is_a_valid_json_schema_with_id_and_version(name: str) -> None:
    document = schema_documents()[name]
    jsonschema.Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert document["$id"] == f"urn:annotator:schema:{name}:v{document['version']}"
    assert document["title"]


def test_write_schemas_writes_stable_sorted_files(tmp_path: Path) -> None:
    paths = write_schemas(tmp_path)
    assert sorted(p.name for p in paths) == sorted(f"{name}.schema.json" for name in schema_documents())
    text = (tmp_path / "fever.schema.json").read_text(encoding="utf-8")
    assert text.endswith("}\n") and text == json.dumps(json.loads(text), indent=2, sort_keys=True) + "\n"
    write_schemas(tmp_path)
    assert (tmp_path / "fever.schema.json").read_text(encoding="utf-8") == text
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths), "no temporary files left"


def test_claim_and_annotation_schemas_accept_model_output_and_refuse_stray_fields() -> None:
    from tests.fixtures.export.samples import sample_items

    item = sample_items()[0]
    claim_json = json.loads(item.claim.model_dump_json())
    annotation_json = json.loads(item.annotations[0].model_dump_json())
    documents = schema_documents()
    jsonschema.validate(claim_json, documents["claim"])
    jsonschema.validate(annotation_json, documents["annotation"])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**annotation_json, "lable": "verified"}, documents["annotation"])
    assert Claim.model_validate(claim_json) == item.claim
    assert Annotation.model_validate(annotation_json) == item.annotations[0]
