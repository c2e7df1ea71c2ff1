"""The registry of export formats: how each turns an item into rows, and what its files and schemas are called."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator, Optional, Sequence

from annotator.errors import UsageError
from annotator.export import claimreview, fever, native, prodigy
from annotator.export.gold import Unresolved
from annotator.export.items import ExportContext, ExportItem, Row, Unpublished
from annotator.models import GoldRecord, Label

Outcome = Row | Unresolved | Unpublished
GoldRowFn = Callable[[ExportItem, GoldRecord, ExportContext], Outcome]
AnnotationRowsFn = Callable[[ExportItem, ExportContext], Iterator[Outcome]]
MappingFn = Callable[[Sequence[Label]], dict[str, Optional[str]]]


@dataclass(frozen=True)
class ExportFormat:
    """One `--format` value."""

    name: str
    gold_row: GoldRowFn
    annotation_rows: AnnotationRowsFn
    gold_schema: str
    """Name of the schema (`schemas/<name>.schema.json`) gold records follow."""
    all_schema: str
    """Name of the schema `--all` records follow."""
    label_mapping: Optional[MappingFn] = None
    """Label name to the format's verdict, for formats that rename labels."""

    def base_name(self, all_annotations: bool) -> str:
        """The data file's name without splits: `<format>-gold.jsonl` or `<format>-annotations.jsonl`."""
        return f"{self.name}-{'annotations' if all_annotations else 'gold'}.jsonl"


FORMATS: dict[str, ExportFormat] = {
    "jsonl": ExportFormat("jsonl", native.gold_row, native.annotation_rows, "jsonl", "jsonl_all"),
    "fever": ExportFormat("fever", fever.gold_row, fever.annotation_rows, "fever", "fever", fever.label_mapping),
    "prodigy": ExportFormat("prodigy", prodigy.gold_row, prodigy.annotation_rows, "prodigy", "prodigy"),
    "claimreview": ExportFormat(
        "claimreview", claimreview.gold_row, claimreview.annotation_rows, "claimreview", "claimreview",
        claimreview.label_mapping,
    ),
}


def get_format(name: str) -> ExportFormat:
    """The format called `name`, or a usage error listing the valid ones."""
    try:
        return FORMATS[name]
    except KeyError:
        raise UsageError(f"unknown export format {name!r}; choose one of: {', '.join(FORMATS)}") from None
