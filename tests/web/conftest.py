"""Fixtures for the browser UI: a sample database with two logins, and the server's aiohttp app in-process."""

from __future__ import annotations

import pytest

from annotator.store import Store
from annotator.web.logins import add_login
from tests.tui.sample_data import make_sample_store

PASSWORDS = {"alice": "alice-password", "bob": "bob-password"}


@pytest.fixture
def anyio_backend() -> str:
    """aiohttp runs on asyncio."""
    return "asyncio"


@pytest.fixture
def web_store(tmp_path) -> Store:
    """The TUI's sample claims in a real SQLite file, with alice (a lead) and bob (an annotator) as logins."""
    store = make_sample_store(tmp_path / "web.db")
    add_login(store, "alice", PASSWORDS["alice"], lead=True)
    add_login(store, "bob", PASSWORDS["bob"])
    yield store
    store.close()
