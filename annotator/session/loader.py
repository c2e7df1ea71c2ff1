"""Store reads for the annotation screen; called only from thread workers, never on the UI thread."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from annotator.models import ArticleRef, Claim, ClaimFilter, QueueOrder, QueueSpec
from annotator.store import Store
from annotator.session.paging import PAGE_SIZE, ArticleInfo, ClaimQueue, Window, window_ids, window_pages


@dataclass
class QueueStart:
    """What the screen needs before the first claim: the queue with its cursor placed, and the progress counts."""

    queue: ClaimQueue
    total: int
    """Current claims in the database."""
    done: int
    """Current claims this annotator has labelled."""
    reserved: str | None = None
    """Routing: the claim reserved for this annotator (None: none left for them)."""


@dataclass
class Around:
    """Where the cursor goes in a queue, with the pages of ids and the claims needed to show it."""

    spec: QueueSpec
    length: int
    position: int | None
    """None: no such claim (nothing matched, nothing left)."""
    pages: dict[int, list[str]] = field(default_factory=dict)
    window: Window = field(default_factory=Window)
    reset: bool = False
    """The cached pages no longer line up with the database (claims came or went): the queue was read afresh."""
    done: int | None = None
    """With a fresh length: the annotator's labelled claims now (None: not read)."""
    total: int | None = None


class QueueChanged(Exception):
    """A page read now does not line up with the cached pages beside it: the queue changed in the database."""


def load_queue(store: Store, annotator: str, known_articles: Collection[str] = (), *,
               order: QueueOrder = "reading") -> tuple[QueueStart, Window]:
    """Every current claim in `order` (reading order by default), the cursor on the first one `annotator` has not
    labelled."""
    spec = QueueSpec(annotator=annotator, order=order)
    length = store.queue.length(spec)
    found = store.queue.next_unlabelled(spec, None)
    around = load_around(store, spec, length, found[0] if found else 0, {}, frozenset(), known_articles)
    queue = ClaimQueue(spec, length, around.position or 0)
    queue.add_pages(around.pages)
    return QueueStart(queue, total=length, done=store.annotations.progress(annotator).done), around.window


def load_routed_queue(
    store: Store, annotator: str, *, overlap: int, lease_seconds: int, order: QueueOrder = "reading"
) -> tuple[QueueStart, Window]:
    """This annotator's labelled claims plus the claim reserved for them next (the next open one in `order`), the
    cursor on the last one."""
    claim = store.routing.reserve_next(annotator, overlap=overlap, lease_seconds=lease_seconds, order=order)
    spec = QueueSpec(annotator=annotator, mine_only=True, held=claim.id if claim else None)
    length = store.queue.length(spec)
    around = load_around(store, spec, length, max(0, length - 1), {}, frozenset(), ())
    queue = ClaimQueue(spec, length, around.position or 0)
    queue.add_pages(around.pages)
    progress = store.annotations.progress(annotator)
    start = QueueStart(queue, total=progress.total, done=progress.done, reserved=claim.id if claim else None)
    return start, around.window


def load_around(
    store: Store, spec: QueueSpec, length: int, position: int, known_pages: Mapping[int, Sequence[str]],
    ready: Collection[str], known_articles: Collection[str],
) -> Around:
    """Read the pages of ids around a position that are not in `known_pages`, and the claims not `ready`.

    Raises QueueChanged when a page read does not join the known pages beside it.
    """
    pages = {
        number: _read_page(store, spec, number, known_pages)
        for number in window_pages(position, length)
        if number not in known_pages
    }
    ids = window_ids({**known_pages, **pages}, position, length)
    window = load_window(store, spec.annotator, [i for i in ids if i not in ready], known_articles)
    return Around(spec, length, position, pages, window)


def _read_page(store: Store, spec: QueueSpec, number: int, known_pages: Mapping[int, Sequence[str]]) -> list[str]:
    """One page of ids, read with the id just before and just after it to check it joins its known neighbours."""
    before = 1 if number > 0 else 0
    ids = store.queue.page(spec, number * PAGE_SIZE - before, PAGE_SIZE + before + 1)
    head, page, tail = ids[:before], ids[before : before + PAGE_SIZE], ids[before + PAGE_SIZE :]
    previous, following = known_pages.get(number - 1), known_pages.get(number + 1)
    if (previous is not None and head != list(previous[-1:])) or (
        following is not None and tail != list(following[:1])
    ):
        raise QueueChanged(f"page {number} no longer joins its neighbours")
    return page


