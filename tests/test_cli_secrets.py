"""No command ever prints a database password, whether it is given as `user:pass@` or as `?password=`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli.annotate_cmds import sample_dir
from tests.test_cli import claims_of, run

PASSWORD = "Xq7-secret-Pw"

pytestmark = pytest.mark.postgres


def with_password(url: str, form: str) -> str:
    """The server's URL carrying PASSWORD in the user part or in the query (the test server trusts every login)."""
    if form == "userinfo":
        return url.replace("postgres@", f"postgres:{PASSWORD}@", 1)
    return f"{url}?password={PASSWORD}"


def test_no_command_prints_the_password(postgres_server, tmp_path):
    here = with_password(postgres_server.create_database("secret_here"), "userinfo")
    there = with_password(postgres_server.create_database("secret_there"), "query")
    outputs: list[str] = []

    def check(*args: str, db: str | None = None, ok: bool = True) -> None:
        result = run(*args, db=db, check=ok)
        outputs.append(result.stdout + result.stderr)

    check("demo", "--no-ui", db=there)
    check("merge", there, db=here)
    article = tmp_path / "note.txt"
    article.write_text("Ferries ran again on Tuesday, the operator said, after 14 sailings were cancelled.\n")
    check("ingest", str(article), db=here)
    claim_id = claims_of(there)[0]["id"]
    records = tmp_path / "a.jsonl"
    records.write_text(json.dumps({"claim_id": claim_id, "annotator": "pw", "label": "verified"}) + "\n")
    check("import", str(records), db=here)
    check("import", str(records), db=there)
    check("claims", db=here)
    check("claims", "--format", "jsonl", db=there)
    check("stats", db=here)
    check("stats", "--json", db=there)
    check("agreement", db=here)
    check("agreement", "--json", db=there)
    check("export", "--out", str(tmp_path / "out"), db=here)
    check("export", "--all", "--format", "prodigy", "--out", str(tmp_path / "out2"), db=there)
    check("merge", here, db=there)
    for form in ("userinfo", "query"):
        unreachable = with_password("postgresql+psycopg://postgres@127.0.0.1:1/nowhere", form)
        check("merge", unreachable, db=here, ok=False)
        check("stats", db=unreachable, ok=False)
    check("annotate", "--annotator", " ", db=here, ok=False)
    written = [path.read_text() for path in tmp_path.rglob("*") if path.is_file() and path.suffix == ".json"]
    assert any("merged" in output for output in outputs) and written
    for text in outputs + written:
        assert PASSWORD not in text, text
    assert any("postgres@127.0.0.1" in output for output in outputs), "the URL itself is still shown"
