"""The same annotator in two windows: the second live session is refused instead of sharing claims silently."""

from __future__ import annotations

import json
import os
import socket
import subprocess

import pytest

from annotator.errors import SessionTakenError
from annotator.store import open_store
from tests.test_cli import ANNOTATOR, run

ARTICLE = "The port said 4,200 ships docked at Port Ellin last year, up from 3,100 the year before."


def test_a_second_live_session_is_refused_until_the_first_ends_or_lapses(store):
    store.sessions.open("alice", "window-1", 120)
    store.sessions.open("alice", "window-1", 120)  # the holder may take it again
    with pytest.raises(SessionTakenError, match="already has a session open"):
        store.sessions.open("alice", "window-2", 120)
    store.sessions.open("bob", "window-2", 120)
    store.sessions.close("alice", "window-2")  # someone else's close changes nothing
    with pytest.raises(SessionTakenError):
        store.sessions.open("alice", "window-2", 120)
    store.sessions.close("alice", "window-1")
    store.sessions.open("alice", "window-2", 120)
    store.sessions.renew("alice", "window-2", -1)  # a killed window's lease runs out
    store.sessions.open("alice", "window-3", 120)
    store.sessions.open("alice", "window-4", 120, gone=lambda holder: holder == "window-3")  # killed here: taken over


def test_a_window_killed_on_this_machine_does_not_hold_the_name():
    from annotator.cli.session_lease import killed_here

    window = subprocess.Popen(["sleep", "30"])
    alive = f"{socket.gethostname()} pid {window.pid}:x"
    assert not killed_here(alive)
    window.kill()
    window.wait()
    assert killed_here(alive) and not killed_here(f"{socket.gethostname()} pid {os.getpid()}:x")
    assert not killed_here("other-host pid 1:x")


def test_annotate_refuses_a_second_window_for_the_same_annotator(db_url, tmp_path):
    articles = tmp_path / "a.jsonl"
    articles.write_text(json.dumps({"id": "s1", "text": ARTICLE}) + "\n")
    run("ingest", str(articles), db=db_url)
    first_window = open_store(db_url)
    try:
        first_window.sessions.open("alice", "laptop pid 1:abc", 120)
        for command in (["annotate", "--annotator", "alice "], ["review", "--annotator", "alice"]):
            if command[0] == "review":
                first_window.sessions.open("alice (review)", "laptop pid 1:abc", 120)
            second = subprocess.run([ANNOTATOR, *command, "--db", db_url], capture_output=True, text=True,
                                    timeout=120, stdin=subprocess.DEVNULL)
            assert second.returncode == 1, second.stderr
            assert "already has a session open" in second.stderr and "laptop pid 1" in second.stderr
            assert len(second.stderr.strip().splitlines()) == 1
    finally:
        first_window.close()