def reread_around(store: Store, spec: QueueSpec, anchor: str | None, position: int, ready: Collection[str],
                  known_articles: Collection[str]) -> Around:
    """Read the queue afresh around claim `anchor` (else around `position`), with the progress counts."""
    length = store.queue.length(spec)
    index = store.queue.index(spec, anchor) if anchor is not None else None
    position = index if index is not None else min(position, max(0, length - 1))
    around = load_around(store, spec, length, position, {}, ready, known_articles)
    progress = store.annotations.progress(spec.annotator)
    around.reset, around.done, around.total = True, progress.done, progress.total
    return around


def find_next_unlabelled(store: Store, spec: QueueSpec, length: int, after: str | None,
                         ready: Collection[str], known_articles: Collection[str]) -> tuple[Around, bool]:
    """The next claim after `after` that the annotator has not labelled, and whether the search wrapped round."""
    found = store.queue.next_unlabelled(spec, after)
    fresh = store.queue.length(spec)
    if found is None:
        around, wrapped = Around(spec, fresh, None), False
    else:
        around = load_around(store, spec, fresh, found[0], {}, ready, known_articles)
        wrapped = found[2]
    return _with_progress(store, around, length), wrapped


def find_claim(store: Store, spec: QueueSpec, claim_id: str, length: int, ready: Collection[str],
               known_articles: Collection[str]) -> Around:
    """A claim's place in the queue; outside a filter, its place with the filter cleared (None position: absent)."""
    index = store.queue.index(spec, claim_id)
    if index is None and spec.filtered:
        spec = spec.model_copy(update={"claim_filter": ClaimFilter(), "keep": ()})
        index = store.queue.index(spec, claim_id)
    fresh = store.queue.length(spec)
    if index is None:
        return _with_progress(store, Around(spec, fresh, None), length)
    return _with_progress(store, load_around(store, spec, fresh, index, {}, ready, known_articles), length)


def _with_progress(store: Store, around: Around, known_length: int) -> Around:
    """Add the progress counts when the queue's length changed since the screen last knew it."""
    if around.length != known_length:
        progress = store.annotations.progress(around.spec.annotator)
        around.done, around.total = progress.done, progress.total
    return around


def article_name(article: ArticleRef) -> str:
    """How an article is named in the UI: its outlet, else its title, else its source."""
    return article.outlet or article.title or article.source


def load_links(
    store: Store, claims: Sequence[Claim]
) -> tuple[dict[str, Claim | None], dict[str, str], dict[str, tuple[str, ...]]]:
    """For the sources panel: the claims the given claims conflict with or are grouped with (None: gone from the
    database), the display name of every article they come from, and each group's claim ids."""
    members = store.claims.in_groups(g for claim in claims for g in [claim.group, *claim.also_groups] if g)
    groups = {group_id: tuple(member.id for member in found) for group_id, found in members.items()}
    related_ids = [c.claim_id for claim in claims for c in claim.conflicts]
    related: dict[str, Claim | None] = {claim.id: claim for claim in store.claims.get_many(related_ids)}
    for claim_id in related_ids:
        related.setdefault(claim_id, None)
    for found in members.values():
        related.update({member.id: member for member in found})
    outlets: dict[str, str] = {}
    for claim in [*(c for c in related.values() if c is not None), *claims]:
        outlets[claim.article.id] = article_name(claim.article)
    mentioned = {aid for claim in claims for aid in claim.corroborated_by} - set(outlets)
    if mentioned:
        refs = store.articles.refs(mentioned)
        for article_id in mentioned:
            outlets[article_id] = article_name(refs[article_id]) if article_id in refs else article_id
    return related, outlets, groups


def load_window(
    store: Store, annotator: str, claim_ids: Sequence[str], known_articles: Collection[str]
) -> Window:
    """Claims, their articles (with each article's claim ids), this annotator's decisions and linked claims."""
    window = Window(claims={claim.id: claim for claim in store.claims.get_many(claim_ids)})
    article_ids = dict.fromkeys(claim.article.id for claim in window.claims.values())
    for article_id in article_ids:
        if article_id in known_articles:
            continue
        article = store.articles.get(article_id)
        window.articles[article_id] = ArticleInfo(article, tuple(store.articles.claim_ids(article_id)))
    window.related, window.outlets, window.groups = load_links(store, list(window.claims.values()))
    asked = list(window.claims) + [i for info in window.articles.values() for i in info.claim_ids]
    asked = list(dict.fromkeys(asked))
    found = store.annotations.by_claim(annotator, asked)
    window.annotations = {claim_id: found.get(claim_id) for claim_id in asked}
    return window
