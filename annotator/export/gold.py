"""Gold resolution: one label per claim from its annotations, or the reason none can be given.

The rule, in order:

1. An adjudication wins: its label (and correction) is the gold, whatever the annotators said and however few of
   them there were, because a lead's decision is final.
2. Otherwise each annotator counts once (their most recently updated annotation on the claim). Claims with fewer
   annotators than `min_annotations` are left out (`no_annotations` when there are none at all).
3. The label chosen by the most annotators is the gold when it is the unique maximum; a tie at the top is left out.

For a `corrected` gold label the correction is the one written most often by the annotators who chose `corrected`
(ties go to the earliest written), unless an adjudication supplies its own; other gold labels carry no correction.
`agreement` is the share of the claim's annotators who chose the gold label (0.0 when nobody annotated an
adjudicated claim). Only annotations with a verdict vote; one that only edits, notes or flags the claim does not.

The gold `edit` (the extraction as fixed) is the edit written most often by any of the claim's annotators, whatever
their verdict (ties go to the earliest written): fixing the extraction and judging the claim are separate acts.
"""

from __future__ import annotations

from collections import Counter
from enum import StrEnum
from typing import Iterable, NamedTuple, Optional, Sequence

from annotator.models import Adjudication, Annotation, Claim, ClaimEdit, GoldRecord, as_utc

CORRECTED = "corrected"
NOT_A_CLAIM = "not_a_claim"


class Unresolved(StrEnum):
    """Why a claim (or an annotation) produced no record in an export; the keys of the manifest's `unresolved`."""

    NO_ANNOTATIONS = "no_annotations"
    """Nobody labelled the claim and nobody adjudicated it."""
    TOO_FEW_ANNOTATIONS = "too_few_annotations"
    """Fewer annotators than `min_annotations` and no adjudication."""
    TIE = "tie"
    """Two or more labels share the highest count and no adjudication breaks the tie."""
    NOT_A_CLAIM = "not_a_claim"
    """The label says the extractor was wrong; formats about claims (FEVER, ClaimReview) leave it out."""
    UNMAPPED_LABEL = "unmapped_label"
    """A label that is not in the label set the export was given."""
    NOT_PUBLISHED = "not_published"
    """The label set maps the verdict to nothing in this format (ClaimReview: `unverifiable`)."""
    NO_VERDICT = "no_verdict"
    """With `--all`: an annotation that edits, notes or flags the claim without a verdict."""


class GoldResolution(NamedTuple):
    """The outcome of `resolve_gold`: exactly one of `gold` and `reason` is set."""

    gold: Optional[GoldRecord]
    reason: Optional[Unresolved]


def latest_per_annotator(annotations: Iterable[Annotation]) -> list[Annotation]:
    """One annotation per annotator (their most recently updated), sorted by annotator name for stable output."""
    latest: dict[str, Annotation] = {}
    for annotation in annotations:
        held = latest.get(annotation.annotator)
        if held is None or as_utc(annotation.updated_at) >= as_utc(held.updated_at):
            latest[annotation.annotator] = annotation
    return [latest[name] for name in sorted(latest)]


def resolve_gold(
    claim: Claim,
    annotations: Sequence[Annotation],
    adjudication: Optional[Adjudication] = None,
    *,
    min_annotations: int = 1,
) -> GoldResolution:
    """Resolve the gold record of one claim (see the module docstring for the rule)."""
    if min_annotations < 1:
        raise ValueError("min_annotations must be at least 1")
    latest = latest_per_annotator(annotations)
    votes = [vote for vote in latest if vote.label is not None]
    edit = majority_edit(latest)
    counts = Counter(vote.label for vote in votes)
    if adjudication is not None:
        label = adjudication.label
        correction = None
        if label == CORRECTED:
            written = (adjudication.correction or "").strip()
            correction = written or majority_correction(votes)
        return GoldResolution(_gold_record(claim, votes, counts, label, correction, edit), None)
    if not votes:
        return GoldResolution(None, Unresolved.NO_ANNOTATIONS)
    if len(votes) < min_annotations:
        return GoldResolution(None, Unresolved.TOO_FEW_ANNOTATIONS)
    ranked = counts.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return GoldResolution(None, Unresolved.TIE)
    label = ranked[0][0]
    correction = majority_correction(votes) if label == CORRECTED else None
    return GoldResolution(_gold_record(claim, votes, counts, label, correction, edit), None)


def _gold_record(
    claim: Claim, votes: list[Annotation], counts: Counter[str], label: str, correction: Optional[str],
    edit: Optional[ClaimEdit],
) -> GoldRecord:
    agreement = counts[label] / len(votes) if votes else 0.0
    return GoldRecord(
        claim_id=claim.id,
        text=claim.text,
        label=label,
        correction=correction,
        edit=edit,
        speaker=claim.speaker,
        kind=claim.kind,
        source_text=claim.source_text,
        article=claim.article,
        group=claim.group,
        also_groups=list(claim.also_groups),
        corroborated_by=list(claim.corroborated_by),
        conflicts=list(claim.conflicts),
        n_annotations=len(votes),
        agreement=agreement,
        annotators=[vote.annotator for vote in votes],
        checkworthiness=claim.checkworthiness,
        checkworthiness_model=claim.checkworthiness_model,
    )


def majority_correction(votes: list[Annotation]) -> Optional[str]:
    """The correction written most often among `corrected` votes; ties go to the earliest written."""
    written = sorted(
        (vote for vote in votes if vote.label == CORRECTED and vote.correction and vote.correction.strip()),
        key=lambda vote: (as_utc(vote.created_at), vote.annotator),
    )
    if not written:
        return None
    counts = Counter(vote.correction.strip() for vote in written)  # type: ignore[union-attr]
    best = max(counts.values())
    return next(vote.correction.strip() for vote in written if counts[vote.correction.strip()] == best)  # type: ignore[union-attr]


def majority_edit(annotations: Iterable[Annotation]) -> Optional[ClaimEdit]:
    """The edit written most often among the annotations; ties go to the earliest written."""
    written = sorted(
        (annotation for annotation in annotations if annotation.edit is not None),
        key=lambda annotation: (as_utc(annotation.created_at), annotation.annotator),
    )
    if not written:
        return None
    counts = Counter(annotation.edit for annotation in written)
    best = max(counts.values())
    return next(annotation.edit for annotation in written if counts[annotation.edit] == best)
