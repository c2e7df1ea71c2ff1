"""Train/dev/test splits: whole cross-source groups per split, deterministic per seed, roughly the asked sizes."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from tests.conftest import require_module

from annotator.errors import UsageError
from annotator.export import ExportItem, export_dataset, parse_split
from annotator.models import ArticleRef
from tests.fixtures.export.samples import claim, sample_items, vote

SPLITS = ("train", "dev", "test")


def many_items(n_claims: int = 3000) -> list[ExportItem]:
    """Claims spread over 40 articles; every third claim ungrouped, the rest in groups of up to four."""
    items = []
    for index in range(n_claims):
        article = ArticleRef(id=f"art-{index % 40}", source=f"a{index % 40}.txt")
        group = None if index % 3 == 0 else f"g-{index // 4}"
        item_claim = claim(f"c-{index}", f"Claim number {index} about the harbour.", article, group=group)
        items.append(ExportItem(item_claim, [vote(item_claim.id, "ana", "verified", index % 50)]))
    return items


def split_of_claims(out_dir: Path) -> dict[str, str]:
    placed = {}
    for split in SPLITS:
        for line in (out_dir / f"{split}.jsonl").read_text().splitlines():
            placed[json.loads(line)["claim_id"]] = split
    return placed


@pytest.fixture(scope="module")
def items() -> list[ExportItem]:
    return many_items()


def test_no_group_spans_two_splits_and_every_claim_lands_once(items, tmp_path: Path) -> None:
    manifest = export_dataset(items, fmt="jsonl", out_dir=tmp_path, split=(80, 10, 10), seed=7)
    placed = split_of_claims(tmp_path)
    assert len(placed) == len(items)
    splits_per_group = defaultdict(set)
    for item in items:
        if item.claim.group:
            splits_per_group[item.claim.group].add(placed[item.claim.id])
    assert splits_per_group and all(len(splits) == 1 for splits in splits_per_group.values())
    assert [f.name for f in manifest.files] == ["train.jsonl", "dev.jsonl", "test.jsonl"]
    assert manifest.counts == dict(Counter(placed.values()))


def test_proportions_are_roughly_the_requested_ones(items, tmp_path: Path) -> None:
    manifest = export_dataset(items, fmt="fever", out_dir=tmp_path, split=(70, 20, 10), seed=1)
    shares = {name: count / len(items) for name, count in manifest.counts.items()}
    assert shares["train"] == pytest.approx(0.7, abs=0.05)
    assert shares["dev"] == pytest.approx(0.2, abs=0.05)
    assert shares["test"] == pytest.approx(0.1, abs=0.05)


def test_same_seed_same_split_other_seed_other_split(items, tmp_path: Path) -> None:
    export_dataset(items, fmt="jsonl", out_dir=tmp_path / "a", split=(80, 10, 10), seed=3)
    export_dataset(list(reversed(items)), fmt="jsonl", out_dir=tmp_path / "b", split=(80, 10, 10), seed=3)
    export_dataset(items, fmt="jsonl", out_dir=tmp_path / "c", split=(80, 10, 10), seed=4)
    first, again, other = (split_of_claims(tmp_path / name) for name in "abc")
    assert first == again, "the split depends on the seed, not on the order claims arrive in"
    assert (tmp_path / "a" / "train.jsonl").read_bytes() != (tmp_path / "c" / "train.jsonl").read_bytes()
    moved = sum(first[claim_id] != other[claim_id] for claim_id in first)
    assert moved > len(first) * 0.1


def test_split_by_article_keeps_each_article_in_one_split(items, tmp_path: Path) -> None:
    export_dataset(items, fmt="prodigy", out_dir=tmp_path, split=(50, 25, 25), seed=0, split_by="article",
                   all_annotations=True)
    articles = defaultdict(set)
    for split in SPLITS:
        for line in (tmp_path / f"{split}.jsonl").read_text().splitlines():
            articles[json.loads(line)["meta"]["article_id"]].add(split)
    assert len(articles) == 40 and all(len(splits) == 1 for splits in articles.values())


def test_a_zero_weight_split_is_written_empty(items, tmp_path: Path) -> None:
    manifest = export_dataset(items[:200], fmt="jsonl", out_dir=tmp_path, split=(90, 0, 10))
    assert manifest.counts["dev"] == 0 and (tmp_path / "dev.jsonl").read_bytes() == b""


@pytest.mark.parametrize("text", ["80/10", "80/10/x", "-5/50/55", "0/0/0", ""])
def test_bad_split_text_is_a_usage_error(text: str) -> None:
    with pytest.raises(UsageError, match="--split"):
        parse_split(text)


def test_split_text_is_read() -> None:
    assert parse_split("80/10/10") == (80, 10, 10)


def test_native_splits_load_with_huggingface_datasets(items, tmp_path: Path) -> None:
    datasets = require_module("datasets")
    export_dataset(items[:300], fmt="jsonl", out_dir=tmp_path, split=(80, 10, 10), seed=2)
    files = {"train": str(tmp_path / "train.jsonl"), "validation": str(tmp_path / "dev.jsonl"),
             "test": str(tmp_path / "test.jsonl")}
    loaded = datasets.load_dataset("json", data_files=files, cache_dir=str(tmp_path / "hf-cache"))
    total = sum(loaded[name].num_rows for name in files)
    assert total == 300
    row = loaded["train"][0]
    assert row["label"] == "verified" and row["article"]["id"].startswith("art-")


@pytest.mark.parametrize("all_annotations", [False, True])
def test_records_with_mixed_nulls_load_with_huggingface_datasets(all_annotations: bool, tmp_path: Path) -> None:
    """Fields that are null in some records and text in others (corrections, URLs) still load as one column."""
    datasets = require_module("datasets")
    manifest = export_dataset(sample_items(), fmt="jsonl", out_dir=tmp_path, all_annotations=all_annotations)
    path = tmp_path / manifest.files[0].name
    loaded = datasets.load_dataset("json", data_files=str(path), cache_dir=str(tmp_path / "hf-cache"))["train"]
    assert loaded.num_rows == manifest.counts["all"]
    assert loaded["correction"].count(None) < loaded.num_rows
