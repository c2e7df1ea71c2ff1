"""The claim's sentence highlighted inside the surrounding paragraphs of its article."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from annotator.models import Article, Claim
from annotator.tui.literal import highlighted, literal, paragraphs
from annotator.tui.widgets.quiet import update_if_changed

HIGHLIGHT = "bold reverse underline"
"""Reverse video and underline mark the sentence even on a monochrome terminal."""


def article_heading(article: Article) -> Text:
    """Outlet, title and date of an article, literal."""
    heading = Text(end="")
    heading.append_text(literal(article.outlet or article.source, style="bold"))
    if article.title:
        heading.append(" — ")
        heading.append_text(literal(article.title, style="italic"))
    if article.published:
        heading.append("  ")
        heading.append_text(literal(article.published, style="dim"))
    return heading


def context_parts(claim: Claim, article: Article, *, around: int = 1) -> tuple[Text, Text, Text]:
    """The paragraphs before the claim's, the claim's own (sentence highlighted) and those after, all literal.

    When the claim's offsets do not match the body, its sentence stands alone.
    """
    body = article.body
    if body[claim.start : claim.end] != claim.source_text:
        return Text(end=""), literal(claim.source_text, style=HIGHLIGHT), Text(end="")
    bounds = paragraphs(body)
    first = next((i for i, (_, stop) in enumerate(bounds) if stop > claim.start), len(bounds) - 1)
    last = next((i for i, (_, stop) in enumerate(bounds) if stop >= claim.end), len(bounds) - 1)
    lo, hi = bounds[first][0], bounds[last][1]
    before = [literal(body[start:end]) for start, end in bounds[max(0, first - around) : first]]
    after = [literal(body[start:end]) for start, end in bounds[last + 1 : last + 1 + around]]
    if first - around > 0:
        before.insert(0, Text("…", style="dim", end=""))
    if last + 1 + around < len(bounds):
        after.append(Text("…", style="dim", end=""))
    claim_paragraph = highlighted(body[lo:hi], claim.start - lo, claim.end - lo, style=HIGHLIGHT)
    return Text("\n\n", end="").join(before), claim_paragraph, Text("\n\n", end="").join(after)


class ContextView(VerticalScroll, can_focus=False):
    """A scrollable view of the article around the claim, scrolled so the claim's paragraph is in view."""

    def compose(self):
        yield Static(id="context-heading", markup=False)
        yield Static(id="context-before", classes="context-part", markup=False)
        yield Static(id="context-claim", classes="context-part", markup=False)
        yield Static(id="context-after", classes="context-part", markup=False)

    def show_context(self, claim: Claim, article: Article) -> None:
        """Display the claim's surroundings with its paragraph in view."""
        before, claim_paragraph, after = context_parts(claim, article)
        changed = update_if_changed(self.query_one("#context-heading", Static), article_heading(article))
        for part_id, part in (("#context-before", before), ("#context-claim", claim_paragraph),
                              ("#context-after", after)):
            widget = self.query_one(part_id, Static)
            widget.display = bool(part.plain)
            changed = update_if_changed(widget, part) or changed
        if changed:
            self.call_after_refresh(self._reveal_claim)

    def _reveal_claim(self) -> None:
        """Scroll so the claim's paragraph shows with as much of what comes before it as fits (one scroll change)."""
        claim_region = self.query_one("#context-claim").virtual_region
        height = self.scrollable_content_region.height
        target = max(0, claim_region.bottom - height) if claim_region.height <= height else claim_region.y
        self.scroll_to(y=target, animate=False, immediate=True)
