"""End to end in a real terminal: ingest, label three claims in tmux, kill -9 the UI, export, find the labels."""

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

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "ui")

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the terminal shows:\n{self.screen()}")


def _descendants(pid: int) -> list[int]:
    children = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    found = [int(child) for child in children.split()]
    return found + [grandchild for child in found for grandchild in _descendants(child)]


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_three_decisions_survive_kill_9_and_come_out_of_export(tmp_path):
    assert ANNOTATOR.exists(), f"console script not found at {ANNOTATOR}"
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "ferry.txt").write_text(FERRY_ARTICLE, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'e2e.db'}"
    env = {**os.environ, "ANNOTATOR_DB": url, "TERM": "xterm-256color"}
    subprocess.run([str(ANNOTATOR), "ingest", str(articles), "--db", url], check=True, env=env,
                   capture_output=True, timeout=300)

    tmux = Tmux(f"annotator-e2e-{os.getpid()}")
    command = f"{ANNOTATOR} annotate --db {url} --annotator alice"
    tmux.run("new-session", "-d", "-s", "ui", "-x", "120", "-y", "40", "-e", f"TERM={env['TERM']}", command)
    try:
        pane_pid = int(tmux.run("display-message", "-p", "-t", "ui", "#{pane_pid}").strip())
        tmux.wait_for("NO LABEL YET", timeout=60)
        tmux.run("send-keys", "-t", "ui", "v")
        tmux.wait_for("done 1/")
        tmux.run("send-keys", "-t", "ui", "c")
        tmux.wait_for("write what is right")
        tmux.run("send-keys", "-t", "ui", "-l", " per the harbour office")
        tmux.run("send-keys", "-t", "ui", "Enter")
        tmux.wait_for("done 2/")
        tmux.run("send-keys", "-t", "ui", "x")
        tmux.wait_for("done 3/")
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
    mine = [record for record in records if record["annotator"] == "alice"]
    assert sorted(record["label"] for record in mine) == ["contested", "corrected", "verified"]
    corrected = next(record for record in mine if record["label"] == "corrected")
    assert corrected["correction"].endswith("per the harbour office")
