"""The native `jsonl` format: GoldRecord per claim, or AnnotationExportRecord per annotation with `--all`."""

from __future__ import annotations

import json
from typing import Iterator

from annotator.export.items import ExportContext, ExportItem, Row
from annotator.models import GoldRecord

NO_VERDICT = "(no verdict)"
"""How the manifest counts `--all` records of annotations that edit, note or flag a claim without a verdict."""


def gold_row(item: ExportItem, gold: GoldRecord, context: ExportContext) -> Row:
    """The gold record as written."""
    return Row(gold.model_dump_json(), gold.label)


def annotation_rows(item: ExportItem, context: ExportContext) -> Iterator[Row]:
    """Each annotation with the claim's `text`, `article` and check-worthiness (score and model) appended, serialised exactly as AnnotationExportRecord.

    The claim part is serialised once per claim and spliced after each annotation's own fields, which keeps a
    million-record export close to the cost of writing plain dicts.
    """
    claim = item.claim
    suffix = (',"text":' + json.dumps(claim.text, ensure_ascii=False) + ',"article":' + claim.article.model_dump_json()
              + ',"checkworthiness":' + json.dumps(claim.checkworthiness)
              + ',"checkworthiness_model":' + json.dumps(claim.checkworthiness_model, ensure_ascii=False) + "}")
    for annotation in item.annotations:
        yield Row(annotation.model_dump_json()[:-1] + suffix, annotation.label or NO_VERDICT)
