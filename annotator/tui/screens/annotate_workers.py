"""Thread workers of the annotation screen: each makes Store calls, touches no widget, and posts one message back."""

from __future__ import annotations

from collections.abc import Sequence

from textual import work

from annotator.errors import AnnotatorError
from annotator.models import Annotation
from annotator.store import Store
from annotator.tui.filters import ClaimFilter, matching_claim_ids
from annotator.tui.loader import load_queue, load_window
from annotator.tui.messages import ChangeSaved, FilterReady, QueueLoaded, StoreFailed, WindowLoaded
from annotator.tui.state import ClaimCache, ClaimQueue


def _reason(exc: Exception) -> str:
    """One line saying why a Store call failed."""
    if isinstance(exc, AnnotatorError):
        return exc.message
    text = str(getattr(exc, "orig", None) or exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0] if text else 'no detail'}"


class StoreWorkers:
    """Mixin for the annotation screen; needs `store`, `annotator`, `cache` and `change_count` on the screen."""

    store: Store
    annotator: str
    cache: ClaimCache
    change_count: int

    def load_queue(self) -> None:
        """Find where to resume and load the first window."""
        self._load_queue_worker()

    def load_window(self, claim_ids: Sequence[str], *, show: bool) -> None:
        """Load claims (and what they need to be shown) in the background."""
        self._load_window_worker(list(claim_ids), tuple(self.cache.articles), self.change_count, show)

    def save_change(self, claim_id: str, annotation: Annotation | None, previous: Annotation | None, kind: str) -> None:
        """Commit a change (None: back to no label); the screen hears `ChangeSaved` or `StoreFailed`."""
        self._save_worker(claim_id, annotation, previous, kind)

    def find_claims(self, claim_filter: ClaimFilter, claim_ids: Sequence[str]) -> None:
        """Compute the claims matching a search in the background."""
        self._filter_worker(claim_filter, claim_ids)

    @work(thread=True, exit_on_error=False, group="store")
    def _load_queue_worker(self) -> None:
        try:
            start = load_queue(self.store, self.annotator)
            queue = ClaimQueue(start.claim_ids, start.labelled)
            queue.position = queue.first_unlabelled()
            window = load_window(self.store, self.annotator, queue.window(), ())
        except Exception as exc:  # a worker must always report back, or the screen would wait forever
            self.post_message(StoreFailed("load the claims", _reason(exc)))
            return
        self.post_message(QueueLoaded(queue, window))

    @work(thread=True, exit_on_error=False, group="store")
    def _load_window_worker(self, claim_ids: list[str], known_articles: tuple[str, ...], change_count: int,
                            show: bool) -> None:
        try:
            window = load_window(self.store, self.annotator, claim_ids, known_articles)
        except Exception as exc:
            self.post_message(StoreFailed("load the claims", _reason(exc)))
            return
        self.post_message(WindowLoaded(window, show, change_count))

    @work(thread=True, exit_on_error=False, group="store")
    def _save_worker(self, claim_id: str, annotation: Annotation | None, previous: Annotation | None,
                     kind: str) -> None:
        try:
            if annotation is None:
                self.store.remove_annotation(claim_id, self.annotator)
                saved = None
            else:
                saved = self.store.save_annotation(annotation, action="undo" if kind == "undo" else "save")
        except Exception as exc:
            doing = {"decision": "save the decision", "edit": "save the change", "undo": "undo"}[kind]
            self.post_message(StoreFailed(doing, _reason(exc)))
            return
        self.post_message(ChangeSaved(claim_id, saved, previous, kind))

    @work(thread=True, exit_on_error=False, group="store")
    def _filter_worker(self, claim_filter: ClaimFilter, claim_ids: Sequence[str]) -> None:
        try:
            matching = matching_claim_ids(self.store, self.annotator, claim_filter, claim_ids)
        except Exception as exc:
            self.post_message(StoreFailed("search", _reason(exc)))
            return
        self.post_message(FilterReady(claim_filter, matching))
