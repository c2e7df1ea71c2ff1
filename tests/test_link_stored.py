"""Linked conflicts survive the database: a reviewer's panel reads each side's wording and offsets back."""

from __future__ import annotations

from annotator.link import link_claims
from annotator.models import Article, Claim
from annotator.store import open_store


def _article(article_id: str, body: str) -> tuple[Article, list[Claim]]:
    article = Article(id=article_id, source=f"{article_id}.txt", body=body, content_hash=article_id, event="ev",
                      outlet=f"{article_id}.example", published="2024-05-10")
    claim = Claim(id=f"{article_id}-0", article=article.ref(), text=body, source_text=body, start=0, end=len(body),
                  position=0, kind="event")
    return article, [claim]


def test_conflict_wording_and_offsets_are_stored_and_read_back(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'links.db'}")
    north = _article("north", "Ilse Marrow and Teodor Vasylenko met in Port Halvard for an hour and a half on Friday.")
    kestrel = _article("kestrel", "Marrow held nearly three hours of talks with Teodor Vasylenko in Port Halvard on Friday.")
    for article, claims in (north, kestrel):
        store.articles.add(article, claims)
    store.claims.update_links(link_claims(list(store.claims.all())))
    stored = store.claims.get("north-0")
    (conflict,) = stored.conflicts
    assert conflict.claim_id == "kestrel-0" and conflict.kind == "duration"
    assert conflict.detail == "duration: an hour and a half (90 min) vs nearly three hours (nearly 180 min)"
    assert stored.source_text[conflict.start:conflict.end] == "an hour and a half"
    other = store.claims.get(conflict.claim_id)
    assert other.source_text[conflict.other_start:conflict.other_end] == "nearly three hours"
