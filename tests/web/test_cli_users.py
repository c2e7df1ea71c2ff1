"""`annotator users` and `annotator serve` as a user runs them: real processes, exit codes and one-line errors."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.errors import UsageError
from annotator.web.access import check_can_serve, is_local_host, public_url_problem

ANNOTATOR = str(Path(sys.executable).with_name("annotator"))


def run(*args: str, stdin: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    result = subprocess.run([ANNOTATOR, *args], input=stdin, capture_output=True, text=True, timeout=timeout)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_users_add_list_and_remove(tmp_path):
    db = f"sqlite:///{tmp_path / 'users.db'}"
    added = run("users", "add", "alice", "--lead", "--password-stdin", "--db", db, stdin="harbour-1200\n")
    assert added.returncode == 0, added.stderr
    assert run("users", "add", "bob", "--password-stdin", "--db", db, stdin="ferry-timetable\n").returncode == 0
    listing = run("users", "list", "--db", db)
    rows = [line.split("\t")[:2] for line in listing.stdout.splitlines()]
    assert rows == [["alice", "lead"], ["bob", "annotator"]]
    assert "harbour-1200" not in (tmp_path / "users.db").read_bytes().decode("latin-1")

    taken = run("users", "add", "alice", "--password-stdin", "--db", db, stdin="another-password\n")
    assert taken.returncode == 2 and taken.stderr.strip() == (
        "annotator: user 'alice' already exists (remove it first to set a new password)")

    assert run("users", "remove", "bob", "--db", db).returncode == 0
    assert [line.split("\t")[0] for line in run("users", "list", "--db", db).stdout.splitlines()] == ["alice"]
    missing = run("users", "remove", "bob", "--db", db)
    assert missing.returncode == 1 and missing.stderr.strip() == "annotator: no user 'bob'"


def test_users_add_refuses_a_short_password_and_a_missing_terminal(tmp_path):
    db = f"sqlite:///{tmp_path / 'users.db'}"
    short = run("users", "add", "carol", "--password-stdin", "--db", db, stdin="short\n")
    assert short.returncode == 2 and "at least 8 characters" in short.stderr
    no_terminal = run("users", "add", "carol", "--db", db, stdin="")
    assert no_terminal.returncode == 2 and "--password-stdin" in no_terminal.stderr
    assert run("users", "list", "--db", db).stdout == ""


def test_serve_refuses_a_public_host_without_users(tmp_path):
    db = f"sqlite:///{tmp_path / 'empty.db'}"
    port = free_port()
    result = run("serve", "--db", db, "--host", "0.0.0.0", "--port", str(port), timeout=60)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("annotator: refusing to serve on 0.0.0.0: no users exist")
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0, "nothing may listen after the refusal"


def test_serve_refuses_a_public_url_that_is_not_a_site_root(tmp_path):
    result = run("serve", "--db", f"sqlite:///{tmp_path / 'a.db'}", "--public-url", "https://example.org/annotator",
                 timeout=60)
    assert result.returncode == 2 and "--public-url must be the root of a site" in result.stderr


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2", "[::1]"])
def test_loopback_hosts_may_serve_before_any_user_exists(host):
    assert is_local_host(host)
    check_can_serve(host, 0)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.10", "annotate.example.org"])
def test_other_hosts_need_a_user(host):
    assert not is_local_host(host)
    with pytest.raises(UsageError, match=f"refusing to serve on {host}"):
        check_can_serve(host, 0)
    check_can_serve(host, 1)


@pytest.mark.parametrize("url, ok", [("https://annotate.example.org", True), ("http://10.0.0.1:8000/", True),
                                     ("https://example.org/annotator", False), ("annotate.example.org", False)])
def test_public_url_must_be_a_site_root(url, ok):
    assert (public_url_problem(url) is None) == ok
