"""The `prodigy` format: answered `choice` tasks in the shape `prodigy db-out` writes, importable back.

Gold exports write one task per claim with `_annotator_id` and `_session_id` set to `gold`; `--all` exports write
one task per annotation with both set to the annotator's name. The hashes are signed 32-bit integers like
Prodigy's, but computed with BLAKE2b over the claim text plus its article id (Prodigy's own murmurhash over `text`
alone would merge the same sentence printed by two outlets); Prodigy keeps hashes a task already carries.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Iterator, Optional

from annotator.export.gold import Unresolved, as_utc, latest_per_annotator
from annotator.export.items import ExportContext, ExportItem, Row
from annotator.export.records import ProdigyMeta, ProdigyOption, ProdigyRecord
from annotator.models import Annotation, Claim, GoldRecord

GOLD_ANNOTATOR = "gold"


def hash32(text: str) -> int:
    """A stable signed 32-bit hash of a string."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=4).digest(), "big", signed=True)


def input_hash(text: str, article_id: str) -> int:
    """Hash of what is shown: the claim text and the article it came from."""
    return hash32(json.dumps({"article": article_id, "text": text}, sort_keys=True, ensure_ascii=False))


def task_hash(input_hash_value: int, option_ids: tuple[str, ...]) -> int:
    """Hash of the question asked: the input plus the options offered (not the answer given)."""
    return hash32(json.dumps({"input": input_hash_value, "options": list(option_ids)}, ensure_ascii=False))


def unix_seconds(moment: datetime) -> int:
    """Unix seconds of a time, taking naive times as UTC."""
    return int(as_utc(moment).timestamp())


def gold_row(item: ExportItem, gold: GoldRecord, context: ExportContext) -> Row:
    """One accepted task per claim whose chosen option is the gold label."""
    votes = [vote for vote in latest_per_annotator(item.annotations) if vote.label is not None]
    supporters = [vote for vote in votes if vote.label == gold.label]
    moments = [vote.updated_at for vote in votes]
    if item.adjudication is not None:
        moments.append(item.adjudication.updated_at)
    decided = max(moments, key=as_utc)
    evidence = list(dict.fromkeys(source for vote in supporters for source in vote.evidence))
    meta = _meta(item.claim, n_annotations=gold.n_annotations, agreement=gold.agreement)
    record = _record(item.claim, meta, gold.label, context, GOLD_ANNOTATOR, decided)
    record.correction = gold.correction
    record.edit = gold.edit
    record.note = item.adjudication.note if item.adjudication is not None else None
    record.evidence = evidence
    record.flagged = any(vote.flagged for vote in votes)
    record.updated_at = decided
    return Row(record.model_dump_json(by_alias=True, exclude_none=True), gold.label)


def annotation_rows(item: ExportItem, context: ExportContext) -> Iterator[Row | Unresolved]:
    """One accepted task per annotation with a verdict, carrying every field of the annotation so an import restores
    it; an annotation without a verdict is no answered task and is counted as `no_verdict`."""
    meta = _meta(item.claim)
    for annotation in item.annotations:
        if annotation.label is None:
            yield Unresolved.NO_VERDICT
            continue
        record = _record(item.claim, meta, annotation.label, context, annotation.annotator, annotation.updated_at)
        _copy_annotation(annotation, record)
        yield Row(record.model_dump_json(by_alias=True, exclude_none=True), annotation.label)


def _record(
    claim: Claim, meta: ProdigyMeta, label: str, context: ExportContext, annotator: str, decided: datetime
) -> ProdigyRecord:
    hashed_input = input_hash(claim.text, claim.article.id)
    return ProdigyRecord(
        text=claim.text,
        meta=meta,
        options=[ProdigyOption(id=name, text=name) for name in context.label_names],
        accept=[label],
        input_hash=hashed_input,
        task_hash=task_hash(hashed_input, context.label_names),
        annotator_id=annotator,
        session_id=annotator,
        timestamp=unix_seconds(decided),
    )


def _meta(claim: Claim, n_annotations: Optional[int] = None, agreement: Optional[float] = None) -> ProdigyMeta:
    article = claim.article
    return ProdigyMeta(
        claim_id=claim.id,
        article_id=article.id,
        source=article.source,
        url=article.url,
        title=article.title,
        outlet=article.outlet,
        speaker=claim.speaker,
        group=claim.group,
        n_annotations=n_annotations,
        agreement=agreement,
    )


def _copy_annotation(annotation: Annotation, record: ProdigyRecord) -> None:
    record.correction = annotation.correction
    record.edit = annotation.edit
    record.note = annotation.note
    record.evidence = list(annotation.evidence)
    record.flagged = annotation.flagged
    record.duration_ms = annotation.duration_ms
    record.created_at = annotation.created_at
    record.updated_at = annotation.updated_at

