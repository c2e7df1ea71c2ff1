"""Search and filter, go to, and the full article: the annotation screen's ways of finding a claim."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from annotator.models import Claim, Label
from annotator.tui.dialogs import GotoDialog, SearchDialog
from annotator.tui.filters import ClaimFilter
from annotator.tui.messages import FilterReady
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
    find_claims: Callable[..., None]

    def open_search(self) -> None:
        def searched(claim_filter: ClaimFilter | None) -> None:
            if claim_filter is None or self.queue is None:
                return
            if claim_filter.empty:
                self.active_filter = None
                self.queue.apply_filter([], None, keep=self.queue.current)
                self.say("Filter cleared: every claim.")
                self.go(self.queue.position)
                return
            self.set_busy()
            self.say("Searching…")
            self.find_claims(claim_filter, self.queue.all_ids)

        self.open_dialog(SearchDialog(self.labels, self.active_filter), searched)

    def on_filter_ready(self, message: FilterReady) -> None:
        assert self.queue is not None and message.claim_filter is not None
        if not message.claim_ids:
            self.say(f"No claim matches {message.claim_filter.describe()}; the queue is unchanged.")
            self.set_idle()
            return
        self.active_filter = message.claim_filter
        self.queue.apply_filter(message.claim_ids, message.claim_filter.describe(), keep=self.queue.current)
        count = len(message.claim_ids)
        matches = "1 claim matches" if count == 1 else f"{count} claims match"
        self.say(f"{matches}. / changes the filter, / then Clear shows all.")
        self.go(self.queue.position)

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
        for ids, in_filter in ((self.queue.ids, True), (self.queue.all_ids, False)):
            found = [claim_id for claim_id in ids if claim_id.startswith(target)]
            if len(found) > 1 and target not in found:
                self.say(f"'{target}' starts {len(found)} claim ids; type more of it.", error=True)
                return
            if found:
                claim_id = target if target in found else found[0]
                if not in_filter:
                    self.active_filter = None
                    self.queue.apply_filter([], None, keep=claim_id)
                    self.say("That claim is outside the filter: filter cleared.")
                else:
                    self.clear_message()
                index = self.queue.index_of(claim_id)
                self.go(self.queue.position if index is None else index)
                return
        self.say(f"No claim with id '{target}'.", error=True)

    def open_article(self) -> None:
        claim = self.current_claim()
        if claim is not None:
            self.app.push_screen(ArticleScreen(self.cache.articles[claim.article.id].article, claim))
