"""Moving through an annotator's queue: the cursor, paging and prefetch, search and filter, go to a claim.

`QueueSession` owns the queue, the claim cache and the pending notes; the annotation session adds deciding.
"""

from __future__ import annotations

from dataclasses import dataclass
from time import monotonic

from annotator.models import Annotation, Article, Claim, ClaimFilter
from annotator.session.core import SessionBase, Step
from annotator.session.jobs import LoadWindow, MoveQueue, QueueSnapshot
from annotator.session.loader import Around
from annotator.session.order import ReadingOrder
from annotator.session.outcomes import QueueMoved, WindowLoaded
from annotator.session.paging import ClaimCache, ClaimQueue, Window
from annotator.session.saves import AnnotationBook
from annotator.session.sources import Sources, sources_of

PREFETCH_AHEAD = 15
"""Claims ahead of the cursor kept loaded, so moving on never waits."""
ORDER_WORDS = {"reading": "reading order", "score": "most check-worthy first", "uncertain": "least certain first"}
"""Each queue order in the reviewer's words."""


@dataclass
class PendingExtras:
    """A note, evidence or flag typed on a claim that has no label yet; saved together with the decision."""

    note: str | None = None
    evidence: tuple[str, ...] = ()
    flagged: bool = False

    @property
    def empty(self) -> bool:
        """True when there is nothing waiting to be saved."""
        return not (self.note or self.evidence or self.flagged)


