"""An ingest killed with SIGKILL, or stopped by a full database, loses no article and is linked by the next run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time

from sqlalchemy import event

from annotator.cli.annotate_cmds import sample_dir
from annotator.config import Settings
from annotator.ingest import ingest_paths
from annotator.link import link_claims
from annotator.store import open_store
from tests.test_cli import ANNOTATOR, run

COPIES = 15


def story_folder(tmp_path):
    """A folder "valdremo" of 60 fictional articles: the sample's four, each in 15 editions."""
    folder = tmp_path / "valdremo"
    folder.mkdir()
    for path in sorted(sample_dir().glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for edition in range(COPIES):
            (folder / f"{path.stem}-{edition:02d}.txt").write_text(f"Edition {edition + 1}.\n\n{text}", encoding="utf-8")
    return folder


def stored_articles(path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as connection:
            return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created or migrated yet
        return 0


def links(claims) -> dict:
    return {c.id: (c.group, c.corroborated_by, c.conflicts) for c in claims}


def test_the_next_ingest_links_what_a_killed_one_left(tmp_path):
    folder = story_folder(tmp_path)
    path = tmp_path / "killed.db"
    total = len(list(folder.iterdir()))
    ingest = subprocess.Popen([ANNOTATOR, "ingest", str(folder), "--db", str(path)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while stored_articles(path) < 3 and ingest.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(ingest.pid, signal.SIGKILL)
    assert ingest.wait(timeout=30) == -signal.SIGKILL
    killed_at = stored_articles(path)
    assert 3 <= killed_at < total, "killed in the middle of the run"
    store = open_store(f"sqlite:///{path}")
    try:
        assert store.links.pending() == ["valdremo"]
    finally:
        store.close()

    again = run("ingest", str(folder), db=str(path))
    assert f"{total - killed_at} added" in again.stderr and f"{killed_at} unchanged" in again.stderr
    store = open_store(f"sqlite:///{path}")
    try:
        assert store.links.pending() == []
        claims = list(store.claims.all())
        assert len({c.article.id for c in claims}) == total
        assert links(claims) == links(link_claims(claims)), "linked as if the first run had finished"
        assert sum(1 for c in claims if c.group) > total
    finally:
        store.close()


def test_a_database_full_while_linking_keeps_every_article_and_says_how_to_finish(tmp_path):
    folder = story_folder(tmp_path)
    url = f"sqlite:///{tmp_path / 'full.db'}"
    store = open_store(url)
    total = len(list(folder.iterdir()))
    cap: dict[str, int] = {}

    @event.listens_for(store.db.engine, "connect")
    def no_more_pages(connection, _record) -> None:
        if cap:
            connection.execute(f"PRAGMA max_page_count = {cap['pages']}")

    extracted = []

    def full_once_every_article_is_stored(stage: str, _count: int) -> None:
        if stage == "extracted":
            extracted.append(1)
            if len(extracted) == total:
                with sqlite3.connect(tmp_path / "full.db") as connection:
                    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    cap["pages"] = connection.execute("PRAGMA page_count").fetchone()[0]
                store.db.engine.dispose()

    try:
        report = ingest_paths(store, [folder], settings=Settings(), on_progress=full_once_every_article_is_stored)
        assert len(report.added) == total and not report.relinked_events
        (error,) = report.errors
        assert error.startswith("linking event 'valdremo' did not finish (") and "full" in error
        assert "every article is stored, and the next ingest or `annotator relink` links it" in error
        assert not report.ok, "the command exits 1, naming what is left to do"
        assert len({c.article.id for c in store.claims.all()}) == total
        assert store.links.pending() == ["valdremo"]
    finally:
        store.close()
    relinked = run("relink", db=url)
    assert "linked 1 event(s): valdremo" in relinked.stderr
    store = open_store(url)
    try:
        claims = list(store.claims.all())
        assert store.links.pending() == [] and links(claims) == links(link_claims(claims))
    finally:
        store.close()
