"""Rows styled ahead: a prepared text's lines passed through Textual's border and padding styling in a pause.

When the next claim sits in another paragraph, every row of the context panel changes, and Textual styles each row
(border, padding, background, tint) as the frame is drawn: about 0.1 ms a row, most of what such a keypress costs
to draw. The rows a decision is likely to show are styled while the reviewer pauses instead, and handed to the
widget's style cache when they are drawn, if nothing that styles them changed in between.

This module and `kept_lines.rows_to_draw` are the places that read Textual's style cache.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual._styles_cache import StylesCache
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget


class EpochStylesCache(StylesCache):
    """Textual's style cache of one widget, counting how often it was emptied.

    Textual empties it whenever the widget is restyled or resized (a focus change, a new class, a theme), so rows
    styled before the last emptying are stale.
    """

    def __init__(self) -> None:
        super().__init__()
        self.epoch = 0

    def clear(self) -> None:
        self.epoch += 1
        super().clear()

    def keeping_epoch(self, refresh: Callable[[], object]) -> None:
        """Run a full `refresh` for new content: it empties the cache, but restyles nothing."""
        epoch = self.epoch
        refresh()
        self.epoch = epoch


class StyledAhead:
    """Styled rows of one prepared text for one widget, kept until the widget is restyled or resized."""

    def __init__(self) -> None:
        self._rows: dict[int, tuple[Strip, Strip]] = {}
        """Widget row -> (the content strip it was styled from, the styled line)."""
        self._valid_for: tuple[int, Size] | None = None

    def style(self, widget: Widget, strips: Sequence[Strip]) -> None:
        """Style the content `strips` as `widget` would draw them now (nothing when its size is not known yet)."""
        cache = widget._styles_cache
        size, content = widget.region.size, widget.content_region.size
        if not isinstance(cache, EpochStylesCache) or not size or not content:
            return
        styles = widget.styles
        base_background, background = widget.background_colors
        top = styles.gutter.top
        app = widget.app
        scratch = StylesCache()
        rows: dict[int, tuple[Strip, Strip]] = {}
        for row, strip in enumerate(strips[: content.height]):
            styled = scratch.render_line(
                styles, row + top, size, content, styles.padding, base_background, background,
                lambda _row, strip=strip: strip, None, None, widget.opacity, app.ansi_theme, app.native_ansi_color,
            )
            rows[row + top] = (strip, styled)
        self._rows, self._valid_for = rows, (cache.epoch, size)

    def hand_over(self, widget: Widget, crop: Region, shown: Sequence[Strip]) -> None:
        """Put the styled rows that match the content now `shown` into the widget's style cache, for `crop`'s rows
        Textual would otherwise style afresh."""
        cache = widget._styles_cache
        valid = isinstance(cache, EpochStylesCache) and self._valid_for == (cache.epoch, widget.region.size)
        if not self._rows or not valid:
            return
        top = widget.styles.gutter.top
        dirty, drawn = cache._dirty_lines, cache._cache
        for y in crop.line_range:
            kept = self._rows.get(y)
            if kept is None or not (y in dirty or y not in drawn):
                continue
            row = y - top
            if row < len(shown) and shown[row] is kept[0]:
                drawn[y] = kept[1]
                dirty.discard(y)
