"""The layering rules hold: checked by import-linter and by importing the pure packages in a clean interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.import_graph import import_circles, import_graph

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold():
    linter = Path(sys.executable).with_name("lint-imports")
    if not linter.exists():
        pytest.fail("lint-imports is missing: install the dev dependencies (make test does)")
    result = subprocess.run([str(linter)], cwd=REPO_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "module, forbidden",
    [
        ("annotator.agreement", ("textual", "spacy", "sqlmodel", "sqlalchemy")),
        ("annotator.export", ("textual", "spacy", "sqlmodel", "sqlalchemy")),
        ("annotator.link", ("textual", "spacy", "sqlmodel", "sqlalchemy")),
        ("annotator.store", ("textual", "spacy")),
        ("annotator.cli", ("textual", "spacy")),
    ],
)
def test_pure_packages_do_not_pull_in_heavy_layers(module, forbidden):
    code = f"import sys, {module}; print(','.join(m for m in {forbidden!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"importing {module} loaded {result.stdout.strip()}"


def test_no_import_circles_inside_the_package():
    """Imports inside functions count (a delayed import only hides a circle); TYPE_CHECKING imports do not."""
    circles = import_circles(import_graph(REPO_ROOT / "annotator"))
    assert circles == [], "modules that import each other in a circle: " + "; ".join(" <-> ".join(c) for c in circles)


def test_the_circle_finder_sees_a_circle_hidden_in_a_function(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from pkg.b import B\nA = 1\n")
    (package / "b.py").write_text("B = 2\n\ndef later():\n    from pkg import a\n    return a.A\n")
    (package / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.a import A\n")
    (package / "d.py").write_text("from .c import *\n")
    graph = import_graph(package)
    assert graph["pkg.d"] == {"pkg.c"} and graph["pkg.c"] == set()
    assert import_circles(graph) == [["pkg.a", "pkg.b"]]


COMMAND_RUNNER = """
import sys
from annotator.cli import app
try:
    app(sys.argv[1:], standalone_mode=False)
finally:
    print("LOADED:" + ",".join(m for m in ("textual", "spacy") if m in sys.modules), file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args",
    [["agreement"], ["agreement", "--json"], ["stats"], ["claims", "--format", "jsonl"],
     ["export", "--format", "jsonl", "--out", "{out}"]],
    ids=["agreement", "agreement-json", "stats", "claims", "export"],
)
def test_report_commands_load_neither_textual_nor_spacy(tmp_path, args):
    """A table, a listing or an export never pays for the UI or the NLP pipeline."""
    from annotator.store import open_store

    db = tmp_path / "empty.db"
    open_store(f"sqlite:///{db}").close()
    argv = [arg.format(out=tmp_path / "out") for arg in args] + ["--db", str(db)]
    result = subprocess.run([sys.executable, "-c", COMMAND_RUNNER, *argv], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    loaded = result.stderr.rsplit("LOADED:", 1)[1].strip()
    assert loaded == "", f"annotator {' '.join(args)} loaded {loaded}"
