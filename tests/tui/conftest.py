"""Fixtures for the TUI tests: a real SQLite store with the sample articles, and the app over it."""

from __future__ import annotations

import pytest

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
