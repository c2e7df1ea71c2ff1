"""The annotation session's Store calls, each a frozen snapshot a worker thread runs; each returns one outcome."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.models import ClaimFilter, QueueSpec
from annotator.session.core import JobContext
from annotator.session.loader import (
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
from annotator.session.paging import Window
from annotator.session.outcomes import (
    CandidateFound,
    ClaimReleased,
    ClaimReserved,
    PrefetchFailed,
    QueueLoaded,
    QueueMoved,
    StoreFailed,
    WindowLoaded,
)
from annotator.session.saves import Lease
from annotator.session.saving import failure_reason
from annotator.store import Store

GOTO_AMBIGUOUS_SHOWN = 10
"""How many ids starting with a typed prefix are counted before "type more of it" says `9+`."""


@dataclass(frozen=True)
class Routing:
    """How claims are routed between annotators: each claim gets `overlap` of them, a reservation lasts a lease."""

    overlap: int
    lease_seconds: int = 300
    order: str = "reading"
    """Which open claim is reserved next: `reading`, `score` or `uncertain`."""


@dataclass(frozen=True)
class QueueSnapshot:
    """The queue as the session knew it when a job started: what a worker needs to read around the cursor."""

    spec: QueueSpec
    length: int
    position: int
    anchor: str | None
    """The claim under the cursor (where a queue read afresh puts the cursor back)."""
    known_pages: dict[int, list[str]]
    ready: frozenset[str]
    """The window's claims that need no loading."""
    known_articles: tuple[str, ...]
    change_count: int


@dataclass(frozen=True)
class LoadQueue:
    """Find where to resume (or, with routing, reserve the first claim) and load the first window."""

    annotator: str
    routing: Routing | None
    order: str = "reading"

    def run(self, context: JobContext) -> object:
        try:
            if self.routing is None:
                start, window = load_queue(context.store, self.annotator, order=self.order)
            else:
                start, window = load_routed_queue(context.store, self.annotator, overlap=self.routing.overlap,
                                                  lease_seconds=self.routing.lease_seconds, order=self.routing.order)
        except Exception as exc:  # a worker must always report back, or the screen would wait forever
            return StoreFailed("load the claims", failure_reason(exc))
        return QueueLoaded(start, window)


@dataclass(frozen=True)
class LoadWindow:
    """Load the pages of ids and the claims around the cursor (what is missing of them)."""

    queue: QueueSnapshot
    show: bool

    def run(self, context: JobContext) -> object:
        q = self.queue
        try:
            try:
                around = load_around(context.store, q.spec, q.length, q.position, q.known_pages, q.ready,
                                     q.known_articles)
            except QueueChanged:
                around = reread_around(context.store, q.spec, q.anchor, q.position, q.ready, q.known_articles)
        except Exception as exc:
            return StoreFailed("load the claims", failure_reason(exc)) if self.show else PrefetchFailed()
        return WindowLoaded(around, self.show, q.change_count)


@dataclass(frozen=True)
class MoveQueue:
    """Ask the Store where the cursor goes: `next` unlabelled, a claim by id (`undo`), `goto` a typed id or number,
    or the first claim of a `filter`ed queue (`target` is the claim to keep the cursor on)."""

    reason: str
    queue: QueueSnapshot
    target: str | None

    def run(self, context: JobContext) -> object:
        q, store = self.queue, context.store
        wrapped, detail = False, ""
        try:
            if self.reason == "next":
                around, wrapped = find_next_unlabelled(store, q.spec, q.length, self.target, q.ready,
                                                       q.known_articles)
            elif self.reason == "filter":
                around = self._filtered(store)
            elif self.reason == "goto":
                around, detail = self._goto(store, self.target or "")
            else:
                around = find_claim(store, q.spec, self.target or "", q.length, q.ready, q.known_articles)
        except Exception as exc:
            return StoreFailed("search" if self.reason in ("filter", "goto") else "load the claims",
                               failure_reason(exc))
        return QueueMoved(self.reason, around, q.change_count, wrapped, detail)

    def _filtered(self, store: Store) -> Around:
        spec = self.queue.spec
        length = store.queue.length(spec)
        if not length:
            return Around(spec, 0, None)
        index = store.queue.index(spec, self.target) if self.target is not None else None
        return load_around(store, spec, length, index or 0, {}, frozenset(), self.queue.known_articles)

    def _goto(self, store: Store, prefix: str) -> tuple[Around, str]:
        """The claim whose id is `prefix` or uniquely starts with it, in the queue or else with the filter cleared."""
        q = self.queue
        for candidate in (q.spec, q.spec.model_copy(update={"claim_filter": ClaimFilter(), "keep": ()})):
            found = store.queue.ids_starting(candidate, prefix, limit=GOTO_AMBIGUOUS_SHOWN)
            if len(found) > 1 and found[0] != prefix:
                many = f"{len(found)}" if len(found) < GOTO_AMBIGUOUS_SHOWN else f"{GOTO_AMBIGUOUS_SHOWN - 1}+"
                return Around(q.spec, 0, None), f"'{prefix}' starts {many} claim ids; type more of it."
            if found:
                return find_claim(store, candidate, found[0], q.length, q.ready, q.known_articles), ""
            if not candidate.filtered:
                break
        return Around(q.spec, 0, None), f"No claim with id '{prefix}'."


