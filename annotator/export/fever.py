"""The `fever` format: FEVER-style rows with SUPPORTS / REFUTES / NOT ENOUGH INFO verdicts.

Each label of the label set names its FEVER verdict (`fever`); by default verified -> SUPPORTS, corrected ->
REFUTES, contested and unverifiable -> NOT ENOUGH INFO, and not_a_claim is left out. A row carries both the verdict
and the edit: `claim` is the claim as edited (the extracted text when nobody edited it), `extracted_claim` the text
the edit replaced.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Optional, Sequence

from annotator.export.gold import Unresolved, latest_per_annotator
from annotator.export.items import ExportContext, ExportItem, Row, Unpublished
from annotator.export.records import FeverEvidenceItem, FeverRecord
from annotator.models import Annotation, Claim, ClaimEdit, GoldRecord, Label

NOT_ENOUGH_INFO = "NOT ENOUGH INFO"

Outcome = Row | Unresolved | Unpublished


def label_mapping(labels: Sequence[Label]) -> dict[str, Optional[str]]:
    """Label name to FEVER verdict (null: left out), for the manifest."""
    return {label.name: label.fever for label in labels}


def gold_row(item: ExportItem, gold: GoldRecord, context: ExportContext) -> Outcome:
    """One FEVER row for the claim's gold label; evidence from the annotators who chose that label."""
    label = context.published_label(gold.label, "fever")
    if not isinstance(label, Label):
        return label
    supporters = [vote for vote in latest_per_annotator(item.annotations) if vote.label == gold.label]
    return _row(item.claim, gold.edit, label, supporters, annotator=None)


def annotation_rows(item: ExportItem, context: ExportContext) -> Iterator[Outcome]:
    """One FEVER row per annotation, carrying the annotator's name."""
    for annotation in item.annotations:
        label = context.published_label(annotation.label, "fever")
        if isinstance(label, Label):
            yield _row(item.claim, annotation.edit, label, [annotation], annotator=annotation.annotator)
        else:
            yield label


def _row(
    claim: Claim, edit: Optional[ClaimEdit], label: Label, sources: Iterable[Annotation], annotator: Optional[str]
) -> Row:
    evidence: list[list[FeverEvidenceItem]] = [
        [(None, None, source, None) for source in annotation.evidence] for annotation in sources if annotation.evidence
    ]
    text = edit.text if edit is not None else claim.text
    verdict = label.fever
    record = FeverRecord(
        id=claim.id,
        claim=text,
        extracted_claim=claim.text if text != claim.text else None,
        speaker=edit.speaker if edit is not None else claim.speaker,
        label=verdict,  # type: ignore[arg-type]
        verifiable="NOT VERIFIABLE" if verdict == NOT_ENOUGH_INFO else "VERIFIABLE",
        evidence=evidence,
        annotator=annotator,
    )
    return Row(record.model_dump_json(exclude_none=True), verdict)  # type: ignore[arg-type]
