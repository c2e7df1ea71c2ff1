"""Store reads for the annotation screen; called only from thread workers, never on the UI thread."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from annotator.models import ArticleRef
from annotator.store import Store
from annotator.tui.state import ArticleInfo, Window


@dataclass
class QueueStart:
    """What the screen needs before the first claim: the claim ids to work through and the labelled ones."""

    claim_ids: list[str]
    labelled: set[str]
    total: int
    """Current claims in the database."""


def load_queue(store: Store, annotator: str) -> QueueStart:
    """The claim ids in reading order and the ones already labelled by `annotator` (ids only, cheap at 100k)."""
    claim_ids = store.claim_ids()
    current = set(claim_ids)
    labelled = {claim_id for claim_id in store.labelled_claim_ids(annotator) if claim_id in current}
    return QueueStart(claim_ids, labelled, total=len(claim_ids))


def load_routed_queue(
    store: Store, annotator: str, *, overlap: int, lease_seconds: int
) -> tuple[QueueStart, str | None]:
    """This annotator's labelled claims in reading order plus the claim reserved for them next (None: none left)."""
    labelled = store.labelled_claim_ids(annotator)
    all_ids = store.claim_ids()
    mine = [claim_id for claim_id in all_ids if claim_id in labelled]
    claim = store.reserve_next_claim(annotator, overlap=overlap, lease_seconds=lease_seconds)
    if claim is not None:
        mine.append(claim.id)
    return QueueStart(mine, labelled & set(mine), total=len(all_ids)), claim.id if claim else None


def article_name(article: ArticleRef) -> str:
    """How an article is named in the UI: its outlet, else its title, else its source."""
    return article.outlet or article.title or article.source


def load_window(
    store: Store, annotator: str, claim_ids: Sequence[str], known_articles: Collection[str]
) -> Window:
    """Claims, their articles (with each article's claim ids), this annotator's decisions and linked claims."""
    window = Window(claims={claim.id: claim for claim in store.get_claims(claim_ids)})
    article_ids = dict.fromkeys(claim.article.id for claim in window.claims.values())
    for article_id in article_ids:
        if article_id in known_articles:
            continue
        article = store.get_article(article_id)
        window.articles[article_id] = ArticleInfo(article, tuple(store.article_claim_ids(article_id)))
    related_ids = [c.claim_id for claim in window.claims.values() for c in claim.conflicts]
    window.related = {claim.id: claim for claim in store.get_claims(related_ids)}
    for claim_id in related_ids:
        window.related.setdefault(claim_id, None)
    for claim in window.related.values():
        if claim is not None:
            window.outlets[claim.article.id] = article_name(claim.article)
    for claim in window.claims.values():
        window.outlets[claim.article.id] = article_name(claim.article)
    mentioned = {aid for claim in window.claims.values() for aid in claim.corroborated_by} - set(window.outlets)
    if mentioned:
        refs = store.article_refs(mentioned)
        for article_id in mentioned:
            window.outlets[article_id] = article_name(refs[article_id]) if article_id in refs else article_id
    asked = list(window.claims) + [i for info in window.articles.values() for i in info.claim_ids]
    asked = list(dict.fromkeys(asked))
    found = store.annotations_by_claim(annotator, asked)
    window.annotations = {claim_id: found.get(claim_id) for claim_id in asked}
    return window

