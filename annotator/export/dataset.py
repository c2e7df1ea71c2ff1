"""`export_dataset`: the one entry point `annotator export` calls, streaming items into atomic files plus a manifest."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Iterable, Optional, Sequence

import annotator
from annotator.config import redact_url
from annotator.errors import UsageError
from annotator.export.files import AtomicFileSet, AtomicJsonlFile
from annotator.export.formats import ExportFormat, get_format
from annotator.export.gold import Unresolved, resolve_gold
from annotator.export.items import ExportContext, ExportItem, Row, Unpublished
from annotator.export.manifest import (
    MANIFEST_NAME,
    Manifest,
    ManifestFile,
    SchemaRef,
    SplitSettings,
)
from annotator.export.records import SCHEMA_VERSIONS, schema_id
from annotator.export.splits import SPLIT_NAMES, SplitAssigner, SplitBy, split_key
from annotator.models import DEFAULT_LABELS, Label, utc_now

UNSPLIT = "all"


def export_dataset(
    items: Iterable[ExportItem],
    *,
    fmt: str,
    out_dir: Path | str,
    all_annotations: bool = False,
    split: Optional[tuple[int, int, int]] = None,
    seed: int = 0,
    split_by: SplitBy = "group",
    min_annotations: int = 1,
    source_db: Optional[str] = None,
    labels: Sequence[Label] = DEFAULT_LABELS,
    organisation: Optional[str] = None,
    review_url_base: Optional[str] = None,
    created_at: Optional[datetime] = None,
) -> Manifest:
    """Write one export of `items` (claims in order, each with its annotations and adjudication) into `out_dir`.

    `fmt` is `jsonl`, `fever`, `prodigy` or `claimreview`. Gold exports write one record per resolvable claim
    (see `resolve_gold`); `all_annotations` writes one per annotation instead. Without `split` the data goes to
    `<fmt>-gold.jsonl` (or `<fmt>-annotations.jsonl`); with `split=(80, 10, 10)` to `train.jsonl`, `dev.jsonl` and
    `test.jsonl`, each claim placed by hashing its group (or article, with `split_by="article"`) with `seed`.
    Records stream straight to temporary files that are renamed, with `manifest.json`, only when all are complete;
    files listed by a previous manifest in `out_dir` that this export does not write are removed. Returns the
    manifest as written.
    """
    export_format = get_format(fmt)
    context = ExportContext(labels=tuple(labels), organisation=organisation, review_url_base=review_url_base)
    assigner = SplitAssigner(split, seed) if split is not None else None
    if split_by not in ("group", "article"):
        raise UsageError(f"--split-by {split_by!r}: choose 'group' or 'article'")
    if min_annotations < 1:
        raise UsageError(f"--min-annotations {min_annotations}: must be at least 1")
    previous_files = _previous_data_files(Path(out_dir))
    with AtomicFileSet(Path(out_dir)) as fileset:
        if assigner is not None:
            handles = {name: fileset.open(f"{name}.jsonl") for name in SPLIT_NAMES}
        else:
            handles = {UNSPLIT: fileset.open(export_format.base_name(all_annotations))}
        label_counts: dict[str, Counter[str]] = {name: Counter() for name in handles}
        unresolved: Counter[str] = Counter()
        unpublished: Counter[str] = Counter()
        claims = 0
        for raw_item in items:
            item = raw_item if isinstance(raw_item, ExportItem) else ExportItem(*raw_item)
            claims += 1
            split_name = assigner.assign(split_key(item.claim, split_by)) if assigner is not None else UNSPLIT
            handle, counts = handles[split_name], label_counts[split_name]
            for outcome in _outcomes(export_format, item, context, all_annotations, min_annotations):
                if isinstance(outcome, Row):
                    handle.write_line(outcome.line)
                    counts[outcome.label] += 1
                elif isinstance(outcome, Unpublished):
                    unresolved[outcome.reason.value] += 1
                    unpublished[outcome.label] += 1
                else:
                    unresolved[outcome.value] += 1
        for handle in handles.values():
            handle.finish()
        schema_name = export_format.all_schema if all_annotations else export_format.gold_schema
        manifest = Manifest(
            tool_version=annotator.__version__,
            format=export_format.name,
            records="annotations" if all_annotations else "gold",
            schema=SchemaRef(name=schema_name, version=SCHEMA_VERSIONS[schema_name], id=schema_id(schema_name)),
            created_at=created_at or utc_now(),
            source_db=redact_url(source_db),
            min_annotations=min_annotations,
            split=SplitSettings(weights=split, seed=seed, split_by=split_by) if split is not None else None,
            claims=claims,
            files=[_file_entry(name, handle) for name, handle in handles.items()],
            counts={name: handle.records for name, handle in handles.items()},
            labels={name: dict(sorted(counts.items())) for name, counts in label_counts.items()},
            label_mapping=export_format.label_mapping(context.labels) if export_format.label_mapping else None,
            unresolved=dict(sorted(unresolved.items())),
            unpublished=dict(sorted(unpublished.items())),
        )
        fileset.open(MANIFEST_NAME).write_text(manifest.to_json())
        fileset.publish()
    _remove_stale(Path(out_dir), previous_files - set(fileset.files))
    return manifest


def _outcomes(
    export_format: ExportFormat, item: ExportItem, context: ExportContext, all_annotations: bool, min_annotations: int
) -> Iterable[Row | Unresolved | Unpublished]:
    if all_annotations:
        return export_format.annotation_rows(item, context)
    resolution = resolve_gold(item.claim, item.annotations, item.adjudication, min_annotations=min_annotations)
    if resolution.gold is None:
        return (resolution.reason,)  # type: ignore[return-value]
    return (export_format.gold_row(item, resolution.gold, context),)


def _file_entry(split_name: str, handle: AtomicJsonlFile) -> ManifestFile:
    return ManifestFile(
        name=handle.path.name,
        split=None if split_name == UNSPLIT else split_name,
        records=handle.records,
        bytes=handle.size,
        sha256=handle.sha256,
    )


def _previous_data_files(out_dir: Path) -> set[str]:
    """Data file names a previous export's manifest lists (plain names in `out_dir` only)."""
    try:
        listed = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))["files"]
        names = {entry["name"] for entry in listed}
    except (OSError, ValueError, KeyError, TypeError):
        return set()
    return {name for name in names if isinstance(name, str) and name == Path(name).name and name.endswith(".jsonl")}


def _remove_stale(out_dir: Path, names: set[str]) -> None:
    for name in names:
        (out_dir / name).unlink(missing_ok=True)
