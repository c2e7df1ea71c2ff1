"""Turn untrusted article and claim text into rich Text that shows exactly what was typed.

Article text comes from the web: it may hold console markup (`[bold red]`), terminal escape sequences or bidi
overrides. Nothing here parses markup, and every control character is replaced by a visible escape such as `\\x1b`,
so a reviewer sees the text as it is and the terminal is never driven by the data.
"""

from __future__ import annotations

import re

from rich.text import Text

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _visible_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(value: str) -> str:
    """The string with control, escape and bidi-override characters written out as `\\xNN` / `\\uNNNN`."""
    return _CONTROL.sub(_visible_escape, value.replace("\t", "    "))


def literal(value: str | None, style: str = "") -> Text:
    """A rich Text showing `value` literally (no markup, no escape sequences), in one style."""
    return Text(visible(value or ""), style=style, end="")


def highlighted(body: str, start: int, end: int, *, style: str) -> Text:
    """`body` shown literally with `body[start:end]` in `style`; offsets are clamped to the body."""
    start = max(0, min(start, len(body)))
    end = max(start, min(end, len(body)))
    text = Text(end="")
    text.append(visible(body[:start]))
    text.append(visible(body[start:end]), style=style)
    text.append(visible(body[end:]))
    return text


def paragraphs(body: str) -> list[tuple[int, int]]:
    """Start and end offsets of each paragraph (text between blank lines) of `body`."""
    bounds = []
    cursor = 0
    for separator in _PARAGRAPH_BREAK.finditer(body):
        if separator.start() > cursor:
            bounds.append((cursor, separator.start()))
        cursor = separator.end()
    if cursor < len(body) or not bounds:
        bounds.append((cursor, len(body)))
    return bounds
