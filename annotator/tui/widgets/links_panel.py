"""Other outlets that report the same claim, in their own words, and the details on which they disagree."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive

from annotator.session.sources import ConflictEntry, Marked, OutletEntry, Sources
from annotator.tui.literal import literal
from annotator.tui.widgets.kept_lines import KeptScroll, KeptStatic
from annotator.tui.widgets.quiet import update_if_changed

SPAN_STYLE = "underline"
DIFFERING_STYLE = "bold reverse"
QUOTE_MARKS = frozenset("\"“”‘’'«»")
"""A claim that opens with one of these is shown as it is, not wrapped in another pair of quotation marks."""
EXCERPT = 30
"""Characters kept either side of a differing detail: the card and the outlet entry show the whole claim."""


def marked_text(marked: Marked, *, excerpt: bool = False) -> Text:
    """The text literally, the detail's span underlined and the tokens that differ in reverse."""
    body, start, stop = marked.text, 0, len(marked.text)
    if excerpt and marked.span is not None:
        start, stop = max(0, marked.span[0] - EXCERPT), min(len(body), marked.span[1] + EXCERPT)
        space = body.find(" ", start, marked.span[0]) if start > 0 else -1
        start = space + 1 if space >= 0 else start
        space = body.rfind(" ", marked.span[1], stop) if stop < len(body) else -1
        stop = space if space >= 0 else stop
    text = Text(end="")
    if start > 0:
        text.append("…")
    cuts = sorted({start, stop, *(o for s in ([marked.span] if marked.span else []) for o in s),
                   *(o for span in marked.differing for o in span)})
    for left, right in zip(cuts, cuts[1:]):
        if left < start or right > stop:
            continue
        styles = []
        if marked.span and marked.span[0] <= left and right <= marked.span[1]:
            styles.append(SPAN_STYLE)
        if any(s <= left and right <= e for s, e in marked.differing):
            styles.append(DIFFERING_STYLE)
        text.append_text(literal(body[left:right], style=" ".join(styles)))
    if stop < len(body):
        text.append("…")
    return text


def _outlet_lines(entry: OutletEntry) -> Text:
    text = Text("\n  ✓ ", end="")
    text.append_text(literal(entry.outlet, style="bold"))
    if entry.differs_on:
        text.append(" (same fact; differs on ")
        text.append_text(literal(", ".join(entry.differs_on), style="bold"))
        text.append(", below)")
    if not entry.said:
        text.append(": its wording is not loaded", style="italic")
    for said in entry.said:
        quoted = said[:1] in QUOTE_MARKS
        text.append("\n    " if quoted else "\n    “")
        text.append_text(literal(said, style="italic"))
        text.append("" if quoted else "”")
    return text


def _conflict_lines(entry: ConflictEntry) -> Text:
    text = Text("\n  ≠ ", end="")
    text.append_text(literal(entry.outlet, style="bold"))
    text.append(" · ")
    text.append_text(literal(entry.kind, style="bold"))
    text.append(": ")
    if entry.wording or entry.other_wording:
        text.append_text(literal(entry.wording or "?", style=DIFFERING_STYLE))
        text.append(" here vs ")
        text.append_text(literal(entry.other_wording or "?", style=DIFFERING_STYLE))
        text.append(" there")
    else:
        text.append_text(literal(entry.detail))
    if entry.this.span is not None:
        text.append("\n    here:  ", style="dim")
        text.append_text(marked_text(entry.this, excerpt=True))
    text.append("\n    there: ", style="dim")
    if entry.other is None:
        text.append("the other claim is no longer in the database", style="italic")
    else:
        text.append_text(marked_text(entry.other, excerpt=True))
    return text


def render_sources(sources: Sources) -> Text:
    """One entry per corroborating outlet with what it said, then each conflict with both spans marked."""
    text = Text(end="")
    if sources.corroborating:
        count = len(sources.corroborating)
        text.append(f"✓ also reported by {count} outlet{'s' if count > 1 else ''}:", style="bold")
        for entry in sources.corroborating:
            text.append_text(_outlet_lines(entry))
    if sources.conflicts:
        if sources.corroborating:
            text.append("\n")
        count = len(sources.conflicts)
        text.append(f"≠ {count} detail{'s differ' if count > 1 else ' differs'}:", style="bold")
        for conflict in sources.conflicts:
            text.append_text(_conflict_lines(conflict))
    return text


class LinksPanel(KeptScroll, can_focus=False):
    """Corroboration and conflicts for the claim, scrollable; hidden when the claim stands alone."""

    sources: reactive[Sources] = reactive(Sources, always_update=True, repaint=False)

    def compose(self):
        yield KeptStatic(id="links-text", markup=False)

    def on_mount(self) -> None:
        self.border_title = "Other sources"

    def watch_sources(self, sources: Sources) -> None:
        """Display the claim's sources, or hide the panel when it has none."""
        self.display = bool(sources)
        if self.display:
            update_if_changed(self.query_one("#links-text", KeptStatic), render_sources(sources))
