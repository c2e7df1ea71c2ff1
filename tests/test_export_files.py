"""Export files are atomic: an interrupted export leaves no partial file, a finished one replaces the last cleanly."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from annotator.errors import UsageError
from annotator.export import ExportItem, export_dataset, redact_url
from tests.fixtures.export.samples import sample_items


class SourceFailed(Exception):
    """Raised by the test source part-way through, as a database error would be."""


def failing_after(count: int, error: BaseException) -> Iterator[ExportItem]:
    items = sample_items() * 500
    for index, item in enumerate(items):
        if index == count:
            raise error
        yield item


def listing(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


@pytest.mark.parametrize("split", [None, (80, 10, 10)])
@pytest.mark.parametrize("error", [SourceFailed("connection lost"), KeyboardInterrupt()])
def test_interrupted_export_leaves_no_file_at_all(split, error: BaseException, tmp_path: Path) -> None:
    with pytest.raises(type(error)):
        export_dataset(failing_after(4000, error), fmt="jsonl", out_dir=tmp_path, all_annotations=True, split=split)
    assert listing(tmp_path) == {}


def test_interrupted_export_keeps_the_previous_export_intact(tmp_path: Path) -> None:
    export_dataset(sample_items(), fmt="fever", out_dir=tmp_path, split=(80, 10, 10))
    before = listing(tmp_path)
    with pytest.raises(SourceFailed):
        export_dataset(failing_after(3000, SourceFailed("boom")), fmt="fever", out_dir=tmp_path, split=(80, 10, 10))
    assert listing(tmp_path) == before


def test_a_new_export_replaces_files_of_the_same_names(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    export_dataset(sample_items(), fmt="jsonl", out_dir=fresh)
    replaced = tmp_path / "replaced"
    export_dataset(sample_items()[:2], fmt="jsonl", out_dir=replaced)
    export_dataset(sample_items(), fmt="jsonl", out_dir=replaced)
    lines = (replaced / "jsonl-gold.jsonl").read_text().splitlines()
    assert lines == (fresh / "jsonl-gold.jsonl").read_text().splitlines()
    assert len(lines) > 2
    assert sorted(listing(replaced)) == ["jsonl-gold.jsonl", "manifest.json"]


def test_files_of_the_previous_export_that_are_not_rewritten_are_removed(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    export_dataset(sample_items(), fmt="jsonl", out_dir=tmp_path, split=(80, 10, 10))
    export_dataset(sample_items(), fmt="jsonl", out_dir=tmp_path)
    assert sorted(listing(tmp_path)) == ["jsonl-gold.jsonl", "manifest.json", "notes.txt"]


def test_output_folder_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.write_text("not a folder")
    with pytest.raises(UsageError, match="out: exists and is not a folder"):
        export_dataset(sample_items(), fmt="jsonl", out_dir=target)


def test_unknown_format_is_a_usage_error_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown export format 'csv'"):
        export_dataset(sample_items(), fmt="csv", out_dir=tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql+psycopg://alice:s3cret@db.example:5432/news", "postgresql+psycopg://alice@db.example:5432/news"),
        ("postgresql://alice:p@ss@db.example/news", "postgresql://alice@db.example/news"),
        ("postgresql://:s3cret@db.example/news", "postgresql://db.example/news"),
        ("postgresql://alice@h/news?password=s3cret&sslmode=require", "postgresql://alice@h/news?sslmode=require"),
        ("sqlite:///annotations.db", "sqlite:///annotations.db"),
        ("sqlite:////srv/data/annotations.db", "sqlite:////srv/data/annotations.db"),
        (None, None),
    ],
)
def test_database_password_is_removed_from_the_manifest_url(url, expected) -> None:
    assert redact_url(url) == expected


def test_records_reach_the_disk_while_the_source_is_still_being_read(tmp_path: Path) -> None:
    """Streaming: the export writes as items arrive instead of collecting them all first."""
    seen_sizes = []

    def watched_items() -> Iterator[ExportItem]:
        for index, item in enumerate(sample_items() * 400):
            if index == 3000:
                seen_sizes.append(sum(p.stat().st_size for p in tmp_path.glob(".*.partial")))
            yield item

    export_dataset(watched_items(), fmt="jsonl", out_dir=tmp_path, all_annotations=True)
    assert seen_sizes and seen_sizes[0] > 500_000
