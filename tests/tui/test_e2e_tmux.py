"""End to end in real terminals (tmux): decisions, undo, note and search survive kill -9; routing between two."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import IN_CI

from annotator.store import open_store

pytestmark = pytest.mark.e2e

ANNOTATOR = Path(sys.executable).with_name("annotator")

FERRY_ARTICLE = """Ferries run again after storm
May 12, 2024
Port Ellin, May 12 : Ferries between Port Ellin and Dunmore ran again on Tuesday after a four-day suspension caused by the storm.
"We expect 1,200 passengers a day by June," harbour master Ines Varga said at the pier.
According to the operator, 14 sailings were cancelled during the closure.
Local cafés said trade had halved during the closure.
"""


class Tmux:
    """A private tmux server (own socket) running one command in a fixed-size window."""

    def __init__(self, socket_name: str) -> None:
        self.socket_name = socket_name

    def run(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket_name, *args], capture_output=True, text=True, check=True)
        return result.stdout

    def screen(self, target: str = "ui") -> str:
        return self.run("capture-pane", "-p", "-t", target)

    def keys(self, *keys: str, target: str = "ui") -> None:
        self.run("send-keys", "-t", target, *keys)

    def type(self, text: str, target: str = "ui") -> None:
        self.run("send-keys", "-t", target, "-l", text)

    def wait_for(self, text: str, timeout: float = 30.0, target: str = "ui") -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen(target)
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the terminal shows:\n{self.screen(target)}")


def _descendants(pid: int) -> list[int]:
    children = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    found = [int(child) for child in children.split()]
    return found + [grandchild for child in found for grandchild in _descendants(child)]


def _ingested_database(tmp_path: Path) -> tuple[str, dict[str, str]]:
    """The ferry article ingested into a fresh SQLite database; its URL and the environment for the CLI."""
    assert ANNOTATOR.exists(), f"console script not found at {ANNOTATOR}"
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "ferry.txt").write_text(FERRY_ARTICLE, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'e2e.db'}"
    env = {**os.environ, "ANNOTATOR_DB": url, "TERM": "xterm-256color"}
    subprocess.run([str(ANNOTATOR), "ingest", str(articles), "--db", url], check=True, env=env,
                   capture_output=True, timeout=300)
    return url, env


@pytest.mark.skipif(shutil.which("tmux") is None and not IN_CI, reason="tmux is not installed (CI requires it)")
def test_decisions_undo_note_and_search_survive_kill_9_and_come_out_of_export(tmp_path):
    url, env = _ingested_database(tmp_path)

    tmux = Tmux(f"annotator-e2e-{os.getpid()}")
    command = f"{ANNOTATOR} annotate --db {url} --annotator alice"
    tmux.run("new-session", "-d", "-s", "ui", "-x", "120", "-y", "40", "-e", f"TERM={env['TERM']}", command)
    try:
        pane_pid = int(tmux.run("display-message", "-p", "-t", "ui", "#{pane_pid}").strip())
        tmux.wait_for("NO LABEL YET", timeout=60)
        tmux.keys("v")
        tmux.wait_for("done 1/4")
        tmux.keys("c")
        tmux.wait_for("write what is right")
        tmux.type(" per the harbour office")
        tmux.keys("Enter")
        tmux.wait_for("done 2/4")
        tmux.keys("x")
        tmux.wait_for("done 3/4")
        tmux.keys("u")
        tmux.wait_for("done 4/4")
        tmux.keys("z")
        tmux.wait_for("back to no label")
        tmux.wait_for("done 3/4")
        tmux.keys("e")
        tmux.wait_for("Note and evidence")
        tmux.type("trade figures from one cafe")
        tmux.keys("Enter")
        tmux.wait_for("Note saved ✓")
        tmux.keys("n")
        tmux.wait_for("done 4/4")
        tmux.keys("/")
        tmux.wait_for("Search and filter")
        tmux.type("sailings")
        tmux.keys("Enter")
        tmux.wait_for("1 claim matches")
        tmux.wait_for("LABELLED: CONTESTED")
        tmux.keys("v")
        tmux.wait_for("LABELLED: VERIFIED")
        for pid in [pane_pid, *_descendants(pane_pid)]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    finally:
        subprocess.run(["tmux", "-L", tmux.socket_name, "kill-server"], capture_output=True)

    out = tmp_path / "export"
    subprocess.run([str(ANNOTATOR), "export", "--format", "jsonl", "--all", "--out", str(out), "--db", url],
                   check=True, env=env, capture_output=True, timeout=300)
    records = [json.loads(line) for path in sorted(out.glob("*.jsonl"))
               for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    mine = {record["text"]: record for record in records if record["annotator"] == "alice"}

    def decision(words: str) -> dict:
        return next(record for text, record in mine.items() if words in text)

    assert len(mine) == 4
    assert decision("Ferries between")["label"] == "verified"
    assert decision("1,200 passengers")["label"] == "corrected"
    assert decision("1,200 passengers")["correction"].endswith("per the harbour office")
    assert decision("sailings")["label"] == "verified", "relabelled after the search"
    cafes = decision("trade had halved")
    assert (cafes["label"], cafes["note"]) == ("not_a_claim", "trade figures from one cafe"), "undo, then note"


@pytest.mark.skipif(shutil.which("tmux") is None and not IN_CI, reason="tmux is not installed (CI requires it)")
def test_two_reviewers_in_two_windows_with_overlap_1_never_share_a_claim(tmp_path):
    url, env = _ingested_database(tmp_path)
    tmux = Tmux(f"annotator-e2e-routing-{os.getpid()}")
    names = ("alice", "bob")
    commands = {name: f"{ANNOTATOR} annotate --db {url} --annotator {name} --overlap 1" for name in names}
    tmux.run("new-session", "-d", "-s", "ui", "-n", "alice", "-x", "120", "-y", "40", "-e", f"TERM={env['TERM']}",
             commands["alice"])
    tmux.run("new-window", "-t", "ui", "-n", "bob", "-e", f"TERM={env['TERM']}", commands["bob"])
    done = dict.fromkeys(names, 0)
    finished: set[str] = set()
    try:
        for name in names:
            tmux.wait_for("claim 1 of", timeout=60, target=f"ui:{name}")
        for _ in range(10):
            for name in names:
                if name in finished:
                    continue
                target = f"ui:{name}"
                if "No claim left for you" in tmux.screen(target):
                    finished.add(name)
                    continue
                tmux.wait_for("NO LABEL YET", target=target)
                tmux.keys("v", target=target)
                done[name] += 1
                tmux.wait_for(f"done {done[name]}/4", target=target)
            if finished == set(names):
                break
        assert finished == set(names), {name: tmux.screen(f"ui:{name}") for name in names}
        for name in names:
            tmux.keys("q", target=f"ui:{name}")
    finally:
        subprocess.run(["tmux", "-L", tmux.socket_name, "kill-server"], capture_output=True)

    store = open_store(url)
    try:
        per_reviewer = {name: {a.claim_id for a in store.annotations.all(annotator=name)} for name in names}
        assert per_reviewer["alice"] and per_reviewer["bob"], per_reviewer
        assert per_reviewer["alice"].isdisjoint(per_reviewer["bob"])
        assert per_reviewer["alice"] | per_reviewer["bob"] == set(store.claims.ids())
        assert [len(per_reviewer[name]) for name in names] == [done[name] for name in names]
    finally:
        store.close()
