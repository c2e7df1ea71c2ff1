"""An ingest interrupted between storing and linking is finished later: by the next ingest or by `relink`."""

from __future__ import annotations

import shutil

import pytest

from annotator.cli.annotate_cmds import sample_dir
from annotator.config import Settings
from annotator.ingest import ingest_paths, relink_pending
from tests.test_cli import run

ARTICLES = ("01_northern_ledger.txt", "02_coastal_post.txt")


def event_folder(tmp_path):
    folder = tmp_path / "valdremo"
    folder.mkdir()
    for name in ARTICLES:
        shutil.copy(sample_dir() / name, folder / name)
    return folder


def interrupted_ingest(store, folder) -> None:
    """Ingest the folder and press Ctrl-C the moment the last article is stored, before any linking."""
    stored = []

    def ctrl_c_after_the_last(stage: str, count: int) -> None:
        if stage == "extracted":
            stored.append(count)
            if len(stored) == len(ARTICLES):
                raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest_paths(store, [folder], settings=Settings(), on_progress=ctrl_c_after_the_last)
    claims = list(store.claims.all())
    assert len({claim.article.id for claim in claims}) == len(ARTICLES), "every article was stored"
    assert not any(claim.conflicts or claim.group for claim in claims), "and none was linked"


def linked(store) -> bool:
    claims = list(store.claims.all())
    return any(claim.conflicts for claim in claims) and any(claim.group for claim in claims)


def test_the_next_ingest_links_what_an_interrupted_one_left(store, tmp_path):
    folder = event_folder(tmp_path)
    interrupted_ingest(store, folder)
    assert store.links.pending() == ["valdremo"]
    again = ingest_paths(store, [folder], settings=Settings())
    assert len(again.unchanged) == len(ARTICLES) and again.relinked_events == ["valdremo"]
    assert linked(store) and store.links.pending() == []


def test_relink_finishes_the_pending_events(store, tmp_path):
    folder = event_folder(tmp_path)
    interrupted_ingest(store, folder)
    assert relink_pending(store) == ["valdremo"]
    assert linked(store) and store.links.pending() == []
    assert relink_pending(store) == [], "nothing is left waiting"


def test_relink_command(tmp_path, sqlite_url):
    from annotator.store import open_store

    store = open_store(sqlite_url)
    try:
        interrupted_ingest(store, event_folder(tmp_path))
    finally:
        store.close()
    result = run("relink", db=sqlite_url)
    assert "linked 1 event(s): valdremo" in result.stderr
    named = run("relink", "--event", "valdremo", db=sqlite_url)
    assert "valdremo" in named.stderr
    store = open_store(sqlite_url)
    try:
        assert linked(store)
    finally:
        store.close()
