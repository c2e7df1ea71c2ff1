"""Thread workers of the annotation screen: each makes Store calls, touches no widget, and posts one message back."""

from __future__ import annotations

from collections.abc import Collection

from textual import work

from annotator.errors import ClaimFullError, DatabaseError
from annotator.models import Annotation, ClaimFilter, QueueSpec
from annotator.store import Store
from annotator.tui.loader import (
    Around,
    QueueChanged,
    find_claim,
    find_next_unlabelled,
    load_around,
    load_queue,
    load_routed_queue,
    load_window,
    reread_around,
)
from annotator.tui.messages import (
    ChangeSaved,
    ClaimReleased,
    ClaimReserved,
    ClaimTaken,
    PrefetchFailed,
    QueueLoaded,
    QueueMoved,
    StoreFailed,
    StoreRetrying,
    WindowLoaded,
)
from annotator.tui.retry import commit_with_retries, failure_reason
from annotator.tui.state import ClaimCache, ClaimQueue

TAKEN = "another reviewer took this claim"
GOTO_AMBIGUOUS_SHOWN = 10
"""How many ids starting with a typed prefix are counted before "type more of it" says `9+`."""


class StoreWorkers:
    """Mixin for the annotation screen; needs `store`, `annotator`, `cache`, `change_count` and the routing settings."""

    store: Store
    annotator: str
    cache: ClaimCache
    change_count: int
    overlap: int | None
    lease_seconds: int

    def load_queue(self) -> None:
        """Find where to resume (or, with routing, reserve the first claim) and load the first window."""
        self._load_queue_worker()

    def load_window(self, queue: ClaimQueue, *, show: bool) -> None:
        """Load the pages of ids and the claims around the cursor (what is missing of them) in the background."""
        self._load_window_worker(queue.spec, len(queue), queue.position, queue.current, queue.known_pages(),
                                 self._ready(queue), tuple(self.cache.articles), self.change_count, show)

    def find_next_unlabelled(self, queue: ClaimQueue) -> None:
        """Ask the Store for the next unlabelled claim after the cursor; posts `QueueMoved`."""
        self._move_worker("next", queue.spec, len(queue), queue.current, self._ready(queue),
                          tuple(self.cache.articles), self.change_count)

    def find_claim(self, reason: str, queue: ClaimQueue, target: str) -> None:
        """Find a claim by id (`undo`) or by the start of its id (`goto`); posts `QueueMoved`."""
        self._move_worker(reason, queue.spec, len(queue), target, self._ready(queue),
                          tuple(self.cache.articles), self.change_count)

    def apply_filter(self, spec: QueueSpec, keep: str | None) -> None:
        """Page through a newly filtered queue, keeping the cursor on `keep` if it passes; posts `QueueMoved`."""
        self._move_worker("filter", spec, 0, keep, frozenset(), tuple(self.cache.articles), self.change_count)

    def _ready(self, queue: ClaimQueue) -> frozenset[str]:
        """The window's claims that need no loading."""
        return frozenset(claim_id for claim_id in queue.window() if self.cache.ready(claim_id))

    def save_change(self, claim_id: str, annotation: Annotation | None, previous: Annotation | None, kind: str,
                    *, then_reserve: Collection[str] | None = None) -> None:
        """Commit a change (None: back to no label); the screen hears `ChangeSaved`, `ClaimTaken` or `StoreFailed`.

        With `then_reserve` (routing), the next claim not in it is reserved in the same round trip once the change
        is committed, so a decision costs one wait, not two.
        """
        skip = frozenset(then_reserve) if then_reserve is not None else None
        self._save_worker(claim_id, annotation, previous, kind, skip, tuple(self.cache.articles))

    def reserve_claim(self, *, release: str | None, skip: Collection[str]) -> None:
        """Routing: give `release` back (a skip), then reserve the next claim not in `skip`; posts `ClaimReserved`."""
        self._reserve_worker(release, frozenset(skip), tuple(self.cache.articles))

    def release_and_quit(self, claim_id: str) -> None:
        """Routing: give the claim on screen back before the app exits; posts `ClaimReleased`."""
        self._release_worker(claim_id)

    @work(thread=True, exit_on_error=False, group="store")
    def _load_queue_worker(self) -> None:
        try:
            if self.overlap is None:
                start, window = load_queue(self.store, self.annotator)
            else:
                start, window = load_routed_queue(
                    self.store, self.annotator, overlap=self.overlap, lease_seconds=self.lease_seconds
                )
        except Exception as exc:  # a worker must always report back, or the screen would wait forever
            self.post_message(StoreFailed("load the claims", failure_reason(exc)))
            return
        self.post_message(QueueLoaded(start, window))

    @work(thread=True, exit_on_error=False, group="store")
    def _load_window_worker(self, spec: QueueSpec, length: int, position: int, anchor: str | None,
                            known_pages: dict[int, list[str]], ready: frozenset[str],
                            known_articles: tuple[str, ...], change_count: int, show: bool) -> None:
        try:
            try:
                around = load_around(self.store, spec, length, position, known_pages, ready, known_articles)
            except QueueChanged:
                around = reread_around(self.store, spec, anchor, position, ready, known_articles)
        except Exception as exc:
            self.post_message(StoreFailed("load the claims", failure_reason(exc)) if show else PrefetchFailed())
            return
        self.post_message(WindowLoaded(around, show, change_count))

    @work(thread=True, exit_on_error=False, group="store")
    def _move_worker(self, reason: str, spec: QueueSpec, length: int, target: str | None, ready: frozenset[str],
                     known_articles: tuple[str, ...], change_count: int) -> None:
        wrapped, detail = False, ""
        try:
            if reason == "next":
                around, wrapped = find_next_unlabelled(self.store, spec, length, target, ready, known_articles)
            elif reason == "filter":
                around = self._filtered(spec, target, known_articles)
            elif reason == "goto":
                around, detail = self._goto(spec, length, target or "", ready, known_articles)
            else:
                around = find_claim(self.store, spec, target or "", length, ready, known_articles)
        except Exception as exc:
            self.post_message(StoreFailed("search" if reason in ("filter", "goto") else "load the claims",
                                          failure_reason(exc)))
            return
        self.post_message(QueueMoved(reason, around, change_count, wrapped, detail))

    def _filtered(self, spec: QueueSpec, keep: str | None, known_articles: tuple[str, ...]) -> Around:
        length = self.store.queue.length(spec)
        if not length:
            return Around(spec, 0, None)
        index = self.store.queue.index(spec, keep) if keep is not None else None
        return load_around(self.store, spec, length, index or 0, {}, frozenset(), known_articles)

    def _goto(self, spec: QueueSpec, length: int, prefix: str, ready: frozenset[str],
              known_articles: tuple[str, ...]) -> tuple[Around, str]:
        """The claim whose id is `prefix` or uniquely starts with it, in the queue or else with the filter cleared."""
        for candidate in (spec, spec.model_copy(update={"claim_filter": ClaimFilter(), "keep": ()})):
            found = self.store.queue.ids_starting(candidate, prefix, limit=GOTO_AMBIGUOUS_SHOWN)
            if len(found) > 1 and found[0] != prefix:
                many = f"{len(found)}" if len(found) < GOTO_AMBIGUOUS_SHOWN else f"{GOTO_AMBIGUOUS_SHOWN - 1}+"
                return Around(spec, 0, None), f"'{prefix}' starts {many} claim ids; type more of it."
            if found:
                return find_claim(self.store, candidate, found[0], length, ready, known_articles), ""
            if not candidate.filtered:
                break
        return Around(spec, 0, None), f"No claim with id '{prefix}'."

    @work(thread=True, exit_on_error=False, group="store")
    def _save_worker(self, claim_id: str, annotation: Annotation | None, previous: Annotation | None,
                     kind: str, reserve_skip: frozenset[str] | None, known_articles: tuple[str, ...]) -> None:
        doing = {"decision": "save the decision", "edit": "save the change", "undo": "undo"}[kind]
        try:
            if kind == "undo":  # the screen's cache may have forgotten a claim changed long ago
                previous = self._stored_annotation(claim_id, previous)
            saved = self._commit_with_retries(claim_id, annotation, kind, doing)
        except ClaimFullError:
            self.post_message(ClaimTaken(claim_id) if kind == "decision" else StoreFailed(doing, TAKEN))
            return
        except Exception as exc:
            self.post_message(StoreFailed(doing, failure_reason(exc)))
            return
        reserved = None
        if reserve_skip is not None:
            try:
                reserved = self._reserve(None, reserve_skip, known_articles)
            except Exception:  # the decision is saved; the screen reserves again the usual way and reports errors
                reserved = None
        self.post_message(ChangeSaved(claim_id, saved, previous, kind, reserved))

    def _stored_annotation(self, claim_id: str, cached: Annotation | None) -> Annotation | None:
        """The annotator's decision on a claim as the database has it (the cached one if it cannot say)."""
        try:
            return self.store.annotations.get(claim_id, self.annotator)
        except DatabaseError:  # the save that follows retries and reports the outage
            return cached

    def _commit_with_retries(self, claim_id: str, annotation: Annotation | None, kind: str,
                             doing: str) -> Annotation | None:
        """Commit one change, trying again while the database is unreachable; raises once it gives up."""

        def commit() -> Annotation | None:
            if annotation is None:
                self.store.annotations.remove(claim_id, self.annotator)
                return None
            action = "undo" if kind == "undo" else "save"
            return self.store.annotations.save(annotation, action=action, overlap=self.overlap)

        def retrying(attempt: int, attempts: int, reason: str) -> None:
            self.post_message(StoreRetrying(doing, attempt, attempts, reason))

        return commit_with_retries(commit, retrying)

    @work(thread=True, exit_on_error=False, group="store")
    def _reserve_worker(self, release: str | None, skip: frozenset[str], known_articles: tuple[str, ...]) -> None:
        try:
            reserved = self._reserve(release, skip, known_articles)
        except Exception as exc:
            self.post_message(StoreFailed("reserve the next claim", failure_reason(exc)))
            return
        self.post_message(reserved)

    def _reserve(self, release: str | None, skip: frozenset[str], known_articles: tuple[str, ...]) -> ClaimReserved:
        """Give `release` back, reserve the next claim and load what it needs to be shown (in a worker thread)."""
        assert self.overlap is not None
        if release is not None:
            self.store.routing.release(release, self.annotator)
        claim = self.store.routing.reserve_next(
            self.annotator, overlap=self.overlap, lease_seconds=self.lease_seconds, skip=skip
        )
        claim_ids = [claim.id] if claim is not None else []
        window = load_window(self.store, self.annotator, claim_ids, known_articles)
        return ClaimReserved(claim.id if claim else None, window, release, skip)

    @work(thread=True, exit_on_error=False, group="store")
    def renew_lease(self, claim_id: str) -> None:
        """Extend the reservation of the claim on screen; a failure is left to the save, which reports it."""
        try:
            self.store.routing.renew(claim_id, self.annotator, overlap=self.overlap, lease_seconds=self.lease_seconds)
        except Exception:  # the next save says what went wrong; a renewal must never interrupt the reviewer
            pass

    @work(thread=True, exit_on_error=False, group="store")
    def _release_worker(self, claim_id: str) -> None:
        try:
            self.store.routing.release(claim_id, self.annotator)
        except Exception:  # the lease expires on its own; quitting must not be blocked by a failed release
            pass
        self.post_message(ClaimReleased(claim_id))
