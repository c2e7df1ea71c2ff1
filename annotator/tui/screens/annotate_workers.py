"""Thread workers of the annotation screen: each makes Store calls, touches no widget, and posts one message back."""

from __future__ import annotations

import time
from collections.abc import Collection, Sequence

from textual import work

from annotator.errors import AnnotatorError, ClaimFullError, DatabaseError
from annotator.models import Annotation
from annotator.store import Store
from annotator.tui.filters import ClaimFilter, matching_claim_ids
from annotator.tui.loader import load_queue, load_routed_queue, load_window
from annotator.tui.messages import (
    ChangeSaved,
    ClaimReleased,
    ClaimReserved,
    ClaimTaken,
    FilterReady,
    QueueLoaded,
    StoreFailed,
    StoreRetrying,
    WindowLoaded,
)
from annotator.tui.state import ClaimCache, ClaimQueue

TAKEN = "another reviewer took this claim"


SAVE_RETRY_DELAYS = (0.5, 1.0, 2.0)
"""Seconds to wait before each new attempt when the database does not answer a save."""


def failure_reason(exc: Exception) -> str:
    """One line saying why a Store call failed."""
    if isinstance(exc, AnnotatorError):
        return exc.message
    text = str(getattr(exc, "orig", None) or exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0] if text else 'no detail'}"


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

    def load_window(self, claim_ids: Sequence[str], *, show: bool) -> None:
        """Load claims (and what they need to be shown) in the background."""
        self._load_window_worker(list(claim_ids), tuple(self.cache.articles), self.change_count, show)

    def save_change(self, claim_id: str, annotation: Annotation | None, previous: Annotation | None, kind: str,
                    *, then_reserve: Collection[str] | None = None) -> None:
        """Commit a change (None: back to no label); the screen hears `ChangeSaved`, `ClaimTaken` or `StoreFailed`.

        With `then_reserve` (routing), the next claim not in it is reserved in the same round trip once the change
        is committed, so a decision costs one wait, not two.
        """
        skip = frozenset(then_reserve) if then_reserve is not None else None
        self._save_worker(claim_id, annotation, previous, kind, skip, tuple(self.cache.articles))

    def find_claims(self, claim_filter: ClaimFilter, claim_ids: Sequence[str]) -> None:
        """Compute the claims matching a search in the background."""
        self._filter_worker(claim_filter, claim_ids)

    def reserve_claim(self, *, release: str | None, skip: Collection[str]) -> None:
        """Routing: give `release` back (a skip), then reserve the next claim not in `skip`; posts `ClaimReserved`."""
        self._reserve_worker(release, frozenset(skip), tuple(self.cache.articles))

    def release_and_quit(self, claim_id: str) -> None:
        """Routing: give the claim on screen back before the app exits; posts `ClaimReleased`."""
        self._release_worker(claim_id)

    @work(thread=True, exit_on_error=False, group="store")
    def _load_queue_worker(self) -> None:
        try:
            reserved = None
            if self.overlap is None:
                start = load_queue(self.store, self.annotator)
            else:
                start, reserved = load_routed_queue(
                    self.store, self.annotator, overlap=self.overlap, lease_seconds=self.lease_seconds
                )
            queue = ClaimQueue(start.claim_ids, start.labelled)
            if reserved is not None:
                queue.position = len(queue.ids) - 1
            elif self.overlap is None:
                queue.position = queue.first_unlabelled()
            else:
                queue.position = max(0, len(queue.ids) - 1)
            window = load_window(self.store, self.annotator, queue.window(), ())
        except Exception as exc:  # a worker must always report back, or the screen would wait forever
            self.post_message(StoreFailed("load the claims", failure_reason(exc)))
            return
        self.post_message(QueueLoaded(queue, window, start.total, reserved))

    @work(thread=True, exit_on_error=False, group="store")
    def _load_window_worker(self, claim_ids: list[str], known_articles: tuple[str, ...], change_count: int,
                            show: bool) -> None:
        try:
            window = load_window(self.store, self.annotator, claim_ids, known_articles)
        except Exception as exc:
            self.post_message(StoreFailed("load the claims", failure_reason(exc)))
            return
        self.post_message(WindowLoaded(window, show, change_count))

    @work(thread=True, exit_on_error=False, group="store")
    def _save_worker(self, claim_id: str, annotation: Annotation | None, previous: Annotation | None,
                     kind: str, reserve_skip: frozenset[str] | None, known_articles: tuple[str, ...]) -> None:
        doing = {"decision": "save the decision", "edit": "save the change", "undo": "undo"}[kind]
        try:
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

    def _commit_with_retries(self, claim_id: str, annotation: Annotation | None, kind: str,
                             doing: str) -> Annotation | None:
        """Commit one change, trying again while the database is unreachable; raises once it gives up."""
        for attempt, delay in enumerate((*SAVE_RETRY_DELAYS, None), start=1):
            try:
                if annotation is None:
                    self.store.remove_annotation(claim_id, self.annotator)
                    return None
                action = "undo" if kind == "undo" else "save"
                return self.store.save_annotation(annotation, action=action, overlap=self.overlap)
            except DatabaseError as exc:
                if delay is None:
                    raise
                self.post_message(StoreRetrying(doing, attempt, len(SAVE_RETRY_DELAYS) + 1, failure_reason(exc)))
                time.sleep(delay)
        raise AssertionError("unreachable")

    @work(thread=True, exit_on_error=False, group="store")
    def _filter_worker(self, claim_filter: ClaimFilter, claim_ids: Sequence[str]) -> None:
        try:
            matching = matching_claim_ids(self.store, self.annotator, claim_filter, claim_ids)
        except Exception as exc:
            self.post_message(StoreFailed("search", failure_reason(exc)))
            return
        self.post_message(FilterReady(claim_filter, matching))

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
            self.store.release_claim(release, self.annotator)
        claim = self.store.reserve_next_claim(
            self.annotator, overlap=self.overlap, lease_seconds=self.lease_seconds, skip=skip
        )
        claim_ids = [claim.id] if claim is not None else []
        window = load_window(self.store, self.annotator, claim_ids, known_articles)
        return ClaimReserved(claim.id if claim else None, window, release, skip)

    @work(thread=True, exit_on_error=False, group="store")
    def renew_lease(self, claim_id: str) -> None:
        """Extend the reservation of the claim on screen; a failure is left to the save, which reports it."""
        try:
            self.store.renew_lease(claim_id, self.annotator, overlap=self.overlap, lease_seconds=self.lease_seconds)
        except Exception:  # the next save says what went wrong; a renewal must never interrupt the reviewer
            pass

    @work(thread=True, exit_on_error=False, group="store")
    def _release_worker(self, claim_id: str) -> None:
        try:
            self.store.release_claim(claim_id, self.annotator)
        except Exception:  # the lease expires on its own; quitting must not be blocked by a failed release
            pass
        self.post_message(ClaimReleased(claim_id))