@dataclass(frozen=True)
class Reservation:
    """Who reserves and how: the annotator, the routing, the claims to pass over and the articles already cached."""

    annotator: str
    routing: Routing
    skip: frozenset[str]
    known_articles: tuple[str, ...]


@dataclass(frozen=True)
class ReserveClaim:
    """Routing: give `release` back (a skip), reserve the next claim and load what it needs to be shown."""

    reservation: Reservation
    release: str | None = None

    def run(self, context: JobContext) -> object:
        try:
            return self.reserve(context.store)
        except Exception as exc:
            return StoreFailed("reserve the next claim", failure_reason(exc))

    def reserve(self, store: Store) -> ClaimReserved:
        r = self.reservation
        if self.release is not None:
            store.routing.release(self.release, r.annotator)
        claim = store.routing.reserve_next(r.annotator, overlap=r.routing.overlap,
                                         lease_seconds=r.routing.lease_seconds, skip=r.skip, order=r.routing.order)
        window = load_window(store, r.annotator, [claim.id] if claim is not None else [], r.known_articles)
        return ClaimReserved(claim.id if claim else None, window, self.release, r.skip)


@dataclass(frozen=True)
class FindCandidate:
    """Routing: find and load, without reserving it, the claim the next decision will reserve (`after` is on
    screen and passed over), so the decision only has to take its lease."""

    reservation: Reservation
    after: str

    def run(self, context: JobContext) -> object:
        r, store = self.reservation, context.store
        try:
            claim_id = store.routing.first_open(r.annotator, overlap=r.routing.overlap, skip=r.skip | {self.after},
                                                order=r.routing.order)
            window = load_window(store, r.annotator, [claim_id] if claim_id else [], r.known_articles)
        except Exception:  # the decision then reserves the usual way
            return CandidateFound(None, Window(), self.after)
        return CandidateFound(claim_id, window, self.after)


@dataclass(frozen=True)
class ReserveAfterDecision:
    """Routing: the reservation that goes with a decision, so a decision costs one wait: the candidate found while
    the annotator read, leased in the decision's own transaction when it still has a place, else the next open
    claim, reserved right after the commit."""

    reserve: ReserveClaim
    candidate: str | None = None

    def lease(self) -> Lease | None:
        return Lease(self.candidate, self.reserve.reservation.routing.lease_seconds) if self.candidate else None

    def run(self, context: JobContext, leased: bool) -> ClaimReserved:
        r = self.reserve.reservation
        if leased and self.candidate is not None:
            return ClaimReserved(self.candidate, Window(), None, r.skip)
        return self.reserve.reserve(context.store)


@dataclass(frozen=True)
class ReleaseClaim:
    """Routing: give the claim on screen back before the app exits (a failure leaves the lease to run out)."""

    annotator: str
    claim_id: str

    def run(self, context: JobContext) -> object:
        try:
            context.store.routing.release(self.claim_id, self.annotator)
        except Exception:  # the lease expires on its own; quitting must not be blocked by a failed release
            pass
        return ClaimReleased(self.claim_id)


@dataclass(frozen=True)
class RenewLease:
    """Extend the reservation of the claim on screen; a failure is left to the next save, which reports it."""

    annotator: str
    routing: Routing
    claim_id: str

    def run(self, context: JobContext) -> object:
        try:
            context.store.routing.renew(self.claim_id, self.annotator, overlap=self.routing.overlap,
                                      lease_seconds=self.routing.lease_seconds)
        except Exception:  # a renewal must never interrupt the reviewer
            pass
        return None
