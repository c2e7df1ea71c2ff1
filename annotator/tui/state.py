"""The annotation screen's state in plain Python: the claim queue, the cached window of claims, the undo stack.

None of it touches Textual or the Store, so the rules (resume, next unlabelled, undo order) are easy to follow and
test; the screen owns one of each and changes them only on the UI thread.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from annotator.models import Annotation, Article, Claim

WINDOW_BEFORE = 10
WINDOW_AFTER = 40
CACHED_CLAIMS = 2_000
CACHED_ARTICLES = 64


@dataclass
class ArticleInfo:
    """An article with the ids of all its claims, for the context view and the per-article progress."""

    article: Article
    claim_ids: tuple[str, ...]


@dataclass
class Window:
    """What one Store round trip brought back for a run of claims around the cursor."""

    claims: dict[str, Claim] = field(default_factory=dict)
    annotations: dict[str, Annotation | None] = field(default_factory=dict)
    """This annotator's decision on every claim in `claims` and in the articles' claim lists (None: no label)."""
    articles: dict[str, ArticleInfo] = field(default_factory=dict)
    related: dict[str, Claim | None] = field(default_factory=dict)
    """Claims in other articles that the window's claims conflict with (None: no longer in the database)."""
    outlets: dict[str, str] = field(default_factory=dict)
    """Display name (outlet, else title, else source) of every article the window's claims mention."""


class _Lru(OrderedDict):
    """A dict that forgets its least recently stored entries past `limit`."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def put(self, key, value) -> None:
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.limit:
            self.popitem(last=False)


class ClaimCache:
    """Claims, articles and this annotator's decisions loaded so far, bounded so 100,000 claims never sit in memory."""

    def __init__(self) -> None:
        self.claims: _Lru = _Lru(CACHED_CLAIMS)
        self.articles: _Lru = _Lru(CACHED_ARTICLES)
        self.annotations: dict[str, Annotation | None] = {}
        self.related: _Lru = _Lru(CACHED_CLAIMS)
        self.outlets: _Lru = _Lru(CACHED_CLAIMS)

    def merge(self, window: Window, keep: Collection[str] = ()) -> None:
        """Take in a loaded window; its decisions replace cached ones except for claims in `keep` (saved since)."""
        for claim_id, claim in window.claims.items():
            self.claims.put(claim_id, claim)
        for article_id, info in window.articles.items():
            self.articles.put(article_id, info)
        self.annotations.update({k: v for k, v in window.annotations.items() if k not in keep})
        for claim_id, claim in window.related.items():
            self.related.put(claim_id, claim)
        for article_id, name in window.outlets.items():
            self.outlets.put(article_id, name)
        if len(self.annotations) > 4 * CACHED_CLAIMS:
            keep = set(self.claims) | {i for info in self.articles.values() for i in info.claim_ids}
            self.annotations = {k: v for k, v in self.annotations.items() if k in keep}

    def ready(self, claim_id: str) -> bool:
        """True when everything needed to show the claim is cached."""
        claim = self.claims.get(claim_id)
        return (
            claim is not None
            and claim.article.id in self.articles
            and claim_id in self.annotations
            and all(conflict.claim_id in self.related for conflict in claim.conflicts)
        )

    def missing(self, claim_ids: Sequence[str]) -> list[str]:
        """The ids among `claim_ids` that are not ready to show."""
        return [claim_id for claim_id in claim_ids if not self.ready(claim_id)]

    def article_done(self, article_id: str) -> tuple[int, int]:
        """(labelled, total) claims of one article for this annotator."""
        info = self.articles.get(article_id)
        if info is None:
            return 0, 0
        done = sum(1 for claim_id in info.claim_ids if self.annotations.get(claim_id) is not None)
        return done, len(info.claim_ids)


@dataclass
class UndoEntry:
    """A saved change that `undo` can take back: the claim and its decision before the change (None: no label)."""

    claim_id: str
    previous: Annotation | None


class ClaimQueue:
    """The ordered claim ids being worked through, the cursor in them and which ones this annotator has labelled."""

    def __init__(self, all_ids: Sequence[str], labelled: set[str]) -> None:
        self.all_ids: list[str] = list(all_ids)
        self.labelled: set[str] = labelled
        self.ids: list[str] = self.all_ids
        self.position = 0
        self.filter_description: str | None = None
        self._index: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def current(self) -> str | None:
        """The claim id under the cursor, or None when the queue is empty."""
        return self.ids[self.position] if self.ids else None

    @property
    def done(self) -> int:
        """How many claims of the whole queue (not the filter) this annotator has labelled."""
        return len(self.labelled)

    def index_of(self, claim_id: str) -> int | None:
        """Position of a claim in the current queue."""
        if self._index is None:
            self._index = {claim_id: i for i, claim_id in enumerate(self.ids)}
        return self._index.get(claim_id)

    def first_unlabelled(self) -> int:
        """Where to resume: the first claim not yet labelled, else the first claim."""
        return next((i for i, claim_id in enumerate(self.ids) if claim_id not in self.labelled), 0)

    def next_unlabelled(self) -> tuple[int, bool] | None:
        """Position of the next unlabelled claim after the cursor (wrapping round) and whether it wrapped."""
        count = len(self.ids)
        for step in range(1, count + 1):
            index = (self.position + step) % count
            if self.ids[index] not in self.labelled:
                return index, index <= self.position
        return None

    def window(self, position: int | None = None) -> list[str]:
        """The ids to load around a position: a few behind, more ahead, since reviewers mostly move forward."""
        position = self.position if position is None else position
        return self.ids[max(0, position - WINDOW_BEFORE) : position + WINDOW_AFTER]

    def apply_filter(self, ids: Sequence[str], description: str | None, keep: str | None) -> None:
        """Narrow the queue to `ids` (None description: back to every claim), keeping claim `keep` if it is there."""
        self.ids = list(ids) if description is not None else self.all_ids
        self.filter_description = description
        self._index = None
        index = self.index_of(keep) if keep is not None else None
        self.position = index if index is not None else 0

    def append(self, claim_id: str) -> None:
        """Add a claim at the end of the whole queue (routing serves one claim at a time); clears any filter."""
        if self.filter_description is not None:
            self.apply_filter([], None, keep=self.current)
        self.all_ids.append(claim_id)
        self._index = None

    def remove(self, claim_id: str) -> None:
        """Drop a claim that is no longer this annotator's (given back, or taken by another reviewer)."""
        for ids in (self.all_ids, self.ids) if self.ids is not self.all_ids else (self.all_ids,):
            if claim_id in ids:
                index = ids.index(claim_id)
                del ids[index]
                if ids is self.ids and index < self.position:
                    self.position -= 1
        self.labelled.discard(claim_id)
        self._index = None
        self.position = min(self.position, max(0, len(self.ids) - 1))
