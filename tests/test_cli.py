"""The commands as a user runs them: real processes, real databases, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli.annotate_cmds import sample_dir

ANNOTATOR = str(Path(sys.executable).with_name("annotator"))
CLAIM_FIELDS = {"id", "article", "text", "source_text", "start", "end", "kind", "speaker", "checkworthiness",
                "group", "corroborated_by", "conflicts"}
ARTICLE_FIELDS = {"id", "source", "url", "title", "outlet", "published"}


def run(*args: str, db: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
    command = [ANNOTATOR, *args] + (["--db", db] if db else [])
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert "Traceback" not in result.stderr, result.stderr
    if check:
        assert result.returncode == 0, result.stderr
    return result


def claims_of(db: str) -> list[dict]:
    return [json.loads(line) for line in run("claims", "--format", "jsonl", db=db).stdout.splitlines()]


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def sample_db(request, tmp_path_factory) -> str:
    """The bundled sample ingested once per backend; tests use their own annotator names."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'sample.db'}"
    else:
        url = request.getfixturevalue("postgres_server").create_database(f"cli_sample_{id(request)}")
    run("ingest", str(sample_dir()), db=url)
    return url


def test_claims_jsonl_carries_every_contract_field_with_exact_spans(sample_db):
    claims = claims_of(sample_db)
    assert len(claims) >= 20
    bodies = {}
    for claim in claims:
        assert CLAIM_FIELDS <= claim.keys() and ARTICLE_FIELDS <= claim["article"].keys()
        assert claim["article"]["source"].endswith(".txt")
        bodies.setdefault(claim["article"]["id"], claim)
    assert {c["article"]["outlet"] for c in claims} >= {"northernledger.example", "coastalpost.example"}
    assert any(c["conflicts"] for c in claims), "the sample's planted disagreements are flagged"


def test_reingesting_the_same_articles_changes_nothing(sample_db):
    before = claims_of(sample_db)
    result = run("ingest", str(sample_dir()), db=sample_db)
    assert "0 added" in result.stderr and "4 unchanged" in result.stderr
    assert claims_of(sample_db) == before


def test_import_export_and_agreement_round_trip(sample_db, tmp_path):
    claim_ids = [claim["id"] for claim in claims_of(sample_db)][:6]
    labels = {"rt-alice": ["verified", "verified", "contested", "verified", "unverifiable", "verified"],
              "rt-bob": ["verified", "contested", "contested", "verified", "verified", "not_a_claim"]}
    records = tmp_path / "annotations.jsonl"
    records.write_text("".join(
        json.dumps({"claim_id": claim_id, "annotator": name, "label": label}) + "\n"
        for name, row in labels.items() for claim_id, label in zip(claim_ids, row)
    ))
    run("import", str(records), db=sample_db)
    again = run("import", str(records), db=sample_db)
    assert "0 added" in again.stderr and "12 unchanged" in again.stderr

    gold_dir = tmp_path / "gold"
    run("export", "--format", "jsonl", "--out", str(gold_dir), db=sample_db)
    gold = [json.loads(line) for path in gold_dir.glob("*.jsonl") for line in path.read_text().splitlines()]
    gold_by_claim = {record["claim_id"]: record for record in gold}
    assert gold_by_claim[claim_ids[0]]["label"] == "verified" and gold_by_claim[claim_ids[0]]["agreement"] == 1.0
    assert gold_by_claim[claim_ids[2]]["label"] == "contested"
    assert claim_ids[1] not in gold_by_claim, "a 1-1 tie is left out"
    manifest = json.loads((gold_dir / "manifest.json").read_text())
    assert manifest["unresolved"]

    all_dir = tmp_path / "all"
    run("export", "--format", "jsonl", "--all", "--out", str(all_dir), db=sample_db)
    rows = [json.loads(line) for path in all_dir.glob("*.jsonl") for line in path.read_text().splitlines()]
    mine = [row for row in rows if row["annotator"].startswith("rt-")]
    assert len(mine) == 12 and all("text" in row and "article" in row for row in mine)

    report = json.loads(run("agreement", "--json", db=sample_db).stdout)
    for key in ("n_items", "n_annotators", "n_annotations", "percent_agreement", "krippendorff_alpha",
                "fleiss_kappa", "pairwise", "per_label"):
        assert key in report
    pair = [p for p in report["pairwise"] if sorted(p["annotators"]) == ["rt-alice", "rt-bob"]][0]
    assert pair["n"] == 6 and pair["percent_agreement"] == pytest.approx(3 / 6)
    table = run("agreement", "--bootstrap", "50", db=sample_db)
    assert "Krippendorff's alpha" in table.stdout and "95% CI" in table.stdout and "Confusion" in table.stdout
    assert "fewer than 20" in table.stderr
    csv_lines = run("agreement", "--csv", db=sample_db).stdout.splitlines()
    assert csv_lines[0].startswith("metric,") and any(line.startswith("krippendorff_alpha,") for line in csv_lines)


