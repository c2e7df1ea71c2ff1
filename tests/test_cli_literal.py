"""Stored data reaches the terminal literally: no escape sequence or Rich markup from a record drives the output."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import IN_CI
from tests.test_cli import ANNOTATOR, claims_of, run

HOSTILE_NAME = "m\x1b]0;PWNED\x1b\\"
MARKUP_NAME = "[bold red]bob[/bold red]"
HOSTILE_OUTLET = "evil\x1b]2;OUTLET\x07.example"
ESCAPED = "\\x1b]0;PWNED"

ARTICLE = ("The harbour authority said on Monday that 4,200 ships docked at Port Ellin last year, "
           "up from 3,100 the year before. Officials expect the new quay to open in 2027.")


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def hostile_db(request, tmp_path_factory) -> str:
    """An article whose outlet carries an OSC sequence, and annotations by a hostile and a markup name."""
    folder = tmp_path_factory.mktemp("hostile")
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'hostile.db'}"
    else:
        url = request.getfixturevalue("postgres_server").create_database(f"cli_hostile_{id(request)}")
    articles = folder / "articles.jsonl"
    articles.write_text(json.dumps({"id": "harbour-1", "outlet": HOSTILE_OUTLET, "text": ARTICLE}) + "\n")
    run("ingest", str(articles), db=url)
    claim_ids = [claim["id"] for claim in claims_of(url)]
    assert claim_ids
    records = folder / "annotations.jsonl"
    records.write_text("".join(
        json.dumps({"claim_id": claim_id, "annotator": name, "label": label}) + "\n"
        for claim_id in claim_ids
        for name, label in ((HOSTILE_NAME, "verified"), (MARKUP_NAME, "contested"))
    ))
    run("import", str(records), db=url)
    return url


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    """Rich wraps table cells to the terminal width; a wide one keeps each name on one line."""
    monkeypatch.setenv("COLUMNS", "300")


def assert_literal(output: str) -> None:
    assert "\x1b" not in output and "\x07" not in output, repr(output)


def test_stats_agreement_and_claims_show_names_and_outlets_literally(hostile_db):
    for args in (("stats",), ("agreement",), ("claims",)):
        result = run(*args, db=hostile_db)
        assert_literal(result.stdout + result.stderr)
        if args != ("claims",):
            assert ESCAPED in result.stdout, result.stdout
            assert MARKUP_NAME in result.stdout, "markup in a name is printed, not interpreted"
    assert "\\x1b]2;OUTLET\\x07.example" in run("claims", db=hostile_db).stdout


def test_import_errors_echo_record_values_literally(hostile_db, tmp_path):
    claim_id = claims_of(hostile_db)[0]["id"]
    records = tmp_path / "bad.jsonl"
    records.write_text(json.dumps({"claim_id": claim_id, "annotator": "x", "label": "v\x1b[2J\x1b]0;T\x07"}) + "\n")
    result = run("import", str(records), db=hostile_db, check=False)
    assert result.returncode == 1
    assert_literal(result.stderr)
    assert "\\x1b[2J" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_ingest_errors_name_hostile_files_literally(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad\x1b]0;FILE\x07.txt").write_text("  \n")
    result = run("ingest", str(folder), db=f"sqlite:///{tmp_path / 'f.db'}", check=False)
    assert result.returncode == 1
    assert_literal(result.stderr)
    assert "\\x1b]0;FILE\\x07.txt" in result.stderr


def test_agreement_warning_prints_an_unknown_label_literally(tmp_path):
    labels = tmp_path / "labels.json"
    labels.write_text(json.dumps({"labels": [{"name": "ok\x1b]0;LBL\x07", "key": "o"}, {"name": "no", "key": "n"}]}))
    db = f"sqlite:///{tmp_path / 'w.db'}"
    articles = tmp_path / "a.jsonl"
    articles.write_text(json.dumps({"id": "w1", "text": ARTICLE}) + "\n")
    run("ingest", str(articles), db=db)
    claim_id = claims_of(db)[0]["id"]
    records = tmp_path / "r.jsonl"
    records.write_text("".join(json.dumps({"claim_id": claim_id, "annotator": who, "label": "ok\x1b]0;LBL\x07"}) + "\n"
                               for who in ("a", "b")))
    env = {**os.environ, "ANNOTATOR_LABELS_FILE": str(labels)}
    subprocess.run([ANNOTATOR, "import", str(records), "--db", db], env=env, check=True, capture_output=True)
    result = run("agreement", db=db)
    assert "labels outside the label set" in result.stderr
    assert_literal(result.stdout + result.stderr)
    assert "\\x1b]0;LBL\\x07" in result.stderr


@pytest.mark.e2e
def test_stats_in_a_real_terminal_leaves_the_pane_title_alone(hostile_db, tmp_path):
    if shutil.which("tmux") is None:
        if IN_CI:
            pytest.fail("tmux is required in CI")
        pytest.skip("tmux is not installed")
    socket = f"i19-title-{os.getpid()}"
    tmux = ["tmux", "-L", socket]
    script = tmp_path / "stats.sh"
    done = tmp_path / "done"
    script.write_text(f"#!/bin/sh\n'{ANNOTATOR}' stats --db '{hostile_db}'\ntouch '{done}'\nsleep 30\n")
    script.chmod(0o755)
    subprocess.run([*tmux, "-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "160", "-y", "40",
                    "-e", "TERM=xterm-256color", "sh"], check=True)
    try:
        subprocess.run([*tmux, "select-pane", "-t", "t", "-T", "untouched-title"], check=True)
        subprocess.run([*tmux, "send-keys", "-t", "t", str(script), "Enter"], check=True)
        deadline = time.monotonic() + 120
        while not done.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert done.exists(), "stats never finished"
        time.sleep(0.5)
        title = subprocess.run([*tmux, "display-message", "-p", "-t", "t", "#{pane_title}"],
                               check=True, capture_output=True, text=True).stdout.strip()
        screen = subprocess.run([*tmux, "capture-pane", "-p", "-t", "t"], check=True, capture_output=True,
                                text=True).stdout
        assert title == "untouched-title"
        assert ESCAPED in screen, screen
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)
