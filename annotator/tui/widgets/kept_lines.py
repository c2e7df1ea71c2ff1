"""A widget's drawn lines kept between frames, so a frame redraws only the rows that were marked for repaint.

Whenever any region of the screen changes, Textual's compositor asks every widget overlapping the changed area for
all of its lines, and each widget walks every one of its rows (cached, but each row still passes Textual's line
filters). On a keypress the status line at the top and the claim's sentence in the context below change, so every
panel is asked for every row. A widget using `KeptLines` hands back the lines it drew last, with only its dirty rows
drawn again: the rows Textual itself would draw afresh (marked by `Widget.refresh`, or dropped from its cache).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from textual.containers import Container, VerticalScroll
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static


def rows_to_draw(widget: Widget, crop: Region) -> list[int] | None:
    """The rows of `crop` Textual would draw afresh for `widget`, in order (None: not known, so all of them).

    Exactly Textual's own rule: a row marked by `refresh`, or one its style cache no longer holds (a full refresh
    empties the cache). The one place that reads Textual's internals, the widget's style cache.
    """
    cache = getattr(widget, "_styles_cache", None)
    dirty, drawn = getattr(cache, "_dirty_lines", None), getattr(cache, "_cache", None)
    if dirty is None or drawn is None:
        return None
    return [row for row in crop.line_range if row in dirty or row not in drawn]


def row_runs(rows: Iterable[int]) -> Iterator[tuple[int, int]]:
    """Sorted rows as (start, stop) runs of consecutive rows."""
    start = stop = None
    for row in rows:
        if start is None or stop is None:
            start, stop = row, row + 1
        elif row == stop:
            stop += 1
        else:
            yield start, stop
            start, stop = row, row + 1
    if start is not None and stop is not None:
        yield start, stop


class KeptLines:
    """The last lines one widget drew for one crop; `render` hands them back with only the dirty rows redrawn."""

    def __init__(self) -> None:
        self._drawn: tuple[Region, Size] | None = None
        self._lines: list[Strip] = []

    def render(self, widget: Widget, crop: Region, draw: Callable[[Region], list[Strip]]) -> list[Strip]:
        """The widget's lines in `crop`, `draw`ing (Textual's own render_lines) only what changed since last time."""
        rows = rows_to_draw(widget, crop)
        drawn = (crop, widget.size)
        if rows is None or drawn != self._drawn or len(self._lines) != crop.height:
            lines = draw(crop)
        elif not rows:
            return self._lines
        else:
            lines = list(self._lines)
            for start, stop in row_runs(rows):
                lines[start - crop.y : stop - crop.y] = draw(Region(crop.x, start, crop.width, stop - start))
        self._drawn, self._lines = drawn, lines
        return lines


class KeptStatic(Static):
    """A Static that redraws only its dirty rows when the compositor asks for its lines."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._kept = KeptLines()

    def render_lines(self, crop: Region) -> list[Strip]:
        return self._kept.render(self, crop, super().render_lines)


class KeptContainer(Container):
    """A container that redraws only its dirty rows (its background) when asked for its lines; lays out as CSS says."""

    def __init__(self, *children: Widget, id: str | None = None) -> None:
        super().__init__(*children, id=id)
        self._kept = KeptLines()

    def render_lines(self, crop: Region) -> list[Strip]:
        return self._kept.render(self, crop, super().render_lines)


class KeptScroll(VerticalScroll):
    """A vertical scroll panel that redraws only its dirty rows when asked for its lines.

    A side panel spans the rows of the claim and its context, so every row those change asks it for its lines too.
    """

    def __init__(self, *children: Widget, id: str | None = None) -> None:
        super().__init__(*children, id=id)
        self._kept = KeptLines()

    def render_lines(self, crop: Region) -> list[Strip]:
        return self._kept.render(self, crop, super().render_lines)
