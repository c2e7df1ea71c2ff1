"""The `claimreview` format: one schema.org ClaimReview JSON-LD object per reviewed claim (or per annotation).

Ratings sit on a 1..3 scale (1 inaccurate, 2 disputed, 3 accurate); `unverifiable` has a textual verdict but no
place on that scale, so its `ratingValue` is left out; `not_a_claim` is not a reviewed claim and is left out.
"""

from __future__ import annotations

from datetime import datetime
from typing import Iterator, Optional, Sequence

from annotator.export.gold import CORRECTED, Unresolved, as_utc, latest_per_annotator
from annotator.export.items import ExportContext, ExportItem, Row
from annotator.export.records import (
    Appearance,
    ClaimReviewRecord,
    Party,
    Rating,
    ReviewedClaim,
)
from annotator.models import Claim, GoldRecord

TEAM_NAME = "Annotation team"
"""ClaimReview `author` when several annotators decided and no organisation is configured."""

CLAIMREVIEW_RATINGS: dict[str, Optional[tuple[str, Optional[int]]]] = {
    "verified": ("Accurate", 3),
    "corrected": ("Inaccurate", 1),
    "contested": ("Disputed", 2),
    "unverifiable": ("Unverifiable", None),
    "not_a_claim": None,
}
"""The tool's default labels as (`alternateName`, `ratingValue`); `None` means the record is left out."""


def label_mapping(label_names: Sequence[str]) -> dict[str, Optional[str]]:
    """Label name to `alternateName` for this label set (custom labels map to nothing), for the manifest."""
    mapping: dict[str, Optional[str]] = {}
    for name in label_names:
        rating = CLAIMREVIEW_RATINGS.get(name)
        mapping[name] = rating[0] if rating else None
    return mapping


def gold_row(item: ExportItem, gold: GoldRecord, context: ExportContext) -> Row | Unresolved:
    """The review of the claim's gold label, authored by the adjudicator, the sole annotator or the team."""
    votes = latest_per_annotator(item.annotations)
    moments = [vote.updated_at for vote in votes]
    if item.adjudication is not None:
        author = Party(type="Person", name=item.adjudication.adjudicator)
        moments.append(item.adjudication.updated_at)
    elif len(votes) == 1:
        author = Party(type="Person", name=votes[0].annotator)
    else:
        author = Party(type="Organization", name=TEAM_NAME)
    return _row(item.claim, gold.label, gold.correction, author, max(moments, key=as_utc), context)


def annotation_rows(item: ExportItem, context: ExportContext) -> Iterator[Row | Unresolved]:
    """One review per annotation, authored by its annotator."""
    for annotation in item.annotations:
        author = Party(type="Person", name=annotation.annotator)
        yield _row(item.claim, annotation.label, annotation.correction, author, annotation.updated_at, context)


def _row(
    claim: Claim, label: str, correction: Optional[str], author: Party, decided: datetime, context: ExportContext
) -> Row | Unresolved:
    if label not in CLAIMREVIEW_RATINGS:
        return Unresolved.UNMAPPED_LABEL
    rating = CLAIMREVIEW_RATINGS[label]
    if rating is None:
        return Unresolved.NOT_A_CLAIM
    verdict, value = rating
    if context.organisation:
        author = Party(type="Organization", name=context.organisation)
    record = ClaimReviewRecord(
        identifier=claim.id,
        url=f"{context.review_url_base}{claim.id}" if context.review_url_base else f"urn:annotator:claim:{claim.id}",
        claim_reviewed=claim.text,
        review_rating=Rating(alternate_name=verdict, name=verdict, rating_value=value),
        review_body=correction if label == CORRECTED else None,
        item_reviewed=_reviewed_claim(claim),
        author=author,
        date_published=as_utc(decided).date().isoformat(),
    )
    return Row(record.model_dump_json(by_alias=True, exclude_none=True), verdict)


def _reviewed_claim(claim: Claim) -> ReviewedClaim:
    article = claim.article
    publisher = Party(type="Organization", name=article.outlet) if article.outlet else None
    if claim.speaker:
        claimant: Optional[Party] = Party(type="Person", name=claim.speaker)
    else:
        claimant = publisher
    appearance = Appearance(url=article.url, headline=article.title, publisher=publisher, date_published=article.published)
    return ReviewedClaim(author=claimant, appearance=[appearance], date_published=article.published)
