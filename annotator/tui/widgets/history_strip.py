"""The history strip: the last few decisions of this session, newest first, the claim on screen marked.

In the manner of Prodigy's sidebar, so a reviewer sees at a glance what the last keys did; `b` goes back to each.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from annotator.session.feedback import HistoryEntry
from annotator.tui.literal import literal
from annotator.tui.widgets.prepared import OneLine

SNIPPET_WIDTH = 22
"""Characters of each claim's text shown in the strip."""


def snippet(text: str, width: int = SNIPPET_WIDTH) -> str:
    """The opening words of a claim, cut with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def render_history(entries: Sequence[HistoryEntry], current: str | None) -> Text:
    """One line: `b back:` then each decision, newest first, numbered; the claim on screen in reverse video."""
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append("b", style="bold reverse")
    text.append(" back to: ")
    for number, entry in enumerate(reversed(entries), start=1):
        if number > 1:
            text.append("  ·  ", style="dim")
        on_screen = entry.claim_id == current
        style = "reverse" if on_screen else ""
        text.append(f"{'▸' if on_screen else ''}{number} ", style=style + " bold" if style else "bold")
        text.append_text(literal(entry.label, style=style))
        if entry.text:
            text.append(" ", style=style)
            text.append_text(literal(f"“{snippet(entry.text)}”", style=(style + " italic").strip()))
    return text


class HistoryStrip(OneLine):
    """One line over the key legend; hidden until the session has a decision. Call `show_history`."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple | None = None
        self._ready: dict[tuple, tuple[Text, tuple]] = {}
        """Strips built ahead, by what they show: the strip after each verdict the next key may give."""

    def show_history(self, entries: Sequence[HistoryEntry], current: str | None) -> None:
        if self.display != bool(entries):
            self.display = bool(entries)
        shown = (tuple(entries), current)
        if entries and shown != self._shown:
            self._shown = shown
            ready = self._ready.get(shown)
            if ready is not None:
                self.show_text(*ready)
            else:
                self.text = render_history(entries, current)

    def prepare(self, outcomes: Sequence[Sequence[HistoryEntry]], current: str | None) -> None:
        """Build the strip for each of `outcomes` (the entries after each possible verdict), `current` on screen."""
        self._ready = {}
        for entries in outcomes:
            text = render_history(entries, current)
            self._ready[(tuple(entries), current)] = (text, self.prepare_text(text))
