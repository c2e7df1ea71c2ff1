"""Search and filter, go to, and the full article: the annotation screen's ways of finding a claim."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from annotator.models import Claim, ClaimFilter, Label
from annotator.tui.dialogs import GotoDialog, SearchDialog
from annotator.tui.loader import Around
from annotator.tui.messages import QueueMoved
from annotator.tui.screens.article import ArticleScreen
from annotator.tui.state import ClaimCache, ClaimQueue


class NavigationActions:
    """Mixin for the annotation screen; uses its queue, cache, dialogs, messages and `go`."""

    app: App
    queue: ClaimQueue | None
    cache: ClaimCache
    labels: list[Label]
    active_filter: ClaimFilter | None
    say: Callable[..., None]
    clear_message: Callable[[], None]
    go: Callable[[int], None]
    set_busy: Callable[[], None]
    set_idle: Callable[[], None]
    open_dialog: Callable[..., None]
    current_claim: Callable[[], Claim | None]
    apply_filter: Callable[..., None]
    find_claim: Callable[..., None]
    merge_window: Callable[..., None]
    take_queue: Callable[..., None]
    done_count: int
    total_claims: int

    def open_search(self) -> None:
        def searched(claim_filter: ClaimFilter | None) -> None:
            if claim_filter is None or self.queue is None:
                return
            if claim_filter.empty and not self.queue.spec.filtered:
                self.say("No filter: every claim.")
                return
            self.set_busy()
            self.say("Searching…")
            spec = self.queue.spec.model_copy(update={"claim_filter": claim_filter, "keep": ()})
            self.apply_filter(spec, self.queue.current)

        self.open_dialog(SearchDialog(self.labels, self.active_filter), searched)

    def open_goto(self) -> None:
        if not self.queue:
            return

        def chosen(target: str | None) -> None:
            if target is not None:
                self.goto(target)

        self.open_dialog(GotoDialog(len(self.queue)), chosen)

    def goto(self, target: str) -> None:
        """Go to a claim by 1-based number in the queue, id, or unique start of an id."""
        assert self.queue is not None
        if target.isdigit():
            number = int(target)
            if 1 <= number <= len(self.queue):
                self.clear_message()
                self.go(number - 1)
            else:
                self.say(f"No claim number {number}: the queue has {len(self.queue)}.", error=True)
            return
        self.set_busy()
        self.find_claim("goto", self.queue, target)

    def on_queue_moved(self, message: QueueMoved) -> None:
        assert self.queue is not None
        around = message.around
        self.merge_window(around.window, message.change_count)
        if around.done is not None:
            self.done_count = around.done
        if around.total is not None:
            self.total_claims = around.total
        if around.position is None:
            if around.length != len(self.queue) and around.length and self.queue.same_order(around.spec):
                self.take_queue(Around(around.spec, around.length, min(self.queue.position, around.length - 1)))
            self.say_not_found(message)
            self.go(self.queue.position)
            return
        filter_cleared = not self.queue.same_order(around.spec) and message.reason in ("goto", "undo")
        if message.reason == "filter" or not self.queue.same_order(around.spec) or around.length != len(self.queue):
            self.take_queue(around)
        else:
            self.queue.add_pages(around.pages)
        if filter_cleared:
            self.say("That claim is outside the filter: filter cleared.")
        elif message.reason == "filter":
            count = len(self.queue)
            matches = "1 claim matches" if count == 1 else f"{count} claims match"
            self.say(f"{matches}. / changes the filter, / then Clear shows all." if around.spec.filtered
                     else "Filter cleared: every claim.")
        elif message.reason == "goto":
            self.clear_message()
        elif message.wrapped:
            self.say("Back to the first unlabelled claim of the queue.")
        self.go(around.position)

    def say_not_found(self, message: QueueMoved) -> None:
        """Tell the reviewer the Store found no claim to move to."""
        if message.reason == "filter":
            described = message.around.spec.claim_filter.describe()
            self.say(f"No claim matches {described}; the queue is unchanged.")
        elif message.reason == "goto":
            self.say(message.detail, error=True)
        elif message.reason == "next":
            self.say("Every claim in this queue is labelled. Use j/k, / or g to review.")

    def open_article(self) -> None:
        claim = self.current_claim()
        if claim is not None:
            self.app.push_screen(ArticleScreen(self.cache.articles[claim.article.id].article, claim))
