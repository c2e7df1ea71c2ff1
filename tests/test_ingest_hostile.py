"""One bad input never costs the good ones: oversized, malformed and mis-encoded files each get one line."""

from __future__ import annotations

import json

import pytest

from tests.test_cli import claims_of, run

GOOD = ("Ferries between Port Ellin and Dunmore ran again on Tuesday after a four-day suspension.\n\n"
        "\"We expect 1,200 passengers a day by June,\" harbour master Ines Varga said at the pier.\n")
CAFE = ("Sales at the harbour café fell by 40 percent in May, the owner told reporters on Monday.\n\n"
        "The café owners' association said 14 sailings were cancelled, and the ferry operator confirmed it.\n")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_db(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hostile.db'}"
    return request.getfixturevalue("postgres_url")


def test_hostile_files_get_one_line_each_and_the_rest_land(empty_db, tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD, encoding="utf-8")
    sentence = "The council said the harbour budget rose by 4 percent to 12 million euros last year. "
    (folder / "b_huge.txt").write_text(sentence * (1_500_000 // len(sentence)), encoding="utf-8")
    records = [
        json.dumps({"id": "good-record", "text": GOOD.replace("Tuesday", "Wednesday")}),
        '{"id": "surrogate", "title": "Port \\ud800 news", "text": "The port said 40 ships docked on Monday."}',
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"id": "good-too", "text": GOOD.replace("Tuesday", "Thursday")}),
    ]
    (folder / "c_records.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    (folder / "d_nested.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    cafe = CAFE.encode("utf-8")
    stray = cafe.index(b"ferry")
    (folder / "e_stray_byte.txt").write_bytes(cafe[:stray] + b"\xff" + cafe[stray:])

    result = run("ingest", str(folder), db=empty_db, check=False)
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("annotator:") and "warning" not in line]
    assert len(errors) == 4, result.stderr
    assert any("b_huge.txt" in line and "characters" in line for line in errors)
    assert any("c_records.jsonl" in line and "line 2" in line and "surrogate" in line for line in errors)
    assert any("c_records.jsonl" in line and "line 3" in line and "nested" in line for line in errors)
    assert any("d_nested.json" in line and "nested" in line for line in errors)
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "e_stray_byte.txt" in warnings[0] and f"byte {stray}" in warnings[0]

    claims = claims_of(empty_db)
    sources = {claim["article"]["source"] for claim in claims}
    assert {str(folder / "a_good.txt"), "good-record", "good-too", str(folder / "e_stray_byte.txt")} <= sources
    stray_text = " ".join(claim["source_text"] for claim in claims if claim["article"]["source"].endswith("byte.txt"))
    assert "café" in stray_text and "Ã" not in stray_text and "\ufffdferry" in stray_text


def test_import_trims_names_and_refuses_empty_and_deeply_nested_records(empty_db, tmp_path):
    articles = tmp_path / "a.jsonl"
    articles.write_text(json.dumps({"id": "n1", "text": GOOD}) + "\n")
    run("ingest", str(articles), db=empty_db)
    claim_id = claims_of(empty_db)[0]["id"]
    blank = tmp_path / "blank.jsonl"
    blank.write_text(json.dumps({"claim_id": claim_id, "annotator": "   ", "label": "verified"}) + "\n")
    result = run("import", str(blank), db=empty_db, check=False)
    assert result.returncode == 1 and "line 1" in result.stderr and "annotator" in result.stderr

    nested = tmp_path / "nested.jsonl"
    nested.write_text("{\"a\": " + "[" * 100_000 + "]" * 100_000 + "}\n")
    result = run("import", str(nested), db=empty_db, check=False)
    assert result.returncode == 1 and "nested" in result.stderr and len(result.stderr.strip().splitlines()) == 1

    twins = tmp_path / "twins.jsonl"
    twins.write_text(
        json.dumps({"claim_id": claim_id, "annotator": "alice ", "label": "verified",
                    "updated_at": "2026-01-01T00:00:00Z", "created_at": "2026-01-01T00:00:00Z"}) + "\n"
        + json.dumps({"claim_id": claim_id, "annotator": "alice", "label": "contested",
                      "updated_at": "2026-01-02T00:00:00Z", "created_at": "2026-01-01T00:00:00Z"}) + "\n"
    )
    run("import", str(twins), db=empty_db)
    out = tmp_path / "out"
    run("export", "--all", "--out", str(out), db=empty_db)
    rows = [json.loads(line) for path in out.glob("*.jsonl") for line in path.read_text().splitlines()]
    assert [(row["annotator"], row["label"]) for row in rows] == [("alice", "contested")]
