"""Opening databases on an unlucky day: a newer release's revision, a read-only folder, a merge source that must
not change, an in-memory URL, and two commands migrating a fresh PostgreSQL database at once."""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from annotator.store import open_store
from annotator.store.migrate import alembic_config, current_revision
from tests.full_disk import read_only_folder
from tests.test_cli import claims_of, run

ARTICLE = ("The harbour authority said on Monday that 4,200 ships docked at Port Ellin last year, "
           "up from 3,100 the year before. Officials expect the new quay to open in 2027.")


def filled_database(url: str, folder: Path) -> str:
    """`url` with one ingested article and one annotation on its first claim."""
    articles = folder / "articles.jsonl"
    articles.write_text(json.dumps({"id": "harbour", "text": ARTICLE}) + "\n")
    run("ingest", str(articles), db=url)
    records = folder / "annotations.jsonl"
    records.write_text(json.dumps({"claim_id": claims_of(url)[0]["id"], "annotator": "ro", "label": "verified"}) + "\n")
    run("import", str(records), db=url)
    return url


def stamp(url: str, revision: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :revision"), {"revision": revision})
    engine.dispose()


def test_a_newer_release_s_database_is_one_line_from_every_command(db_url, tmp_path):
    open_store(db_url).close()
    stamp(db_url, "zzzz")
    other = f"sqlite:///{tmp_path / 'other.db'}"
    open_store(other).close()
    records = tmp_path / "a.jsonl"
    records.write_text(json.dumps({"claim_id": "c", "annotator": "x", "label": "verified"}) + "\n")
    commands = [("stats",), ("claims",), ("agreement",), ("export", "--out", str(tmp_path / "out")),
                ("import", str(records)), ("ingest", str(records)), ("merge", other)]
    for args in commands:
        result = run(*args, db=db_url, check=False)
        assert result.returncode == 2, (args, result.stderr)
        assert "written by a newer annotator (revision zzzz)" in result.stderr, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1, (args, result.stderr)
    result = run("merge", db_url, db=other, check=False)
    assert result.returncode == 2 and "written by a newer annotator (revision zzzz)" in result.stderr


def test_merge_reads_an_older_source_without_changing_it(tmp_path):
    source = filled_database(f"sqlite:///{tmp_path / 'offline.db'}", tmp_path)
    engine = create_engine(source)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    engine.dispose()
    source_file = tmp_path / "offline.db"
    before = hashlib.sha256(source_file.read_bytes()).hexdigest()
    target = f"sqlite:///{tmp_path / 'desk.db'}"
    result = run("merge", str(source_file), db=target)
    assert "1 annotations added" in result.stderr
    assert hashlib.sha256(source_file.read_bytes()).hexdigest() == before
    engine = create_engine(source)
    assert current_revision(engine) == "0001", "the source stays at its own revision"
    engine.dispose()


def test_read_only_commands_work_in_a_read_only_folder(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    url = filled_database(f"sqlite:///{folder / 'team.db'}", tmp_path)
    out = tmp_path / "exported"
    with read_only_folder(folder):
        for args in (("stats",), ("claims",), ("agreement",), ("export", "--all", "--out", str(out))):
            result = run(*args, db=url, check=False)
            assert result.returncode == 0, (args, result.stderr)
        result = run("import", str(tmp_path / "annotations.jsonl"), db=url, check=False)
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert '"annotator":"ro"' in (out / "jsonl-annotations.jsonl").read_text().replace(" ", "")


def test_an_in_memory_database_is_refused_with_a_line():
    for url in ("sqlite://", "sqlite:///:memory:"):
        result = run("stats", db=url, check=False)
        assert result.returncode == 2 and "in-memory" in result.stderr, result.stderr


@pytest.mark.postgres
def test_commands_started_together_on_a_fresh_postgresql_database_both_work(postgres_server):
    for attempt in range(3):
        url = postgres_server.create_database(f"fresh_race_{attempt}")
        start = threading.Barrier(4)
        failures: list[BaseException] = []

        def open_at_once() -> None:
            start.wait()
            try:
                open_store(url).close()
            except BaseException as error:  # noqa: BLE001 (collected for the assertion)
                failures.append(error)

        threads = [threading.Thread(target=open_at_once) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not failures, failures
