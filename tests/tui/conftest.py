"""Fixtures for the TUI tests: a real SQLite store with the sample articles, and the app over it."""

from __future__ import annotations

import pytest

from annotator.models import Annotation
from annotator.store import Store
from annotator.tui import make_app
from tests.tui.sample_data import make_sample_store, sample_settings


@pytest.fixture
def store(tmp_path) -> Store:
    """A fresh SQLite database file holding the sample articles."""
    sample_store = make_sample_store(tmp_path / "t.db")
    yield sample_store
    sample_store.close()


@pytest.fixture
def app(store):
    """The annotation app for alice over the sample store."""
    return make_app(store, sample_settings(), annotator="alice")


@pytest.fixture
def anyio_backend() -> str:
    """Pilot tests run on asyncio (through anyio's pytest plugin, which the project already has)."""
    return "asyncio"


@pytest.fixture
def disputed(store):
    """Alice and bob agree on c01 and disagree on c02 and c05; carol labels c02 (with alice) and c07."""
    records = [
        Annotation(claim_id="c01", annotator="alice", label="verified", duration_ms=4200),
        Annotation(claim_id="c01", annotator="bob", label="verified"),
        Annotation(claim_id="c02", annotator="alice", label="corrected", correction="1,500 passengers a day",
                   note="the operator says 1,500", duration_ms=12_300),
        Annotation(claim_id="c02", annotator="bob", label="verified", flagged=True, duration_ms=2_000),
        Annotation(claim_id="c02", annotator="carol", label="corrected", correction="1,500 passengers a day"),
        Annotation(claim_id="c05", annotator="alice", label="contested"),
        Annotation(claim_id="c05", annotator="bob", label="unverifiable", note="no timetable found"),
        Annotation(claim_id="c07", annotator="carol", label="verified"),
    ]
    for record in records:
        store.annotations.save(record)
    return {(a.claim_id, a.annotator): a for a in store.annotations.all()}
