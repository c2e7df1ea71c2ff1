"""Update a Static only when what it shows changes, so an unchanged region costs no layout pass or repaint."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

_SHOWN = "_annotator_shown"


def _identity(content: Text | str) -> object:
    """What makes two contents look the same on screen (rich Text equality ignores the base style)."""
    if isinstance(content, Text):
        return (content.plain, tuple(content.spans), str(content.style))
    return content


def update_if_changed(widget: Static, content: Text | str, *, layout: bool = True) -> bool:
    """Show `content` in `widget` unless it already shows it; True when the widget changed.

    `layout=False` is for widgets whose size cannot change (one fixed line), saving a layout pass.
    """
    identity = _identity(content)
    if getattr(widget, _SHOWN, None) == identity:
        return False
    setattr(widget, _SHOWN, identity)
    widget.update(content, layout=layout)
    return True
