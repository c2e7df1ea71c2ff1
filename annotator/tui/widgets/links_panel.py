"""Other outlets that report the same claim, and the details on which they disagree."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from annotator.models import Claim
from annotator.tui.literal import literal
from annotator.tui.widgets.quiet import update_if_changed


def has_links(claim: Claim) -> bool:
    """True when the claim is grouped, corroborated or contradicted by another article."""
    return bool(claim.group or claim.corroborated_by or claim.conflicts)


def render_links(claim: Claim, outlets: Mapping[str, str], related: Mapping[str, Claim | None]) -> Text:
    """Corroborating outlets and each conflict's outlet, detail and wording, all literal."""
    text = Text(end="")
    if claim.corroborated_by:
        text.append(f"✓ also reported by ({len(claim.corroborated_by)}): ", style="bold")
        names = [outlets.get(article_id, article_id) for article_id in claim.corroborated_by]
        text.append_text(literal(", ".join(names)))
        text.append("\n")
    if claim.conflicts:
        text.append(f"≠ conflicts ({len(claim.conflicts)}):", style="bold")
        for conflict in claim.conflicts:
            other = related.get(conflict.claim_id)
            text.append("\n  ≠ ")
            if other is None:
                text.append_text(literal(conflict.claim_id, style="bold"))
            else:
                text.append_text(literal(outlets.get(other.article.id, other.article.source), style="bold"))
            text.append(": ")
            text.append_text(literal(conflict.detail))
            if other is not None:
                text.append("\n    “")
                text.append_text(literal(other.text, style="italic"))
                text.append("”")
    return text


class LinksPanel(VerticalScroll, can_focus=False):
    """Corroboration and conflicts for the claim, scrollable; hidden when the claim stands alone."""

    def compose(self):
        yield Static(id="links-text", markup=False)

    def show_links(self, claim: Claim, outlets: Mapping[str, str], related: Mapping[str, Claim | None]) -> None:
        """Display the claim's links, or hide the panel when it has none."""
        self.display = has_links(claim)
        if not self.display:
            return
        title = Text("Other sources", end="")
        if claim.group:
            title.append(" · group ")
            title.append_text(literal(claim.group))
        if title != self.border_title:
            self.border_title = title
        text = render_links(claim, outlets, related)
        text.rstrip()
        update_if_changed(self.query_one("#links-text", Static), text)
