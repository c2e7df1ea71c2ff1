"""The keys of the annotation screen, always visible at the bottom, wrapped to fit narrow terminals."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from annotator.models import Label
from annotator.tui.keys import COMMANDS, Command, display_key
from annotator.tui.literal import literal
from annotator.tui.widgets.kept_lines import KeptStatic

SHORT_NAMES = {"edit_claim": "edit", "skip": "skip", "undo": "undo", "note": "note", "flag": "flag", "search": "find",
               "article": "full", "agreement": "agree", "help": "help", "quit": "quit"}
"""Names short enough that every command fits one line of an 80-column terminal (`b` is named by the history
strip itself; go-to, redo and the scroll keys by the help)."""


def render_legend(labels: Sequence[Label], commands: Sequence[Command] = COMMANDS) -> Text:
    """Label keys on the first line, command keys on the second."""
    text = Text(end="")
    for index, label in enumerate(labels):
        if index:
            text.append("  ")
        text.append_text(literal(label.key, style="bold reverse"))
        text.append(" ")
        text.append_text(literal(label.name))
    text.append(f"   1-{len(labels)} same" if len(labels) > 1 else "", style="dim")
    text.append("\n")
    text.append("j/k", style="bold reverse")
    text.append(" move")
    for command in commands:
        name = SHORT_NAMES.get(command.action)
        if name is None:
            continue
        text.append(" ")
        text.append(display_key(command.keys[0]), style="bold reverse")
        text.append(f" {name}")
    return text


class KeyLegend(KeptStatic):
    """The always-visible key legend."""
