"""The annotation screen: one claim at a time, one keystroke decides, every decision committed before moving on.

User actions that depend on the claim under the cursor run one after another: while a Store call is in flight the
screen is busy and keys typed ahead wait in order, so the next claim never shows before the save returned and a key
never lands on a claim the reviewer has not seen. Store calls run in thread workers (`StoreWorkers`) that touch no
widget and report back with messages.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from time import monotonic

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from annotator.models import Claim, Label
from annotator.store import Store
from annotator.models import ClaimFilter
from annotator.tui.keys import COMMANDS, MAX_DIGIT_LABELS
from annotator.tui.loader import Around
from annotator.tui.messages import ClaimReserved, PrefetchFailed, QueueLoaded, WindowLoaded
from annotator.tui.screens.agreement import AgreementScreen
from annotator.tui.screens.annotate_decisions import DecisionActions
from annotator.tui.screens.annotate_navigation import NavigationActions
from annotator.tui.screens.annotate_routing import RoutingActions
from annotator.tui.screens.annotate_workers import StoreWorkers
from annotator.tui.screens.help import HelpScreen
from annotator.tui.screens.serial import SerialActions
from annotator.tui.state import ClaimCache, ClaimQueue, UndoEntry, Window
from annotator.tui.widgets import (
    ClaimCard,
    ContextView,
    KeyLegend,
    LinksPanel,
    StatusLine,
)
from annotator.tui.widgets.claim_card import PendingExtras
from annotator.tui.widgets.key_legend import render_legend
from annotator.tui.widgets.quiet import update_if_changed
from annotator.tui.widgets.status_line import render_status

PREFETCH_AHEAD = 15
PREFETCH_DELAY = 0.25
"""Seconds without a key before the claims ahead are loaded."""


def _bindings() -> list[Binding]:
    bindings = [Binding(",".join(command.keys), command.action, show=False) for command in COMMANDS]
    bindings += [Binding(str(n), f"choose({n})", show=False) for n in range(1, MAX_DIGIT_LABELS + 1)]
    return bindings


class AnnotateScreen(SerialActions, StoreWorkers, DecisionActions, NavigationActions, RoutingActions, Screen[None]):
    """Shows the claim under the cursor with its context, links and progress, and takes decisions on it."""

    BINDINGS = _bindings()
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]

    def __init__(self, store: Store, annotator: str, labels: Sequence[Label], guidelines: str, *,
                 overlap: int | None = None, lease_seconds: int = 300) -> None:
        super().__init__()
        self.store = store
        self.annotator = annotator
        self.overlap = overlap
        """How many annotators each claim gets; None: no routing, every claim to everyone."""
        self.lease_seconds = lease_seconds
        self.reserved: str | None = None
        self.ready_reservation: ClaimReserved | None = None
        self.skipped: set[str] = set()
        self.total_claims = 0
        self.done_count = 0
        """Current claims this annotator has labelled."""
        self.labels = list(labels)
        self.labels_by_key = {label.key: label for label in self.labels}
        self.guidelines = guidelines
        self.queue: ClaimQueue | None = None
        self.cache = ClaimCache()
        self.undo_stack: list[UndoEntry] = []
        self.pending: dict[str, PendingExtras] = {}
        """Notes and flags typed on claims that have no label yet."""
        self.active_filter: ClaimFilter | None = None
        self.busy = True
        """True while a Store call the reviewer waits on is in flight (the first load, a save, a window)."""
        self.waiting: deque[Callable[[], None]] = deque()
        """Actions typed while busy, run in order once the screen is free."""
        self.shown_claim_id: str | None = None
        self.shown_at = monotonic()
        self.change_count = 0
        self.changed_at: dict[str, int] = {}
        """For each claim saved in this session, the change number of its latest save (guards stale windows)."""
        self.prefetching = False
        self.prefetch_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield StatusLine("", id="status", markup=False)
        with Horizontal(id="panels"):
            with Vertical(id="main-column"):
                yield ClaimCard("loading…", id="claim", markup=False)
                yield ContextView(id="context")
            yield LinksPanel(id="links")
        yield Static("", id="message", markup=False)
        yield KeyLegend(render_legend(self.labels), id="legend", markup=False)

    def on_mount(self) -> None:
        self.query_one("#claim").border_title = "Claim"
        self.query_one("#context").border_title = "In the article"
        self.query_one("#links").border_title = "Other sources"
        self.query_one(LinksPanel).display = False
        self.query_one("#message").display = False
        self.load_queue()
        if self.overlap is not None:
            self.set_interval(max(0.2, self.lease_seconds / 3), self.renew_held_claim)

    def renew_held_claim(self) -> None:
        """Keep the reserved claim from expiring while the reviewer is still reading it."""
        held = self.held_claim()
        if held is not None:
            self.renew_lease(held)

    # Keys

    def action_skip(self) -> None:
        if self.queue is None:
            self.request(self.reload_queue)
            return
        self.request(self.skip_routed if self.routed else lambda: self.move(1, skip=True))

    def reload_queue(self) -> None:
        """Try the first load again after it failed."""
        self.set_busy()
        self.say("Loading the claims again…")
        self.load_queue()

    def action_flag(self) -> None:
        self.request(self.toggle_flag)

    def action_search(self) -> None:
        self.request(self.open_search)

    def action_goto(self) -> None:
        self.request(self.open_goto)

    def action_article(self) -> None:
        self.request(self.open_article)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.labels, self.guidelines))

    def action_agreement(self) -> None:
        self.app.push_screen(AgreementScreen(self.store, self.labels, blind_for=self.annotator))

    def action_quit(self) -> None:
        self.request(self.quit_routed if self.routed else self.app.exit)

    # Moving

    def advance(self) -> None:
        """After a decision: the next claim this annotator has not labelled (with routing, the next reserved one)."""
        assert self.queue is not None
        if self.routed:
            self.next_routed_claim()
            return
        position = self.queue.next_unlabelled(self.cache.annotations)
        if position is None:
            self.set_busy()
            self.find_next_unlabelled(self.queue)
            return
        self.go(position)

    def move(self, step: int, *, skip: bool = False) -> None:
        """Move the cursor by `step` claims without saving anything (with routing, past the end reserves a claim)."""
        if self.queue is None:
            return
        position = self.queue.position + step
        if self.routed and step > 0 and position >= len(self.queue) and self.held_claim() is None:
            self.clear_message()
            self.next_routed_claim()
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
            self.show_current()
            self.set_idle()
            self.schedule_prefetch()
            return
        self.set_busy()
        self.load_window(self.queue, show=True)

    def schedule_prefetch(self) -> None:
        """Prefetch once the reviewer pauses, so no key waits behind a window load it did not ask for."""
        if self.prefetch_timer is not None:
            self.prefetch_timer.stop()
        self.prefetch_timer = self.set_timer(PREFETCH_DELAY, self.prefetch)

    def prefetch(self) -> None:
        """Load the claims just ahead in the background so moving on never waits."""
        self.prefetch_timer = None
        if self.prefetching or self.busy or not self.queue:
            return
        ahead = [self.queue.id_at(position)
                 for position in range(self.queue.position, min(len(self.queue), self.queue.position + PREFETCH_AHEAD))]
        if any(claim_id is None or not self.cache.ready(claim_id) for claim_id in ahead):
            self.prefetching = True
            self.load_window(self.queue, show=False)

    def on_queue_loaded(self, message: QueueLoaded) -> None:
        start = message.start
        self.queue = start.queue
        self.total_claims = start.total
        self.done_count = start.done
        self.reserved = start.reserved
        self.cache.merge(message.window)
        if self.routed and start.reserved is None and start.total:
            self.say(f"No claim left for you: every claim has {self.overlap} reviewer(s) or is on someone's screen. "
                     "s checks again.")
        self.go(self.queue.position)

    def merge_window(self, window: Window, change_count: int) -> None:
        """Cache what a worker read, except decisions saved since it started reading."""
        stale = {claim_id for claim_id, number in self.changed_at.items() if number > change_count}
        self.cache.merge(window, keep=stale)

    def on_window_loaded(self, message: WindowLoaded) -> None:
        around = message.around
        self.merge_window(around.window, message.change_count)
        if not message.show:
            self.prefetching = False
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
                self.show_current()
            return
        claim_id = self.queue.current
        if claim_id is None and len(self.queue) and not fits:
            self.load_window(self.queue, show=True)
            return
        if claim_id is not None and not self.cache.ready(claim_id):
            self.say(f"Claim {claim_id} is no longer in the database.", error=True)
        self.show_current()
        self.set_idle()
        self.schedule_prefetch()

    def on_prefetch_failed(self, message: PrefetchFailed) -> None:
        self.prefetching = False

    def take_queue(self, around: Around) -> None:
        """Replace the queue with one read afresh (a new filter, or claims that came or went in the database)."""
        assert around.position is not None
        self.queue = ClaimQueue(around.spec, around.length, around.position)
        self.queue.add_pages(around.pages)
        self.active_filter = around.spec.claim_filter if around.spec.filtered else None
        if around.done is not None:
            self.done_count = around.done
        if around.total is not None:
            self.total_claims = around.total

    # Display

    def show_current(self) -> None:
        """Show the claim under the cursor with its decision, context, links and progress."""
        claim = self.current_claim()
        if claim is not None:
            info = self.cache.articles[claim.article.id]
            self.query_one(ContextView).display = True
            annotation = self.cache.annotations.get(claim.id)
            self.query_one(ClaimCard).show_claim(claim, annotation, self.pending.get(claim.id))
            self.query_one(ContextView).show_context(claim, info.article)
            self.query_one(LinksPanel).show_links(claim, self.cache.outlets, self.cache.related)
            if claim.id != self.shown_claim_id:
                self.shown_claim_id = claim.id
                self.shown_at = monotonic()
        elif self.queue is not None and not len(self.queue):
            self.show_empty()
        self.refresh_status(claim)

    def show_empty(self) -> None:
        """Say why there is no claim to show."""
        if self.total_claims == 0:
            text = "No claims to annotate yet: add articles with `annotator ingest PATH`."
        else:
            text = "No claim for you right now: the others have every place. Press s to check again, q to quit."
        self.query_one(ClaimCard).show_text(Text(text))
        self.query_one(ContextView).display = False
        self.query_one(LinksPanel).display = False
        self.shown_claim_id = None

    def refresh_status(self, claim: Claim | None) -> None:
        """Update the progress line."""
        if self.queue is None:
            return
        article_done = self.cache.article_done(claim.article.id) if claim else (0, 0)
        update_if_changed(self.query_one(StatusLine), render_status(
            self.annotator, self.done_count, self.total_claims,
            self.queue.position if len(self.queue) else None, len(self.queue),
            article_done, self.queue.filter_description, overlap=self.overlap,
        ), layout=False)
