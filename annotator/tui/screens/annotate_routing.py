"""Routing on the annotation screen (`--overlap K`): the claim on screen is reserved for this reviewer.

The queue holds the reviewer's own labelled claims (to go back and relabel) plus, last, the one claim reserved for them;
after a decision the next claim is reserved, skip gives the claim back and reserves another, quit gives it back.
Other annotators' labels are never shown.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from annotator.tui.messages import ClaimReleased, ClaimReserved, ClaimTaken
from annotator.tui.state import ClaimCache, ClaimQueue
from annotator.tui.widgets.claim_card import PendingExtras


class RoutingActions:
    """Mixin for the annotation screen; uses its queue, cache, workers and display methods."""

    app: App
    overlap: int | None
    queue: ClaimQueue | None
    cache: ClaimCache
    pending: dict[str, PendingExtras]
    reserved: str | None
    """The claim reserved for this reviewer and not yet labelled by them (None: they hold none)."""
    ready_reservation: ClaimReserved | None
    """A claim the save worker reserved right after a decision, waiting to be shown."""
    skipped: set[str]
    """Claims this reviewer gave back with skip; routing offers them again only when nothing else is left."""
    say: Callable[..., None]
    go: Callable[[int], None]
    move: Callable[..., None]
    set_busy: Callable[[], None]
    set_idle: Callable[[], None]
    show_current: Callable[[], None]
    reserve_claim: Callable[..., None]
    release_and_quit: Callable[[str], None]

    @property
    def routed(self) -> bool:
        """True when claims are routed between annotators (an overlap is set)."""
        return self.overlap is not None

    def held_claim(self) -> str | None:
        """The reserved claim this reviewer has not labelled yet (given back on skip and quit)."""
        if self.reserved is None or self.queue is None or self.cache.annotations.get(self.reserved) is not None:
            return None
        return self.reserved

    def reserve_after(self, claim_id: str) -> set[str] | None:
        """Claims to skip when the next claim should be reserved as soon as a decision on `claim_id` is saved.

        None when no reservation is due: without routing, or while another claim is still held for the reviewer.
        """
        if not self.routed or self.held_claim() not in (None, claim_id):
            return None
        return set(self.skipped)

    def next_routed_claim(self) -> None:
        """After a decision: the claim still held for this reviewer, else a newly reserved one."""
        assert self.queue is not None
        if self.held_claim() is not None:
            self.go(len(self.queue) - 1)
            return
        ready, self.ready_reservation = self.ready_reservation, None
        if ready is not None:
            self.on_claim_reserved(ready)
            return
        self.set_busy()
        self.reserve_claim(release=None, skip=self.skipped)

    def skip_routed(self) -> None:
        """Give the reserved claim back and reserve another; on the reviewer's own claims, just move on."""
        assert self.queue is not None
        current = self.queue.current
        if current is None or current != self.held_claim():
            self.move(1, skip=current is not None)
            return
        self.skipped.add(current)
        self.set_busy()
        self.reserve_claim(release=current, skip=self.skipped)

    def quit_routed(self) -> None:
        """Give the reserved claim back, then quit."""
        held = self.held_claim()
        if held is None:
            self.app.exit()
            return
        self.set_busy()
        self.release_and_quit(held)

    def on_claim_reserved(self, message: ClaimReserved) -> None:
        assert self.queue is not None and self.overlap is not None
        self.cache.merge(message.window)
        if message.released is not None:
            self.queue.remove(message.released)
            self.pending.pop(message.released, None)
            self.say("Skipped: the claim went back to the queue, nothing saved.")
        if message.claim_id is None:
            if message.skipped:
                self.skipped.clear()
                self.say("No new claim left: back to the claims you skipped.")
                self.reserve_claim(release=None, skip=())
                return
            self.reserved = None
            self.say(f"No claim left for you: every claim has {self.overlap} reviewer(s) or is on someone's screen. "
                     "s checks again; j/k and / go through your own labels.")
            self.go(self.queue.position)
            return
        self.reserved = message.claim_id
        if self.queue.spec.held != message.claim_id:
            self.queue.append(message.claim_id)
        self.go(len(self.queue) - 1)

    def on_claim_taken(self, message: ClaimTaken) -> None:
        assert self.queue is not None
        self.queue.remove(message.claim_id)
        if self.reserved == message.claim_id:
            self.reserved = None
        self.say("✖ Another reviewer took this claim: your decision was not saved. Here is the next one.",
                 error=True)
        self.next_routed_claim()

    def on_claim_released(self, message: ClaimReleased) -> None:
        self.app.exit()

    def release_on_exit(self, release: Callable[[str, str], None], annotator: str) -> None:
        """Give the held claim back after the app ended some other way than `q` (ctrl+c, a crash in Textual)."""
        held = self.held_claim()
        if held is not None:
            release(held, annotator)
            self.reserved = None
