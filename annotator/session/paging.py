"""The annotation screen's state in plain Python: the paged claim queue, the cached window of claims, the undo stack.

None of it touches Textual or the Store, so the rules (resume, next unlabelled, undo order) are easy to follow and
test; the screen owns one of each and changes them only on the UI thread.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from annotator.models import Annotation, Article, Claim, QueueSpec

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
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """The claim ids of each group the window's claims belong to (their claims are in `related`)."""


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
        self.groups: _Lru = _Lru(CACHED_CLAIMS)

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
        for group_id, member_ids in window.groups.items():
            self.groups.put(group_id, member_ids)
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
            and all(g in self.groups for g in [claim.group, *claim.also_groups] if g)
        )

    def group_members(self, claim: Claim) -> list[Claim]:
        """The cached claims grouped with this one (itself included), in its group or its further groups, for the
        sources panel."""
        member_ids = dict.fromkeys(i for g in [claim.group, *claim.also_groups] if g for i in self.groups.get(g, ()))
        return [member for member_id in member_ids if (member := self.related.get(member_id)) is not None]

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


PAGE_SIZE = 100
CACHED_PAGES = 8


def window_pages(position: int, length: int) -> range:
    """The page numbers holding the window around a position in a queue of `length` claims."""
    start, stop = max(0, position - WINDOW_BEFORE), min(length, position + WINDOW_AFTER)
    return range(start // PAGE_SIZE, (stop - 1) // PAGE_SIZE + 1) if start < stop else range(0)


def window_ids(pages: Mapping[int, Sequence[str]], position: int, length: int) -> list[str]:
    """The ids of the window around a position found in `pages` (positions on missing pages are left out)."""
    found = (_id_in(pages, index) for index in range(max(0, position - WINDOW_BEFORE),
                                                      min(length, position + WINDOW_AFTER)))
    return [claim_id for claim_id in found if claim_id is not None]


def _id_in(pages: Mapping[int, Sequence[str]], position: int) -> str | None:
    page = pages.get(position // PAGE_SIZE)
    offset = position % PAGE_SIZE
    return page[offset] if page is not None and offset < len(page) else None


class ClaimQueue:
    """The claims being worked through, known page by page: the cursor, the queue's length and the cached pages.

    Only a few pages of ids around the cursor are held (the Store pages through the rest), so memory does not grow
    with the database. `spec` says which claims the Store puts in the queue and in what order.
    """

    def __init__(self, spec: QueueSpec, length: int, position: int = 0) -> None:
        self.spec = spec
        self.length = length
        self.position = position
        self.pages: _Lru = _Lru(CACHED_PAGES)

    def __len__(self) -> int:
        return self.length

    @property
    def filter_description(self) -> str | None:
        """What the filter keeps, for the status line (None: no filter)."""
        return self.spec.claim_filter.describe() if self.spec.filtered else None

    @property
    def current(self) -> str | None:
        """The claim id under the cursor, or None when the queue is empty or that page is not loaded."""
        return self.id_at(self.position)

    def id_at(self, position: int) -> str | None:
        """The claim id at a position, when its page is loaded."""
        if not 0 <= position < self.length:
            return None
        return _id_in(self.pages, position)

    def window(self, position: int | None = None) -> list[str]:
        """The loaded ids around a position: a few behind, more ahead, since reviewers mostly move forward."""
        return window_ids(self.pages, self.position if position is None else position, self.length)

    def known_pages(self, position: int | None = None) -> dict[int, list[str]]:
        """The loaded pages of the window around a position and the pages beside them (a copy a worker may read)."""
        position = self.position if position is None else position
        wanted = window_pages(position, self.length)
        numbers = range(max(0, wanted.start - 1), wanted.stop + 1) if wanted else range(0)
        return {number: list(self.pages[number]) for number in numbers if number in self.pages}

    def add_pages(self, pages: dict[int, list[str]]) -> None:
        """Take in pages of ids read from the Store."""
        for number, ids in pages.items():
            self.pages.put(number, list(ids))
            if len(ids) < PAGE_SIZE:
                self.length = min(self.length, number * PAGE_SIZE + len(ids))
        self.position = min(self.position, max(0, self.length - 1))

    def cached_ids(self) -> list[str]:
        """Every loaded id in queue order (the whole queue when it fits in the cached pages)."""
        return [claim_id for number in sorted(self.pages) for claim_id in self.pages[number]]

    def index_of(self, claim_id: str) -> int | None:
        """Position of a claim among the loaded pages (None: not loaded, or not in the queue)."""
        for number, ids in self.pages.items():
            if claim_id in ids:
                return number * PAGE_SIZE + ids.index(claim_id)
        return None

    def next_unlabelled(self, annotations: dict[str, Annotation | None]) -> int | None:
        """Position of the next unlabelled claim after the cursor, when the loaded claims ahead show it.

        None when a claim ahead is not loaded, its decision is not known, or the rest of the queue is labelled:
        then the Store must be asked (it also looks before the cursor).
        """
        for position in range(self.position + 1, self.length):
            claim_id = self.id_at(position)
            if claim_id is None or claim_id not in annotations:
                return None
            if annotations[claim_id] is None:
                return position
        return None

    def same_order(self, spec: QueueSpec) -> bool:
        """True when `spec` puts the same claims at the same positions as this queue (pages read for it fit)."""
        return spec.model_copy(update={"keep": ()}) == self.spec.model_copy(update={"keep": ()})

    def keep_changed(self, claim_id: str) -> None:
        """Keep a claim changed under a filter in the queue, so positions already shown stay where they are."""
        if self.spec.filtered and claim_id not in self.spec.keep:
            self.spec = self.spec.model_copy(update={"keep": (*self.spec.keep, claim_id)})

    def append(self, claim_id: str) -> None:
        """Routing: the claim newly held for this annotator joins the end of the queue."""
        self.spec = self.spec.model_copy(update={"held": claim_id})
        number, offset = divmod(self.length, PAGE_SIZE)
        page = self.pages.get(number)
        if page is not None and len(page) == offset:
            page.append(claim_id)
        elif offset == 0:
            self.pages.put(number, [claim_id])
        self.length += 1

    def remove(self, claim_id: str) -> None:
        """Routing: drop a claim that is no longer this annotator's (given back, or taken by another reviewer)."""
        if self.spec.held == claim_id:
            self.spec = self.spec.model_copy(update={"held": None})
        index = self.index_of(claim_id)
        if index is None:
            return
        number = index // PAGE_SIZE
        last_page = (self.length - 1) // PAGE_SIZE
        for later in [page for page in self.pages if page >= number]:
            if later == number == last_page:
                self.pages[later].remove(claim_id)
            else:
                del self.pages[later]
        self.length -= 1
        if index < self.position:
            self.position -= 1
        self.position = min(self.position, max(0, self.length - 1))
