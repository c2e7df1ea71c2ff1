"""Shared fixtures: real SQLite files and a real throwaway PostgreSQL server for store tests."""

from __future__ import annotations

import importlib
import itertools
import os
from pathlib import Path

import pytest

from tests.pgserver import PostgresServer, PostgresUnavailable, start_server

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
IN_CI = os.environ.get("CI", "").lower() == "true"
_database_counter = itertools.count()


def require_module(name: str):
    """A test-only dependency: skipped on a laptop where it cannot install, a hard failure in CI (make test installs it)."""
    if IN_CI:
        return importlib.import_module(name)
    return pytest.importorskip(name, reason=f"the test-only package {name} is not installed (pip install -e '.[dev]')")


@pytest.fixture(scope="session")
def postgres_server() -> PostgresServer:
    """One server for the whole run; skipped on a laptop without PostgreSQL, a hard failure in CI."""
    try:
        server = start_server()
    except PostgresUnavailable as exc:
        if IN_CI:
            pytest.fail(f"PostgreSQL is required in CI: {exc}")
        pytest.skip(f"PostgreSQL not available: {exc}")
    yield server
    server.stop()


@pytest.fixture
def postgres_url(request) -> str:
    """A fresh, empty PostgreSQL database for one test."""
    server = request.getfixturevalue("postgres_server")
    return server.create_database(f"annotator_test_{os.getpid()}_{next(_database_counter)}")


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    """A fresh SQLite database file for one test."""
    return f"sqlite:///{tmp_path / 'annotations.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request) -> str:
    """The same test body against a SQLite file and a PostgreSQL database."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(db_url):
    """An opened, migrated Store on each backend."""
    from annotator.store import open_store

    opened = open_store(db_url)
    yield opened
    opened.close()


@pytest.fixture
def shared_dir() -> Path:
    """../shared beside the repository; tests that need it skip cleanly on a fresh clone without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside the repository")
    return SHARED