def test_bad_import_line_names_file_and_line_and_imports_nothing(sample_db, tmp_path):
    claim_id = claims_of(sample_db)[0]["id"]
    records = tmp_path / "bad.jsonl"
    records.write_text(
        json.dumps({"claim_id": claim_id, "annotator": "bad-line", "label": "verified"}) + "\n"
        + json.dumps({"claim_id": claim_id, "annotator": "bad-line-2", "label": "corrected"}) + "\n"
    )
    result = run("import", str(records), db=sample_db, check=False)
    assert result.returncode == 1
    assert str(records) in result.stderr and "line 2" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    exported = tmp_path / "out"
    run("export", "--format", "jsonl", "--all", "--out", str(exported), db=sample_db)
    assert "bad-line" not in "".join(path.read_text() for path in exported.glob("*.jsonl"))


def test_bad_input_files_get_one_line_each_and_good_ones_land(tmp_path):
    db = f"sqlite:///{tmp_path / 'mixed.db'}"
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text((sample_dir() / "03_river_times.txt").read_text())
    (folder / "empty.txt").write_text("   \n\n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    result = run("ingest", str(folder), str(tmp_path / "missing.txt"), db=db, check=False)
    assert result.returncode == 1
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("annotator:")]
    assert len(error_lines) == 3
    for name in ("empty.txt", "binary.txt", "missing.txt"):
        assert sum(name in line for line in error_lines) == 1
    assert {c["article"]["source"] for c in claims_of(db)} == {str(folder / "good.txt")}


def test_unusable_database_url_is_one_line_exit_two(tmp_path):
    result = run("claims", "--format", "jsonl", db="nosuchdriver://x", check=False)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "nosuchdriver" in result.stderr
    result = run("claims", db=f"sqlite:///{tmp_path / 'no' / 'such' / 'dir.db'}", check=False)
    assert result.returncode == 2 and result.stderr.count("\n") == 1


def test_bare_path_means_sqlite_and_env_sets_database(tmp_path):
    db_file = tmp_path / "bare.db"
    run("ingest", str(sample_dir() / "04_wire_digest.txt"), db=str(db_file))
    assert db_file.exists()
    env_result = subprocess.run([ANNOTATOR, "claims", "--format", "jsonl"], capture_output=True, text=True,
                                env={"ANNOTATOR_DB": str(db_file), "PATH": "/usr/bin:/bin"})
    assert env_result.returncode == 0 and len(env_result.stdout.splitlines()) >= 3


def test_stats_reports_queue_and_annotators(sample_db):
    stats = json.loads(run("stats", "--json", db=sample_db).stdout)
    assert stats["claims"] >= 20 and "annotators" in stats


def test_python_dash_m_runs_the_same_cli():
    result = subprocess.run([sys.executable, "-m", "annotator", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("annotator ")


def test_export_all_then_import_into_a_fresh_database_gives_the_same_annotations(sample_db, tmp_path):
    claim_ids = [claim["id"] for claim in claims_of(sample_db)][:4]
    records = tmp_path / "seed.jsonl"
    records.write_text("".join(
        json.dumps({"claim_id": claim_id, "annotator": "trip", "label": label, "note": f"n{i}", "duration_ms": 900,
                    "evidence": ["https://example.org/source"], "flagged": i == 0,
                    **({"correction": "Fixed text."} if label == "corrected" else {})}) + "\n"
        for i, (claim_id, label) in enumerate(zip(claim_ids, ["verified", "corrected", "contested", "verified"]))
    ))
    run("import", str(records), db=sample_db)
    out = tmp_path / "all"
    run("export", "--format", "jsonl", "--all", "--out", str(out), db=sample_db)
    [exported] = list(out.glob("*.jsonl"))
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    run("ingest", str(sample_dir()), db=fresh)
    run("import", str(exported), db=fresh)

    def annotations(db):
        again = tmp_path / f"again-{abs(hash(db))}"
        run("export", "--format", "jsonl", "--all", "--out", str(again), db=db)
        rows = [json.loads(line) for path in again.glob("*.jsonl") for line in path.read_text().splitlines()]
        return sorted((row for row in rows if row["annotator"] == "trip"), key=lambda row: row["claim_id"])

    original, copied = annotations(sample_db), annotations(fresh)
    assert len(original) == 4 and original == copied


def test_a_bad_setting_in_the_environment_is_one_line_naming_it(tmp_path):
    result = subprocess.run([ANNOTATOR, "stats", "--db", str(tmp_path / "s.db")], capture_output=True, text=True,
                            env={"ANNOTATOR_OVERLAP": "abc", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 2 and "ANNOTATOR_OVERLAP" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
