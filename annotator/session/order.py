"""Queue orders: which claim comes next, as a strategy the annotation session asks (reading order, or routed).

Reading order walks every current claim, the cursor on the next one the annotator has not labelled. Routed order
(`--overlap K`) holds the annotator's own labelled claims plus, last, the one claim reserved for them: after a
decision the next claim is reserved, skip gives the claim back and reserves another, quit gives it back. Orders by
score or uncertainty are reading orders with another sort.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.session.core import Job
from annotator.session.jobs import (
    FindCandidate,
    LoadQueue,
    ReleaseClaim,
    RenewLease,
    Reservation,
    ReserveAfterDecision,
    ReserveClaim,
    Routing,
)
from annotator.session.outcomes import CandidateFound, ClaimReserved, ClaimTaken

if TYPE_CHECKING:
    from annotator.session.annotate import AnnotationSession


class ReadingOrder:
    """Every current claim in reading order (or by `queue_order`: `score`, `uncertain`); after a decision, the next
    one the annotator has not labelled."""

    routing: Routing | None = None

    def __init__(self, queue_order: str = "reading") -> None:
        self.queue_order = queue_order

    def first_job(self, session: AnnotationSession) -> Job:
        return LoadQueue(session.annotator, None, self.queue_order)

    def held_claim(self, session: AnnotationSession) -> str | None:
        """The claim reserved for this annotator and not labelled yet (never, in reading order)."""
        return None

    def started(self, session: AnnotationSession, reserved: str | None) -> None:
        """The first load arrived."""

    def after_decision(self, session: AnnotationSession, reserved: ClaimReserved | None) -> None:
        session.next_unlabelled()

    def follow_decision(self, session: AnnotationSession, claim_id: str) -> ReserveAfterDecision | None:
        """A job to run in the same worker right after a decision on `claim_id` is committed (None: nothing)."""
        return None

    def prefetch(self, session: AnnotationSession) -> Job | None:
        """A background job for while the annotator reads, once the claims ahead are loaded (None: nothing)."""
        return None

    def found(self, session: AnnotationSession, found: CandidateFound) -> None:
        raise AssertionError("reading order looks for no candidate")

    def likely_next(self, session: AnnotationSession) -> str | None:
        """The claim a decision on the current one would move to, when known."""
        assert session.queue is not None
        position = session.queue.next_unlabelled(session.cache.annotations)
        return session.queue.id_at(position) if position is not None else None

    def skip(self, session: AnnotationSession) -> None:
        session.move(1, skip=True)

    def past_the_end(self, session: AnnotationSession) -> bool:
        """Moving forward past the last claim: True when the order handled it (else "Last claim")."""
        return False

    def quit(self, session: AnnotationSession) -> None:
        session.quit()

    def undone_to_nothing(self, session: AnnotationSession, claim_id: str) -> bool:
        """An undo took a claim back to no label: True when the order moved the cursor itself."""
        return False

    def renew(self, session: AnnotationSession) -> Job | None:
        return None

    def reserved(self, session: AnnotationSession, message: ClaimReserved) -> None:
        raise AssertionError("reading order reserves nothing")

    def taken(self, session: AnnotationSession, message: ClaimTaken) -> None:
        raise AssertionError("reading order reserves nothing")

    def release_on_exit(self, session: AnnotationSession) -> str | None:
        return None


class RoutedOrder(ReadingOrder):
    """Claims routed between annotators: the claim on screen is reserved for this one."""

    def __init__(self, routing: Routing) -> None:
        super().__init__(routing.order)
        self.routing = routing
        self.reserved_id: str | None = None
        """The claim reserved for this annotator and not yet labelled by them (None: they hold none)."""
        self.ready_reservation: ClaimReserved | None = None
        """A claim the save worker reserved right after a decision, waiting to be shown."""
        self.candidate: str | None = None
        """The open claim the next decision will try to reserve, found and loaded while the annotator reads."""
        self.finding = False
        self.skipped: set[str] = set()
        """Claims this annotator gave back with skip; routing offers them again only when nothing else is left."""

    def first_job(self, session: AnnotationSession) -> Job:
        return LoadQueue(session.annotator, self.routing)

    def no_claim_left(self) -> str:
        return (f"No claim left for you: every claim has {self.routing.overlap} reviewer(s) "
                "or is on someone's screen. s checks again")

    def started(self, session: AnnotationSession, reserved: str | None) -> None:
        self.reserved_id = reserved
        if reserved is None and session.total:
            session.say(self.no_claim_left() + ".")

    def held_claim(self, session: AnnotationSession) -> str | None:
        if self.reserved_id is None or session.queue is None:
            return None
        return None if session.cache.annotations.get(self.reserved_id) is not None else self.reserved_id

    def _reserve(self, session: AnnotationSession, release: str | None, skip: set[str] | tuple = ()) -> ReserveClaim:
        reservation = Reservation(session.annotator, self.routing, frozenset(skip), tuple(session.cache.articles))
        return ReserveClaim(reservation, release)

    def follow_decision(self, session: AnnotationSession, claim_id: str) -> ReserveAfterDecision | None:
        held = self.held_claim(session)
        if held not in (None, claim_id):
            return None
        return ReserveAfterDecision(self._reserve(session, None, self.skipped),
                                    self.candidate if held == claim_id else None)

    def prefetch(self, session: AnnotationSession) -> Job | None:
        held = self.held_claim(session)
        if held is None or self.finding or self.candidate is not None or session.queue.current != held:
            return None
        self.finding = True
        reservation = Reservation(session.annotator, self.routing, frozenset(self.skipped),
                                  tuple(session.cache.articles))
        return FindCandidate(reservation, held)

    def found(self, session: AnnotationSession, found: CandidateFound) -> None:
        self.finding = False
        session.cache.merge(found.window)
        if found.after == self.held_claim(session):
            self.candidate = found.claim_id
            session.prepare()

    def likely_next(self, session: AnnotationSession) -> str | None:
        return self.candidate if self.held_claim(session) is not None else None

    def after_decision(self, session: AnnotationSession, reserved: ClaimReserved | None) -> None:
        self.ready_reservation = reserved
        self.next_claim(session)

    def next_claim(self, session: AnnotationSession) -> None:
        """The claim still held for this annotator, else the one reserved with the save, else a new one."""
        assert session.queue is not None
        if self.held_claim(session) is not None:
            session.go(len(session.queue) - 1)
            return
        ready, self.ready_reservation = self.ready_reservation, None
        if ready is not None:
            self.reserved(session, ready)
            return
        session.wait_on(self._reserve(session, None, self.skipped))

    def skip(self, session: AnnotationSession) -> None:
        """Give the reserved claim back and reserve another; on the annotator's own claims, just move on."""
        assert session.queue is not None
        current = session.queue.current
        if current is None or current != self.held_claim(session):
            session.move(1, skip=current is not None)
            return
        self.skipped.add(current)
        session.wait_on(self._reserve(session, current, self.skipped))

    def past_the_end(self, session: AnnotationSession) -> bool:
        if self.held_claim(session) is not None:
            return False
        session.clear_message()
        self.next_claim(session)
        return True

    def quit(self, session: AnnotationSession) -> None:
        held = self.held_claim(session)
        if held is None:
            session.quit()
        else:
            session.wait_on(ReleaseClaim(session.annotator, held))

    def undone_to_nothing(self, session: AnnotationSession, claim_id: str) -> bool:
        assert session.queue is not None
        if claim_id == session.queue.spec.held:
            return False
        session.queue.remove(claim_id)
        session.say("Undone: the claim is back to no label and back in the shared queue for anyone.")
        session.go(session.queue.position)
        return True

    def renew(self, session: AnnotationSession) -> Job | None:
        held = self.held_claim(session)
        return RenewLease(session.annotator, self.routing, held) if held is not None else None

    def reserved(self, session: AnnotationSession, message: ClaimReserved) -> None:
        queue = session.queue
        assert queue is not None
        self.candidate = None
        session.cache.merge(message.window)
        if message.released is not None:
            queue.remove(message.released)
            session.pending.pop(message.released, None)
            session.say("Skipped: the claim went back to the queue, nothing saved.")
        if message.claim_id is None:
            if message.skipped:
                self.skipped.clear()
                session.say("No new claim left: back to the claims you skipped.")
                session.wait_on(self._reserve(session, None))
                return
            self.reserved_id = None
            session.say(self.no_claim_left() + "; j/k and / go through your own labels.")
            session.go(queue.position)
            return
        self.reserved_id = message.claim_id
        if queue.spec.held != message.claim_id:
            queue.append(message.claim_id)
        session.go(len(queue) - 1)

    def taken(self, session: AnnotationSession, message: ClaimTaken) -> None:
        assert session.queue is not None
        session.queue.remove(message.claim_id)
        if self.reserved_id == message.claim_id:
            self.reserved_id = None
        session.say("✖ Another reviewer took this claim: your decision was not saved. Here is the next one.",
                    error=True)
        self.next_claim(session)

    def release_on_exit(self, session: AnnotationSession) -> str | None:
        held = self.held_claim(session)
        self.reserved_id = None
        return held
