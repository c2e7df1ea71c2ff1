"""Retraining while reviewers annotate: after every N new labels, train on all resolved labels and re-score the
unlabelled claims, in child processes so the annotation screen's process never waits on spaCy.

`Retrainer` is the policy (when a retrain is due, one at a time); `retrain_now` is the blocking work a screen runs
in a worker thread. The database URL (with any password) reaches the children through ANNOTATOR_DB, never argv.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

RETRAIN_SECONDS_LIMIT = 900


@dataclass(frozen=True)
class RetrainOutcome:
    """What a retrain did: the new model's version (None when it did not train) and a line for the status bar."""

    version: str | None
    message: str


@dataclass
class Retrainer:
    """Counts new labels and says when a retrain is due; only one retrain runs at a time."""

    database_url: str
    model_dir: Path
    every: int
    seed: int = 0
    labels_since: int = 0
    running: bool = False

    def label_saved(self) -> bool:
        """Count one new label; True when a retrain should start now (the caller then runs `retrain_now`)."""
        self.labels_since += 1
        if self.running or self.labels_since < self.every:
            return False
        self.labels_since = 0
        self.running = True
        return True

    def finished(self) -> None:
        """The retrain that `label_saved` started has ended, well or not."""
        self.running = False


def retrain_now(database_url: str, model_dir: Path, *, seed: int = 0) -> RetrainOutcome:
    """Train on every resolved label into `model_dir`, then re-score the claims nobody labelled with it."""
    env = {**os.environ, "ANNOTATOR_DB": database_url}
    trained = _child(["train", "--out", str(model_dir), "--seed", str(seed)], env)
    if trained.returncode != 0:
        return RetrainOutcome(None, "retrain skipped: " + _last_line(trained.stderr))
    try:
        version = json.loads((model_dir / "metrics.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return RetrainOutcome(None, f"retrain failed: {model_dir}/metrics.json unreadable")
    rescored = _child(["rescore", "--model", str(model_dir), "--unlabelled"], env)
    if rescored.returncode != 0:
        return RetrainOutcome(None, "rescore failed: " + _last_line(rescored.stderr))
    return RetrainOutcome(version, f"new model {version} in use: " + _last_line(rescored.stderr))


def _child(arguments: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "annotator", *arguments]
    try:
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=RETRAIN_SECONDS_LIMIT,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(command, 1, "", f"annotator: {arguments[0]} took over "
                                                           f"{RETRAIN_SECONDS_LIMIT} s")


def _last_line(text: str) -> str:
    lines = [line.removeprefix("annotator: ") for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no output"
