"""What commands print: stored data shown literally (no markup, no terminal escapes) and URLs without passwords.

Annotator names, outlets, claim texts and file names come from imports and the web; printed raw, an escape
sequence in one of them would drive the user's terminal (rename the window, rewrite the screen). Every value a
command prints goes through `cell` (table cells) or `line` (messages), which write control characters out as
`\\x1b` and never parse Rich markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from annotator.config import redact_url

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


def stdout_console() -> "Console":
    """Tables and reports for the reader; no highlighting, so data is never coloured as if it were code."""
    from rich.console import Console

    return Console(highlight=False)


def stderr_console() -> "Console":
    """Progress, warnings and errors go to stderr so stdout stays machine-readable."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def line(message: object) -> str:
    """A message as one printable line: control characters (newlines included) written out as escapes."""
    from annotator.tui.literal import visible

    return visible(str(message)).replace("\n", "\\n")


def cell(value: object) -> "Text":
    """A table cell showing `value` literally (None as an empty cell)."""
    from annotator.tui.literal import literal

    return literal("" if value is None else str(value))


def database(url: Optional[str]) -> str:
    """A database URL or path as it may be printed: password removed, control characters escaped."""
    return line(redact_url(url) or "")


def say(message: object, console: "Optional[Console]" = None) -> None:
    """Print one line on stderr (or `console`), literally."""
    (console or stderr_console()).print(line(message), markup=False, highlight=False)
