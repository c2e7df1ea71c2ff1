"""One line of progress: this annotator's done/total, position in the queue, the article, the active filter."""

from __future__ import annotations

from rich.text import Text

from annotator.tui.literal import literal
from annotator.tui.widgets.prepared import OneLine


def render_status(
    annotator: str, done: int, total: int, position: int | None, queue_size: int,
    article_done: tuple[int, int], filter_description: str | None, *, overlap: int | None = None,
    pace: str | None = None,
) -> Text:
    """The status line text; positions are shown 1-based; with routing, `overlap` reviewers per claim; `pace` is the
    session's claims per hour and time left, once known."""
    text = Text(end="")
    text.append("signing as ", style="dim")
    text.append_text(literal(annotator, style="bold"))
    percent = f" ({100 * done // total}%)" if total else ""
    text.append(f"  done {done}/{total}{percent}")
    if position is not None:
        text.append(f"  ·  claim {position + 1} of {queue_size}{' (yours)' if overlap is not None else ''}")
    if article_done[1]:
        text.append(f"  ·  this article {article_done[0]}/{article_done[1]}")
    if overlap is not None:
        text.append(f"  ·  {overlap} reviewer{'s' if overlap > 1 else ''} per claim")
    if filter_description is not None:
        text.append("  ·  filter: ", style="bold")
        text.append_text(literal(filter_description))
    if pace is not None:
        text.append(f"  ·  {pace}")
    return text


class StatusLine(OneLine):
    """The progress line at the top of the screen; set `text`."""
