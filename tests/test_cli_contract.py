"""Every command answers --help, and turns a domain error into one line on stderr with its exit code."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from annotator.cli import app
from annotator.store import open_store

COMMANDS = sorted(typer.main.get_command(app).commands)

DOMAIN_ERRORS = {
    # command: (arguments after the command, exit code, what the one line must say); {db} is an empty database,
    # {tmp} the test's folder
    "ingest": (["{tmp}/no-such-article.txt", "--db", "{db}"], 1, "no-such-article.txt: no such file"),
    "claims": (["--db", "nosuchdriver://x"], 2, "cannot use database URL 'nosuchdriver://x'"),
    "import": (["{tmp}/missing.jsonl", "--db", "{db}"], 1, "missing.jsonl: file not found"),
    "merge": (["{tmp}/offline.db", "--db", "{db}"], 2, "offline.db: no such database file"),
    "schemas": (["--out", "{db_file}"], 2, "cannot write schemas there"),
    "annotate": (["--annotator", " ", "--db", "{db}"], 2, "--annotator must name who is annotating"),
    "review": (["--annotator", " ", "--db", "{db}"], 2, "--annotator must name who is adjudicating"),
    "demo": (["--db", "nosuchdriver://x"], 2, "cannot use database URL"),
    "agreement": (["--db", "nosuchdriver://x"], 2, "cannot use database URL"),
    "export": (["--format", "nope", "--db", "{db}", "--out", "{tmp}/out"], 2, "unknown format 'nope'"),
    "stats": (["--db", "nosuchdriver://x"], 2, "cannot use database URL"),
    "relink": (["--db", "nosuchdriver://x"], 2, "cannot use database URL"),
    "serve": (["--db", "{db}", "--host", "0.0.0.0"], 2, "refusing to serve on 0.0.0.0: no users exist"),
    "users": (["remove", "nobody", "--db", "{db}"], 1, "no user 'nobody'"),
    "train": (["--out", "{tmp}/cw", "--db", "{db}"], 2, "0 labelled claims; need at least 50 with both classes"),
    "rescore": (["--model", "{tmp}/cw", "--db", "{db}"], 2, "cw: no such model folder"),
}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(runner, command):
    result = runner.invoke(app, [command, "--help"], prog_name="annotator")
    assert result.exit_code == 0, result.output
    assert f"Usage: annotator {command}" in result.output and "--help" in result.output


@pytest.mark.parametrize("command", sorted(DOMAIN_ERRORS))
def test_a_domain_error_is_one_line_and_its_exit_code(runner, tmp_path, command):
    db_file = tmp_path / "empty.db"
    open_store(f"sqlite:///{db_file}").close()
    arguments, exit_code, fragment = DOMAIN_ERRORS[command]
    values = {"db": str(db_file), "db_file": str(db_file), "tmp": str(tmp_path)}
    result = runner.invoke(app, [command, *(argument.format(**values) for argument in arguments)])
    assert result.exit_code == exit_code, result.output
    assert isinstance(result.exception, SystemExit), f"not mapped to an exit code: {result.exception!r}"
    errors = [line for line in result.stderr.splitlines() if line.startswith("annotator: ")]
    assert len(errors) == 1 and fragment in errors[0], result.stderr
    assert "Traceback" not in result.stderr

