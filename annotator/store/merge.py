"""Merging another database into this one: for reviewers who worked offline on a copy."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from annotator.store.annotations import ImportResult

if TYPE_CHECKING:
    from annotator.store.annotations import Store


@dataclass
class MergeResult:
    """What a merge brought in."""

    articles: int = 0
    annotations: ImportResult = field(default_factory=ImportResult)
    adjudications: int = 0


def merge_into(target: "Store", source: "Store") -> MergeResult:
    """Copy missing articles and claims, then annotations (newest edit wins, history keeps both) and adjudications.

    Where this database already has a current version of an article, an incoming other version comes in as
    superseded, so a merge never hides the version reviewers here are working on.

    Claims are matched by their stable ids, so running the same merge twice changes nothing.
    """
    result = MergeResult()
    claims_by_article = defaultdict(list)
    for claim in source.claims():
        claims_by_article[claim.article.id].append(claim)
    for article in source.articles():
        if target.has_article(article.id):
            continue
        current = target.current_article_id(article.source)
        if article.superseded_by is None and current is not None:
            article = article.model_copy(update={"superseded_by": current})
        outcome = target.add_article(article, claims_by_article.get(article.id, []))
        result.articles += outcome.status != "unchanged"
    result.annotations = target.import_annotations(list(source.annotations()), action="merge")
    existing = {item.claim_id: item for item in target.adjudications()}
    for adjudication in source.adjudications():
        current = existing.get(adjudication.claim_id)
        if current is None or (current.updated_at < adjudication.updated_at and current != adjudication):
            target.save_adjudication(adjudication)
            result.adjudications += 1
    return result
