"""Which database and which name a command uses: read-only commands never create a database, a missing file is one
line naming it, and annotations are signed by a person, never by the machine's root account."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli.annotate_cmds import sample_dir
from annotator.config import Settings, signing_name
from annotator.errors import UsageError

ANNOTATOR = str(Path(sys.executable).with_name("annotator"))
READ_ONLY = [
    ["stats"], ["claims", "--format", "jsonl"], ["agreement", "--json"], ["export", "--out", "OUT"],
    ["review", "--annotator", "lead"], ["annotate", "--annotator", "alice"],
]


def run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    full_env = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp"), **(env or {})}
    result = subprocess.run([ANNOTATOR, *args], capture_output=True, text=True, timeout=300, env=full_env, cwd=cwd)
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.mark.parametrize("command", READ_ONLY, ids=lambda command: command[0])
def test_a_missing_database_file_is_one_line_naming_it_and_nothing_is_created(tmp_path: Path, command) -> None:
    missing = tmp_path / "nosuch.db"
    args = [str(tmp_path / "out") if part == "OUT" else part for part in command]
    result = run(*args, "--db", str(missing))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and f"{missing}: no such database file" in result.stderr
    assert not missing.exists() and not (tmp_path / "out").exists()


def test_the_default_database_is_not_created_by_stats(tmp_path: Path) -> None:
    result = run("stats", cwd=tmp_path)
    assert result.returncode == 2 and "annotations.db: no such database file" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_demo_names_the_database_the_other_commands_need(tmp_path: Path) -> None:
    result = run("demo", "--no-ui", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "--db sqlite:///annotator-demo.db" in result.stderr
    stats = json.loads(run("stats", "--json", "--db", "sqlite:///annotator-demo.db", cwd=tmp_path).stdout)
    assert stats["claims"] >= 20


def test_the_name_comes_from_the_option_then_the_environment_then_the_login(monkeypatch) -> None:
    monkeypatch.setenv("LOGNAME", "mara")
    monkeypatch.delenv("ANNOTATOR_NAME", raising=False)
    assert signing_name(None, Settings()) == "mara"
    monkeypatch.setenv("ANNOTATOR_NAME", "  Ana Ruiz ")
    assert signing_name(None, Settings()) == "Ana Ruiz"
    assert signing_name("ben", Settings()) == "ben"


def test_root_never_signs_an_annotation(monkeypatch, tmp_path: Path) -> None:
    for variable in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(variable, "root")
    monkeypatch.delenv("ANNOTATOR_NAME", raising=False)
    with pytest.raises(UsageError, match="--annotator NAME or set ANNOTATOR_NAME"):
        signing_name(None, Settings())
    db = tmp_path / "desk.db"
    run("ingest", str(sample_dir() / "04_wire_digest.txt"), "--db", str(db))
    result = run("annotate", "--db", str(db), env={"LOGNAME": "root", "USER": "root"})
    assert result.returncode == 2 and "the login is 'root'" in result.stderr and result.stderr.count("\n") == 1


def test_annotate_help_documents_the_label_file() -> None:
    result = run("annotate", "--help", env={"COLUMNS": "200"})
    assert result.returncode == 0
    for words in ("--labels", "ANNOTATOR_LABELS_FILE", "six-point", "rating_value", "ANNOTATOR_NAME"):
        assert words in result.stdout, words


def test_export_publishes_the_desk_scale_given_with_labels(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    run("ingest", str(sample_dir() / "04_wire_digest.txt"), "--db", str(db))
    claims = [json.loads(line) for line in run("claims", "--format", "jsonl", "--db", str(db)).stdout.splitlines()]
    records = tmp_path / "votes.jsonl"
    records.write_text(json.dumps({"claim_id": claims[0]["id"], "annotator": "ana", "label": "half_true"}) + "\n")
    refused = run("import", str(records), "--db", str(db))
    assert refused.returncode == 1 and "unknown label 'half_true'" in refused.stderr
    assert run("import", str(records), "--db", str(db), "--labels", "six-point").returncode == 0
    out = tmp_path / "out"
    result = run("export", "--format", "claimreview", "--out", str(out), "--db", str(db),
                 env={"ANNOTATOR_LABELS_FILE": "six-point"})
    assert result.returncode == 0, result.stderr
    [review] = [json.loads(line) for line in (out / "claimreview-gold.jsonl").read_text().splitlines()]
    assert review["reviewRating"]["alternateName"] == "Half true"
    assert (review["reviewRating"]["ratingValue"], review["reviewRating"]["bestRating"]) == (4, 6)


def test_stats_gives_the_pace_the_time_left_and_who_flagged_what(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    run("ingest", str(sample_dir() / "04_wire_digest.txt"), "--db", str(db))
    claims = [json.loads(line) for line in run("claims", "--format", "jsonl", "--db", str(db)).stdout.splitlines()]
    records = tmp_path / "votes.jsonl"
    records.write_text(
        json.dumps({"claim_id": claims[0]["id"], "annotator": "ana", "label": "verified", "duration_ms": 30000}) + "\n"
        + json.dumps({"claim_id": claims[1]["id"], "annotator": "ana", "flagged": True,
                      "note": "The figure looks doubled."}) + "\n"
    )
    assert run("import", str(records), "--db", str(db)).returncode == 0
    result = run("stats", "--db", str(db), env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    needed = len(claims) - 1
    assert f"pace: 120 claims/hour; {needed} verdicts still needed" in result.stdout
    assert "Flagged for the lead" in result.stdout and "The figure looks doubled." in result.stdout
    stats = json.loads(run("stats", "--json", "--db", str(db)).stdout)
    assert stats["flags"][0]["annotator"] == "ana" and stats["flags"][0]["label"] is None
    assert stats["annotators"][0]["annotations"] == 1 and stats["annotators"][0]["per_hour"] == 120.0
