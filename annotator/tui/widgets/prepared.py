"""Text drawn line by line from strips prepared ahead: a new claim repaints only the lines that differ.

Wrapping and styling a claim's text is most of what a keypress costs to draw, so it is done once per text and
width (and ahead of time, for the claim a decision is likely to move to), kept in a small cache, and handed to
Textual as ready strips.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

from rich.console import Console
from rich.segment import Segment
from rich.text import Span, Text
from textual.geometry import Region
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

from annotator.tui.widgets.kept_lines import KeptLines
from annotator.tui.widgets.styled_ahead import EpochStylesCache, StyledAhead

CACHED_TEXTS = 8


def text_identity(text: Text) -> tuple:
    """What makes two texts look the same on screen (rich Text equality ignores spans' order of building)."""
    return (text.plain, tuple(text.spans), str(text.style))


def wrap(console: Console, text: Text, width: int) -> list[Text]:
    """`text` wrapped to `width` cells, one Text per line."""
    lines = list(text.wrap(console, width, overflow="fold"))
    for line in lines:
        line.end = ""
    return lines


def to_strips(widget: Widget, text: Text, width: int) -> list[Strip]:
    """`text` wrapped and styled as a Static in `widget` would draw it, one strip per line."""
    return Visual.to_strips(widget, visualize(widget, text, markup=False), width, None, widget.visual_style)


def first_line(widget: Widget, text: Text, width: int) -> Strip:
    """The first line of `text` wrapped to `width`, as `to_strips` draws it, at a fraction of its cost.

    For one-line widgets that change on every key (the status line, the history strip): rich's wrapping and
    rendering with the widget's base style give the same cells as Textual's Content, without building one.
    """
    console = widget.app.console
    if text.cell_len <= width:
        line = text
    else:
        lines = text.wrap(console, width, overflow="fold", no_wrap=False)
        line = lines[0] if lines else Text("")
        line.rstrip()
    if line.style:  # rich renders a text's own style only under its spans; Textual draws it under all of it
        line = line.copy()
        line.spans.insert(0, Span(0, len(line), line.style))
    segments = Segment.apply_style(line.render(console, end=""), widget.visual_style.rich_style)
    return Strip(segments).crop(0, width)


def changed_rows(old: list[Strip], new: list[Strip]) -> list[int]:
    """The rows whose strips differ (in content, not merely in being other objects)."""
    return [y for y, (a, b) in enumerate(zip(old, new)) if a is not b and a != b]


ROW_GAP = 3
"""Changed rows at most this far apart are repainted as one region, with the unchanged rows between them."""


def row_spans(rows: list[int], width: int) -> list[Region]:
    """Regions covering the changed `rows` (ascending), rows at most ROW_GAP apart in one region.

    The compositor asks a widget for its lines once per region: a new paragraph changes most rows but keeps its
    blank ones, and asking for a few unchanged (already styled) rows costs less than a call per run.
    """
    spans: list[Region] = []
    start = end = rows[0]
    for row in rows[1:]:
        if row - end > ROW_GAP:
            spans.append(Region(0, start, width, end - start + 1))
            start = row
        end = row
    spans.append(Region(0, start, width, end - start + 1))
    return spans


class PreparedText(Widget):
    """A widget drawing prepared strips; subclasses say which lines a text shows in a region of a given size."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._cache: OrderedDict[Hashable, list[Strip]] = OrderedDict()
        self._strips: list[Strip] = []
        self._key: Hashable | None = None
        self._kept = KeptLines()
        self._styles_cache = EpochStylesCache()
        self._ahead = StyledAhead()
        self._diff: tuple[list[Strip], list[Strip], list[int]] | None = None
        """The rows that differ between the strips on screen and strips built ahead (both lists, then the rows)."""

    def lines_for(self, width: int, height: int) -> Callable[[], list[Strip]] | None:
        """How to build the strips shown now (None: nothing to show); subclasses override."""
        raise NotImplementedError

    def shown_identity(self) -> Hashable:
        raise NotImplementedError

    def strips(self, identity: Hashable, build: Callable[[], list[Strip]], width: int, height: int) -> list[Strip]:
        """The strips for one text at one size, built once."""
        key = (identity, width, height)
        strips = self._cache.get(key)
        if strips is None:
            strips = build()
            self._cache[key] = strips
            while len(self._cache) > CACHED_TEXTS:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return strips

    def redraw(self, *, layout: bool = False) -> None:
        """Repaint the lines that changed since the last drawing (all of them when the size is unknown)."""
        if layout or not self.is_mounted:
            self.refresh(layout=layout)
            return
        width, height = self.content_size
        if width <= 0 or height <= 0:
            self.refresh()
            return
        old = self._strips
        new = self._current(width, height)
        if len(new) != len(old):
            self._styles_cache.keeping_epoch(self.refresh)
            return
        diff = self._diff
        changed = diff[2] if diff is not None and diff[0] is old and diff[1] is new else changed_rows(old, new)
        if changed:
            self.refresh(*row_spans(changed, width))

    def compare_ahead(self, strips: list[Strip]) -> None:
        """Find now which rows `strips` (built ahead, same size) change on screen, so showing them compares nothing."""
        if self._strips and len(strips) == len(self._strips):
            self._diff = (self._strips, strips, changed_rows(self._strips, strips))

    FITS_HEIGHT = True
    """The lines drawn depend on the height (a view onto longer text); False: the widget grows to its text."""

    def _current(self, width: int, height: int) -> list[Strip]:
        height = height if self.FITS_HEIGHT else 0
        build = self.lines_for(width, height) if width > 0 and (height > 0 or not self.FITS_HEIGHT) else None
        self._key = (self.shown_identity(), width, height)
        self._strips = [] if build is None else self.strips(self.shown_identity(), build, width, height)
        return self._strips

    def style_ahead(self, strips: list[Strip]) -> None:
        """Style prepared `strips` (border, padding, background) now, so drawing them later costs no styling."""
        self._ahead.style(self, strips)

    def render_lines(self, crop: Region) -> list[Strip]:
        return self._kept.render(self, crop, self._draw_lines)

    def _draw_lines(self, crop: Region) -> list[Strip]:
        self._ahead.hand_over(self, crop, self._shown_strips())
        return super().render_lines(crop)

    def _shown_strips(self) -> list[Strip]:
        """The strips of what is shown now, at the widget's current size."""
        width, height = self.content_size
        if self._key != (self.shown_identity(), width, height if self.FITS_HEIGHT else 0):
            self._current(width, height)
        return self._strips

    def render_line(self, y: int) -> Strip:
        strips = self._shown_strips()
        return strips[y] if y < len(strips) else Strip.blank(self.content_size.width, self.visual_style.rich_style)


class OneLine(PreparedText):
    """One line of text that changes on every key (the status line, the history strip), drawn the quick way and
    repainted only where it changed; set `text`."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Text(end="")
        self._identity = text_identity(self._text)

    @property
    def text(self) -> Text:
        return self._text

    @text.setter
    def text(self, text: Text) -> None:
        self.show_text(text, text_identity(text))

    def show_text(self, text: Text, identity: tuple) -> None:
        """Show `text`, whose `text_identity` is known already."""
        if identity != self._identity:
            self._text, self._identity = text, identity
            self.redraw()

    def prepare_text(self, text: Text) -> tuple:
        """Build the line of a text likely to be shown next; returns its identity for `show_text`."""
        identity = text_identity(text)
        width, height = self.content_size
        if width > 0 and height > 0:
            self.strips(identity, self._line_of(text, width), width, height)
        return identity

    def shown_identity(self) -> tuple:
        return self._identity

    def lines_for(self, width: int, height: int):
        return self._line_of(self._text, width)

    def _line_of(self, text: Text, width: int) -> Callable[[], list[Strip]]:
        return lambda: [first_line(self, text, width)]
