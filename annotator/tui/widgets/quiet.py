"""Update a Static only when what it shows changes, and lay the screen out again only when its height changes.

An unchanged region costs no repaint; a changed one of the same height costs a repaint of that widget alone, not a
layout of the whole screen (which repaints everything).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from annotator.tui.widgets.prepared import to_strips

_SHOWN = "_annotator_shown"
_HEIGHT = "_annotator_height"


def _identity(content: Text | str) -> object:
    """What makes two contents look the same on screen (rich Text equality ignores the base style)."""
    if isinstance(content, Text):
        return (content.plain, tuple(content.spans), str(content.style))
    return content


def _height(widget: Static, content: Text | str) -> int | None:
    """The lines `content` takes at the widget's width (None: not known while the widget is not laid out)."""
    width = widget.content_size.width
    if not widget.is_mounted or width <= 0 or not widget.display:
        return None
    return len(to_strips(widget, content if isinstance(content, Text) else Text(content, end=""), width))


def update_if_changed(widget: Static, content: Text | str, *, layout: bool = True) -> bool:
    """Show `content` in `widget` unless it already shows it; True when the widget changed.

    The screen is laid out again only when the content's height differs from what the widget showed before;
    `layout=False` is for widgets whose size cannot change (one fixed line), saving even the measuring.
    """
    identity = _identity(content)
    if getattr(widget, _SHOWN, None) == identity:
        return False
    setattr(widget, _SHOWN, identity)
    if layout:
        height = _height(widget, content)
        layout = height is None or height != getattr(widget, _HEIGHT, None)
        setattr(widget, _HEIGHT, height)
    widget.update(content, layout=layout)
    return True
