"""The full article, scrollable, with the claim's sentence highlighted and scrolled into view."""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from annotator import models
from annotator.models import Article, Claim
from annotator.tui.literal import highlighted, literal, paragraphs
from annotator.tui.widgets.context_view import HIGHLIGHT, article_heading


class ArticleScreen(ModalScreen[str | None]):
    """One article in full; each paragraph is its own widget so the claim's paragraph can be scrolled to. A label key
    closes it with that label's name, for the screen below to decide the claim with."""

    BINDINGS = [
        Binding("escape,q,a", "close", "close", show=False),
        Binding("j", "scroll(1)", show=False),
        Binding("k", "scroll(-1)", show=False),
        Binding("space", "page(1)", show=False),
        Binding("b", "page(-1)", show=False),
    ]

    def __init__(self, article: Article, claim: Claim, labels: Sequence[models.Label] = ()) -> None:
        super().__init__()
        self.article = article
        self.claim = claim
        self.labels_by_key = {label.key: label for label in labels}

    def compose(self) -> ComposeResult:
        body, claim = self.article.body, self.claim
        offsets_match = body[claim.start : claim.end] == claim.source_text
        with Vertical(id="article-dialog", classes="dialog"):
            yield Static(article_heading(self.article), classes="dialog-title", markup=False)
            if self.article.url:
                yield Static(literal(self.article.url, style="dim"), markup=False)
            with VerticalScroll(id="article-scroll"):
                for number, (start, end) in enumerate(paragraphs(body)):
                    holds_claim = offsets_match and start < claim.end and end > claim.start
                    content = (
                        highlighted(body[start:end], claim.start - start, claim.end - start, style=HIGHLIGHT)
                        if holds_claim else literal(body[start:end])
                    )
                    yield Static(content, id=f"paragraph-{number}", markup=False,
                                 classes="paragraph -claim" if holds_claim else "paragraph")
            keys = "/".join(self.labels_by_key)
            decide = f"{keys} decide · " if keys else ""
            yield Label(f"{decide}Escape, q or a closes · j/k scroll · space/b page", classes="dialog-hint",
                        markup=False)

    def on_mount(self) -> None:
        scroll = self.query_one("#article-scroll", VerticalScroll)
        scroll.focus()
        claim_paragraphs = self.query(".-claim")
        if claim_paragraphs:
            self.call_after_refresh(scroll.scroll_to_widget, claim_paragraphs.first(), animate=False, top=True)

    def on_key(self, event: events.Key) -> None:
        """A label key decides the claim: the article closes and the screen below saves the label."""
        label = self.labels_by_key.get(event.character or "")
        if label is not None:
            event.stop()
            self.dismiss(label.name)

    def action_scroll(self, lines: int) -> None:
        """Scroll by a few lines."""
        self.query_one("#article-scroll", VerticalScroll).scroll_relative(y=lines * 3, animate=False)

    def action_page(self, pages: int) -> None:
        """Scroll by a screenful."""
        scroll = self.query_one("#article-scroll", VerticalScroll)
        scroll.scroll_relative(y=pages * max(1, scroll.size.height - 2), animate=False)

    def action_close(self) -> None:
        """Back to the claim."""
        self.dismiss(None)
