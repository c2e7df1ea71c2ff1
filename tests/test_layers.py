"""The layering rules hold: checked by import-linter and by importing the pure packages in a clean interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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