class QueueSession(SessionBase[Annotation]):
    """One annotator's place in a queue of claims, known page by page."""

    def __init__(self, annotator: str, order: ReadingOrder | None = None) -> None:
        super().__init__()
        self.annotator = annotator
        self.order = order or ReadingOrder()
        self.book = AnnotationBook(annotator, self.overlap)
        self.queue: ClaimQueue | None = None
        self.cache = ClaimCache()
        self.pending: dict[str, PendingExtras] = {}
        """Notes and flags typed on claims that have no label yet."""
        self.total = 0
        """Current claims in the database."""
        self.done = 0
        """Current claims this annotator has labelled."""
        self.active_filter: ClaimFilter | None = None
        self.prefetching = False
        self.shown_claim_id: str | None = None
        self.shown_at = monotonic()

    @property
    def overlap(self) -> int | None:
        """How many annotators each claim gets; None: no routing, every claim to everyone."""
        return self.order.routing.overlap if self.order.routing else None

    def held_claim(self) -> str | None:
        """The reserved claim this annotator has not labelled yet (given back on skip and quit)."""
        return self.order.held_claim(self)

    def current_claim(self) -> Claim | None:
        """The claim under the cursor, when it is loaded."""
        claim_id = self.queue.current if self.queue else None
        return self.cache.claims.get(claim_id) if claim_id and self.cache.ready(claim_id) else None

    def likely_next_claim(self) -> Claim | None:
        """The claim a decision on the current one would move to, when it is known and loaded already."""
        claim_id = self.order.likely_next(self) if self.queue is not None else None
        return self.cache.claims.get(claim_id) if claim_id and self.cache.ready(claim_id) else None

    def article_of(self, claim: Claim) -> Article:
        return self.cache.articles[claim.article.id].article

    def sources_of(self, claim: Claim) -> Sources:
        """What the sources panel shows for a loaded claim: other outlets' words and each conflict once."""
        return sources_of(claim, self.cache.related, self.cache.group_members(claim), self.cache.outlets)

    def shown(self, claim_id: str | None) -> None:
        """The view drew this claim (None: none); a decision's time counts from when its claim first showed."""
        if claim_id != self.shown_claim_id:
            self.shown_claim_id = claim_id
            self.shown_at = monotonic()

    # Keys

    def step_by(self, step: int) -> Step:
        """j/k: move the cursor without saving anything."""
        self.move(step)
        return self.step()

    def prefetch(self) -> Step:
        """Load the claims just ahead in the background, once the annotator pauses."""
        queue = self.queue
        if self.prefetching or self.keys.busy or not queue:
            return self.step()
        end = min(len(queue), queue.position + PREFETCH_AHEAD)
        ahead = [queue.id_at(position) for position in range(queue.position, end)]
        if any(claim_id is None or not self.cache.ready(claim_id) for claim_id in ahead):
            self.load_window(show=False)
        else:
            job = self.order.prefetch(self)
            if job is not None:
                self.in_background(job)
        return self.step()

    def search(self, claim_filter: ClaimFilter, order: str | None = None) -> Step:
        """Filter the queue (an empty filter clears it) and sort it (`order`; None: as it is), keeping the cursor on
        the current claim if it passes."""
        if self.queue is None:
            return self.step()
        order = order or self.queue.spec.order
        if claim_filter.empty and not self.queue.spec.filtered and order == self.queue.spec.order:
            self.say("No filter: every claim.")
            return self.step()
        self.say("Searching…")
        spec = self.queue.spec.model_copy(update={"claim_filter": claim_filter, "keep": (), "order": order})
        snapshot = self.snapshot()
        self.wait_on(MoveQueue("filter", QueueSnapshot(spec, 0, 0, None, {}, frozenset(), snapshot.known_articles,
                                                       snapshot.change_count), self.queue.current))
        return self.step()

    def goto(self, target: str) -> Step:
        """Go to a claim by 1-based number in the queue, id, or unique start of an id."""
        assert self.queue is not None
        if target.isdigit():
            number = int(target)
            if 1 <= number <= len(self.queue):
                self.clear_message()
                self.go(number - 1)
            else:
                self.say(f"No claim number {number}: the queue has {len(self.queue)}.", error=True)
        else:
            self.wait_on(MoveQueue("goto", self.snapshot(), target))
        return self.step()

    # Moving

    def next_unlabelled(self) -> None:
        """After a decision: the next claim this annotator has not labelled."""
        assert self.queue is not None
        position = self.queue.next_unlabelled(self.cache.annotations)
        if position is None:
            self.wait_on(MoveQueue("next", self.snapshot(), self.queue.current))
        else:
            self.go(position)

    def move(self, step: int, *, skip: bool = False) -> None:
        """Move the cursor by `step` claims without saving anything (routing may reserve a claim past the end)."""
        if self.queue is None:
            return
        position = self.queue.position + step
        if step > 0 and position >= len(self.queue) and self.order.past_the_end(self):
            return
        if not 0 <= position < len(self.queue):
            self.say("Last claim of the queue." if step > 0 else "First claim of the queue.")
            return
        self.clear_message()
        if skip:
            self.say("Skipped: nothing saved.")
        self.go(position)

    def go(self, position: int) -> None:
        """Put the cursor on a claim and show it, loading its window first if needed."""
        assert self.queue is not None
        self.queue.position = position
        claim_id = self.queue.current
        if not len(self.queue) or (claim_id is not None and self.cache.ready(claim_id)):
            self.show()
            self._step.prefetch = True
            return
        self.load_window(show=True)

    def snapshot(self) -> QueueSnapshot:
        """A frozen copy of what a worker needs to read around the cursor."""
        queue = self.queue
        assert queue is not None
        ready = frozenset(claim_id for claim_id in queue.window() if self.cache.ready(claim_id))
        return QueueSnapshot(queue.spec, len(queue), queue.position, queue.current, queue.known_pages(), ready,
                             tuple(self.cache.articles), self.log.change_count)

    def load_window(self, *, show: bool) -> None:
        job = LoadWindow(self.snapshot(), show)
        if show:
            self.wait_on(job)
        else:
            self.prefetching = True
            self.in_background(job)

    def merge_window(self, window: Window, change_count: int) -> None:
        """Cache what a worker read, except decisions saved since it started reading."""
        self.cache.merge(window, keep=self.log.changed_since(change_count))

    def take_queue(self, around: Around) -> None:
        """Replace the queue with one read afresh (a new filter, or claims that came or went in the database)."""
        assert around.position is not None
        self.queue = ClaimQueue(around.spec, around.length, around.position)
        self.queue.add_pages(around.pages)
        self.active_filter = around.spec.claim_filter if around.spec.filtered else None
        if around.done is not None:
            self.done = around.done
        if around.total is not None:
            self.total = around.total

    # Outcomes

    def window_loaded(self, message: WindowLoaded) -> None:
        around = message.around
        self.merge_window(around.window, message.change_count)
        assert self.queue is not None
        fits = self.queue.spec == around.spec
        if fits and around.reset:
            self.take_queue(around)
            self.say("Claims changed in the database (a new article version, or links recomputed): "
                     "the queue was read again.")
        elif fits:
            self.queue.add_pages(around.pages)
        if not message.show:
            if around.reset:
                self.show()
            return
        claim_id = self.queue.current
        if claim_id is None and len(self.queue) and not fits:
            self.load_window(show=True)
            return
        if claim_id is not None and not self.cache.ready(claim_id):
            self.say(f"Claim {claim_id} is no longer in the database.", error=True)
        self.show()
        self._step.prefetch = True

    def queue_moved(self, message: QueueMoved) -> None:
        assert self.queue is not None
        around = message.around
        self.merge_window(around.window, message.change_count)
        if around.done is not None:
            self.done = around.done
        if around.total is not None:
            self.total = around.total
        if around.position is None:
            if around.length != len(self.queue) and around.length and self.queue.same_order(around.spec):
                self.take_queue(Around(around.spec, around.length, min(self.queue.position, around.length - 1)))
            self.say_not_found(message)
            self.go(self.queue.position)
            return
        same_order = self.queue.same_order(around.spec)
        filter_cleared = not same_order and message.reason in ("goto", "undo")
        if message.reason == "filter" or not same_order or around.length != len(self.queue):
            self.take_queue(around)
        else:
            self.queue.add_pages(around.pages)
        if filter_cleared:
            self.say("That claim is outside the filter: filter cleared.")
        elif message.reason == "filter":
            count = len(self.queue)
            matches = "1 claim matches" if count == 1 else f"{count} claims match"
            order = ORDER_WORDS.get(around.spec.order, around.spec.order)
            self.say(f"{matches}, {order}. / changes the filter, / then Clear shows all." if around.spec.filtered
                     else f"Filter cleared: every claim, {order}.")
        elif message.reason == "goto":
            self.clear_message()
        elif message.wrapped:
            self.say("Back to the first unlabelled claim of the queue.")
        self.go(around.position)

    def say_not_found(self, message: QueueMoved) -> None:
        """Tell the annotator the Store found no claim to move to."""
        if message.reason == "filter":
            self.say(f"No claim matches {message.around.spec.claim_filter.describe()}; the queue is unchanged.")
        elif message.reason == "goto":
            self.say(message.detail, error=True)
        elif message.reason == "next":
            self.say("Every claim in this queue is labelled. Use j/k, / or g to review.")
