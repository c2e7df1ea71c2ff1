"""Datasets out: gold resolution, writers per format (jsonl, fever, prodigy, claimreview), splits, manifests,
import parsing and the JSON Schemas of every record.

Works over iterables of `annotator.models` objects and never touches the database: the CLI feeds it from the store.
"""

from annotator.config import redact_url
from annotator.export.dataset import export_dataset
from annotator.export.formats import FORMATS, ExportFormat, get_format
from annotator.export.gold import (
    GoldResolution,
    Unresolved,
    latest_per_annotator,
    resolve_gold,
)
from annotator.export.importing import iter_annotation_file, parse_annotation_file, parse_annotation_line
from annotator.export.items import ExportContext, ExportItem, Row
from annotator.export.manifest import MANIFEST_NAME, Manifest
from annotator.export.records import (
    SCHEMA_VERSIONS,
    ClaimReviewRecord,
    FeverRecord,
    ProdigyRecord,
)
from annotator.export.schemas import render_schema, schema_documents, write_schemas
from annotator.export.splits import SPLIT_NAMES, SplitAssigner, parse_split, split_key

__all__ = [
    "FORMATS",
    "MANIFEST_NAME",
    "SCHEMA_VERSIONS",
    "SPLIT_NAMES",
    "ClaimReviewRecord",
    "ExportContext",
    "ExportFormat",
    "ExportItem",
    "FeverRecord",
    "GoldResolution",
    "Manifest",
    "ProdigyRecord",
    "Row",
    "SplitAssigner",
    "Unresolved",
    "export_dataset",
    "get_format",
    "iter_annotation_file",
    "latest_per_annotator",
    "parse_annotation_file",
    "parse_annotation_line",
    "parse_split",
    "redact_url",
    "render_schema",
    "resolve_gold",
    "schema_documents",
    "split_key",
    "write_schemas",
]
