"""The `claimreview` format: one schema.org ClaimReview JSON-LD object per reviewed claim (or per annotation).

The rating comes from the verdict alone: each label of the label set names the rating it publishes (`rating`,
`ratingValue`), and the scale's ends are the lowest and highest values the set publishes. A label without a rating
(`unverifiable`, `not_a_claim` by default) publishes no ClaimReview and is counted in the manifest. An edit of the
extraction changes what was reviewed (`claimReviewed`, the claim's author), never the rating.
"""

from __future__ import annotations

from datetime import datetime
from typing import Iterator, Optional, Sequence

from annotator.export.gold import Unresolved, as_utc, latest_per_annotator
from annotator.export.items import ExportContext, ExportItem, Row, Unpublished
from annotator.export.records import (
    Appearance,
    ClaimReviewRecord,
    Party,
    Rating,
    ReviewedClaim,
)
from annotator.models import Claim, ClaimEdit, GoldRecord, Label

TEAM_NAME = "Annotation team"
"""ClaimReview `author` when several annotators decided and no organisation is configured."""

Outcome = Row | Unresolved | Unpublished


def label_mapping(labels: Sequence[Label]) -> dict[str, Optional[str]]:
    """Label name to the rating it publishes (null: no ClaimReview), for the manifest."""
    return {label.name: label.rating for label in labels}


def gold_row(item: ExportItem, gold: GoldRecord, context: ExportContext) -> Outcome:
    """The review of the claim's gold label, authored by the adjudicator, the sole annotator or the team."""
    votes = [vote for vote in latest_per_annotator(item.annotations) if vote.label is not None]
    moments = [vote.updated_at for vote in votes]
    if item.adjudication is not None:
        author = Party(type="Person", name=item.adjudication.adjudicator)
        moments.append(item.adjudication.updated_at)
    elif len(votes) == 1:
        author = Party(type="Person", name=votes[0].annotator)
    else:
        author = Party(type="Organization", name=TEAM_NAME)
    decided = max(moments, key=as_utc)
    return _row(item.claim, gold.label, gold.correction, gold.edit, author, decided, context)


def annotation_rows(item: ExportItem, context: ExportContext) -> Iterator[Outcome]:
    """One review per annotation, authored by its annotator."""
    for annotation in item.annotations:
        author = Party(type="Person", name=annotation.annotator)
        yield _row(item.claim, annotation.label, annotation.correction, annotation.edit, author,
                   annotation.updated_at, context)


def _row(
    claim: Claim, label_name: Optional[str], correction: Optional[str], edit: Optional[ClaimEdit], author: Party,
    decided: datetime, context: ExportContext,
) -> Outcome:
    label = context.published_label(label_name, "rating")
    if not isinstance(label, Label):
        return label
    if context.organisation:
        author = Party(type="Organization", name=context.organisation)
    rated = label.rating_value is not None
    rating = Rating(
        alternate_name=label.rating, name=label.rating, rating_value=label.rating_value,
        best_rating=context.best_rating if rated else None, worst_rating=context.worst_rating if rated else None,
    )
    record = ClaimReviewRecord(
        identifier=claim.id,
        url=f"{context.review_url_base}{claim.id}" if context.review_url_base else f"urn:annotator:claim:{claim.id}",
        claim_reviewed=edit.text if edit is not None else claim.text,
        review_rating=rating,
        review_body=correction if label.needs_correction else None,
        item_reviewed=_reviewed_claim(claim, edit),
        author=author,
        date_published=as_utc(decided).date().isoformat(),
    )
    return Row(record.model_dump_json(by_alias=True, exclude_none=True), label.rating)


def _reviewed_claim(claim: Claim, edit: Optional[ClaimEdit]) -> ReviewedClaim:
    article = claim.article
    publisher = Party(type="Organization", name=article.outlet) if article.outlet else None
    speaker = edit.speaker if edit is not None else claim.speaker
    claimant = Party(type="Person", name=speaker) if speaker else publisher
    appearance = Appearance(url=article.url, headline=article.title, publisher=publisher, date_published=article.published)
    return ReviewedClaim(author=claimant, appearance=[appearance], date_published=article.published)
