"""End to end in a real terminal (tmux): fix a claim's extraction with t, then give a verdict, quit, export
ClaimReview and FEVER, and check that the published rating comes from the verdict alone."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time

import pytest

from tests.conftest import IN_CI
from tests.tui.test_e2e_tmux import ANNOTATOR, Tmux, _ingested_database

pytestmark = pytest.mark.e2e

EDITED = "Harbour master Ines Varga expects 1,200 passengers a day by June."


def _export(fmt: str, out, env) -> list[dict]:
    subprocess.run([str(ANNOTATOR), "export", "--format", fmt, "--out", str(out)], check=True, env=env,
                   capture_output=True, timeout=300)
    return [json.loads(line) for line in (out / f"{fmt}-gold.jsonl").read_text().splitlines()]


@pytest.mark.skipif(shutil.which("tmux") is None and not IN_CI, reason="tmux is not installed (CI requires it)")
def test_an_edited_claim_is_published_with_the_rating_of_its_verdict_only(tmp_path):
    url, env = _ingested_database(tmp_path)
    tmux = Tmux(f"annotator-e2e-edit-{os.getpid()}")
    # The pane stays open after the app quits, so its one-line summary can be read.
    command = f"{ANNOTATOR} annotate --db {url} --annotator alice; sleep 60"
    tmux.run("new-session", "-d", "-s", "ui", "-x", "120", "-y", "40", "-e", f"TERM={env['TERM']}", command)
    try:
        tmux.wait_for("NO LABEL YET", timeout=60)
        tmux.keys("j")
        tmux.wait_for("claim 2 of")
        tmux.keys("t")
        tmux.wait_for("sets no verdict")
        time.sleep(0.5)
        tmux.keys("C-a")
        time.sleep(0.5)
        tmux.type(EDITED)
        tmux.wait_for("Ines Varga expects")
        tmux.keys("Tab")
        time.sleep(0.5)
        tmux.keys("C-u")
        time.sleep(0.5)
        tmux.type("Ines Varga")
        time.sleep(0.5)
        tmux.keys("Enter")
        tmux.wait_for("Claim edit ✓, saved")
        assert "done 0/4" in tmux.screen(), "an edit is no verdict"
        tmux.keys("x")
        tmux.wait_for("contested ✓, saved")
        tmux.wait_for("done 1/4")
        tmux.keys("q")
        for _ in range(50):
            if "alice: 1 verdict" in tmux.screen():
                break
            subprocess.run(["sleep", "0.2"])
    finally:
        subprocess.run(["tmux", "-L", tmux.socket_name, "kill-server"], capture_output=True)

    [review] = _export("claimreview", tmp_path / "cr", env)
    assert review["claimReviewed"] == EDITED
    assert review["reviewRating"]["alternateName"] == "Disputed" and review["reviewRating"]["ratingValue"] == 2
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Ines Varga"}
    [fever] = _export("fever", tmp_path / "fever", env)
    assert fever["claim"] == EDITED and fever["label"] == "NOT ENOUGH INFO"
    assert fever["extracted_claim"] != EDITED
