"""The `fever` format: FEVER-style rows with SUPPORTS / REFUTES / NOT ENOUGH INFO verdicts."""

from __future__ import annotations

from typing import Iterable, Iterator, Optional, Sequence

from annotator.export.gold import Unresolved, latest_per_annotator
from annotator.export.items import ExportContext, ExportItem, Row
from annotator.export.records import FeverEvidenceItem, FeverRecord
from annotator.models import Annotation, GoldRecord

NOT_ENOUGH_INFO = "NOT ENOUGH INFO"

FEVER_LABELS: dict[str, Optional[str]] = {
    "verified": "SUPPORTS",
    "corrected": "REFUTES",
    "contested": NOT_ENOUGH_INFO,
    "unverifiable": NOT_ENOUGH_INFO,
    "not_a_claim": None,
}
"""The tool's default labels as FEVER verdicts; `None` means the record is left out (it is not a claim)."""


def label_mapping(label_names: Sequence[str]) -> dict[str, Optional[str]]:
    """The mapping used for this label set (custom labels map to nothing and are left out), for the manifest."""
    return {name: FEVER_LABELS.get(name) for name in label_names}


def gold_row(item: ExportItem, gold: GoldRecord, context: ExportContext) -> Row | Unresolved:
    """One FEVER row for the claim's gold label; evidence from the annotators who chose that label."""
    verdict = _verdict(gold.label)
    if isinstance(verdict, Unresolved):
        return verdict
    supporters = [vote for vote in latest_per_annotator(item.annotations) if vote.label == gold.label]
    return _row(item.claim.id, gold.text, verdict, supporters, annotator=None)


def annotation_rows(item: ExportItem, context: ExportContext) -> Iterator[Row | Unresolved]:
    """One FEVER row per annotation, carrying the annotator's name."""
    for annotation in item.annotations:
        verdict = _verdict(annotation.label)
        if isinstance(verdict, Unresolved):
            yield verdict
        else:
            yield _row(item.claim.id, item.claim.text, verdict, [annotation], annotator=annotation.annotator)


def _verdict(label: str) -> str | Unresolved:
    if label not in FEVER_LABELS:
        return Unresolved.UNMAPPED_LABEL
    verdict = FEVER_LABELS[label]
    return Unresolved.NOT_A_CLAIM if verdict is None else verdict


def _row(claim_id: str, text: str, verdict: str, sources: Iterable[Annotation], annotator: Optional[str]) -> Row:
    evidence: list[list[FeverEvidenceItem]] = [
        [(None, None, source, None) for source in annotation.evidence] for annotation in sources if annotation.evidence
    ]
    record = FeverRecord(
        id=claim_id,
        claim=text,
        label=verdict,  # type: ignore[arg-type]
        verifiable="NOT VERIFIABLE" if verdict == NOT_ENOUGH_INFO else "VERIFIABLE",
        evidence=evidence,
        annotator=annotator,
    )
    return Row(record.model_dump_json(exclude_none=True), verdict)
