"""The save job both sessions use: commit one change (retrying while the database is away), then say what landed."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Generic, Protocol

from annotator.errors import ClaimFullError, DatabaseError
from annotator.models import Adjudication, Annotation
from annotator.session.core import Change, Decision, JobContext, Notice
from annotator.session.outcomes import ChangeSaved, ClaimTaken, StoreFailed
from annotator.session.saving import commit_until_saved, failure_reason, retry_notice
from annotator.store import Store

TAKEN = "another reviewer took this claim"


@dataclass(frozen=True)
class Lease:
    """A claim to reserve for the annotator in the same transaction as their decision, and for how long."""

    claim_id: str
    seconds: int


class DecisionBook(Protocol[Decision]):
    """Where one kind of decision is kept: how to commit a change and read back what is stored."""

    def commit(self, store: Store, change: Change[Decision],
               lease: Lease | None = None) -> tuple[Decision | None, bool]:
        """The decision as stored, and whether `lease` was taken in the same transaction."""
        ...

    def stored(self, store: Store, claim_id: str) -> Decision | None: ...

    def doing(self, kind: str) -> str: ...


@dataclass(frozen=True)
class AnnotationBook:
    """An annotator's own labels (with routing, saved against the overlap so a full claim is refused)."""

    annotator: str
    overlap: int | None = None

    def commit(self, store: Store, change: Change[Annotation],
               lease: Lease | None = None) -> tuple[Annotation | None, bool]:
        if change.decision is None:
            store.annotations.remove(change.claim_id, self.annotator)
            return None, False
        if lease is not None and self.overlap is not None and change.kind == "decision":
            return store.annotations.save_and_reserve(change.decision, overlap=self.overlap, reserve=lease.claim_id,
                                                      lease_seconds=lease.seconds)
        action = change.kind if change.kind in ("undo", "redo") else "save"
        return store.annotations.save(change.decision, action=action, overlap=self.overlap), False

    def stored(self, store: Store, claim_id: str) -> Annotation | None:
        return store.annotations.get(claim_id, self.annotator)

    def doing(self, kind: str) -> str:
        return {"decision": "save the decision", "undo": "undo", "redo": "redo"}.get(kind, "save the change")


@dataclass(frozen=True)
class AdjudicationBook:
    """The lead's adjudications, one per claim."""

    def commit(self, store: Store, change: Change[Adjudication],
               lease: Lease | None = None) -> tuple[Adjudication | None, bool]:
        if change.decision is None:
            store.adjudications.remove(change.claim_id)
            return None, False
        return store.adjudications.save(change.decision), False

    def stored(self, store: Store, claim_id: str) -> Adjudication | None:
        return store.adjudications.get(claim_id)

    def doing(self, kind: str) -> str:
        return kind if kind in ("undo", "redo") else "save the adjudication"


class Follow(Protocol):
    """A job run right after a committed decision in the same worker (routing reserves the next claim)."""

    def lease(self) -> Lease | None:
        """A claim to reserve in the decision's own transaction (None: none known yet)."""
        ...

    def run(self, context: JobContext, leased: bool) -> object:
        """After the commit; `leased`: the lease asked for was taken with it."""
        ...


@dataclass(frozen=True)
class SaveChange(Generic[Decision]):
    """Commit one change; an undo first reads the decision it replaces from the database (the cache may be old)."""

    book: DecisionBook[Decision]
    change: Change[Decision]
    follow: Follow | None = None

    def run(self, context: JobContext) -> object:
        doing = self.book.doing(self.change.kind)
        change = self.change
        try:
            if change.kind in ("undo", "redo"):
                change = replace(change, previous=self._stored_or(context.store, change.previous))

            def retrying(attempt: int, delay: float, reason: str) -> None:
                context.report(Notice(retry_notice(attempt, delay, reason), error=True))

            lease = self.follow.lease() if self.follow is not None else None
            saved, leased = commit_until_saved(lambda: self.book.commit(context.store, change, lease), retrying,
                                               context.closed)
        except ClaimFullError:
            return ClaimTaken(change.claim_id) if change.kind == "decision" else StoreFailed(doing, TAKEN)
        except Exception as exc:  # a worker must always report back, or the screen would wait forever
            return StoreFailed(doing, failure_reason(exc))
        followed = None
        if self.follow is not None:
            try:
                followed = self.follow.run(context, leased)
            except Exception:  # the change is saved; the session asks again the usual way and reports errors
                followed = None
        return ChangeSaved(replace(change, decision=saved), followed)

    def _stored_or(self, store: Store, cached: Decision | None) -> Decision | None:
        """The decision as the database has it (the cached one if it cannot say: the save then retries)."""
        try:
            return self.book.stored(store, self.change.claim_id)
        except DatabaseError:
            return cached
