"""Exports on a hostile machine: special folders, a full disk, killed runs and the user's umask."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import time
from pathlib import Path

import pytest

from annotator.errors import OutputFileError
from annotator.export import export_dataset
from annotator.store import open_store
from tests.fixtures.export.samples import sample_items
from tests.full_disk import full_disk
from tests.test_cli import ANNOTATOR, run


def test_export_into_a_special_folder_is_one_line(tmp_path):
    db = f"sqlite:///{tmp_path / 'e.db'}"
    open_store(db).close()
    for folder in ("/proc", "/proc/annotator-export", "/sys/kernel"):
        result = run("export", "--out", folder, db=db, check=False)
        assert result.returncode == 2 and folder in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_export_onto_a_full_disk_is_one_error_and_keeps_the_previous_export(tmp_path):
    with full_disk(tmp_path / "tiny", size_kb=64) as disk:
        export_dataset(sample_items(), fmt="jsonl", out_dir=disk, all_annotations=True)
        before = {path.name: path.read_bytes() for path in disk.iterdir()}
        with pytest.raises(OutputFileError) as raised:
            export_dataset(sample_items() * 2000, fmt="jsonl", out_dir=disk, all_annotations=True)
        after = {path.name: path.read_bytes() for path in disk.iterdir()}
    assert str(disk) in raised.value.message and "cannot write the export" in raised.value.message
    assert after == before, "no partial file is left and the earlier export is untouched"


def test_exports_follow_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        export_dataset(sample_items(), fmt="jsonl", out_dir=tmp_path / "a", all_annotations=True)
        os.umask(0o077)
        export_dataset(sample_items(), fmt="jsonl", out_dir=tmp_path / "b", all_annotations=True)
    finally:
        os.umask(old)
    assert {stat.S_IMODE(path.stat().st_mode) for path in (tmp_path / "a").iterdir()} == {0o644}
    assert {stat.S_IMODE(path.stat().st_mode) for path in (tmp_path / "b").iterdir()} == {0o600}


def test_a_killed_export_leaves_nothing_the_next_export_does_not_remove(tmp_path):
    out = tmp_path / "out"
    script = ("import sys, time\n"
              "from annotator.export import export_dataset\n"
              "from tests.fixtures.export.samples import sample_items\n"
              "def slow():\n"
              "    for item in sample_items() * 50:\n"
              "        yield item\n"
              "        time.sleep(0.01)\n"
              f"export_dataset(slow(), fmt='jsonl', out_dir={str(out)!r}, all_annotations=True)\n")
    repo = Path(__file__).resolve().parents[1]
    writer = subprocess.Popen([str(Path(ANNOTATOR).with_name("python")), "-c", script], cwd=repo)
    deadline = time.monotonic() + 60
    while not list(out.glob(".*.partial")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(out.glob(".*.partial")), "the writer never started"
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert list(out.glob(".*.partial")), "kill -9 leaves the temporary file behind"
    export_dataset(sample_items(), fmt="jsonl", out_dir=out, all_annotations=True)
    assert not list(out.glob(".*.partial"))
    assert sorted(path.name for path in out.iterdir()) == ["jsonl-annotations.jsonl", "manifest.json"]
