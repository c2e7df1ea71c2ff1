"""The help overlay: the key map and the annotation guidelines, without leaving the task."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Markdown, Static

from annotator.errors import UsageError
from annotator.models import Label as ClaimLabel
from annotator.tui.dialogs.claim_edit import SPAN_HINT
from annotator.tui.keys import COMMANDS, Command, display_key
from annotator.tui.literal import literal


def load_guidelines(path: Path | None) -> str:
    """The guidelines Markdown: the configured file, else the one shipped with the package."""
    if path is None:
        return resources.files("annotator.tui").joinpath("guidelines.md").read_text(encoding="utf-8")
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the guidelines file ({exc.__class__.__name__})") from None


def render_key_map(labels: Sequence[ClaimLabel], commands: Sequence[Command] = COMMANDS) -> Text:
    """Every key of the annotation screen with what it does."""
    text = Text(end="")
    for number, label in enumerate(labels, start=1):
        text.append_text(literal(f" {label.key} ", style="bold reverse"))
        text.append(f" or {number}  " if number <= 9 else "       ")
        text.append_text(literal(label.name, style="bold"))
        if label.description:
            text.append("  ")
            text.append_text(literal(label.description))
        if label.needs_correction:
            text.append("  (opens the correction editor)", style="italic")
        text.append("\n")
    for command in commands:
        keys = " or ".join(display_key(key) for key in command.keys)
        text.append(f" {keys} ", style="bold reverse")
        text.append(f"  {command.description}\n")
    text.append(" In dialogs: Enter saves, Escape cancels, Tab moves between fields.", style="italic")
    if any(command.action == "edit_claim" for command in commands):
        text.append(f"\n In the claim editor (t): {SPAN_HINT}.", style="italic")
    return text


class HelpScreen(ModalScreen[None]):
    """Key map plus guidelines, scrollable; Escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "close", show=False),
        Binding("j", "scroll(1)", show=False),
        Binding("k", "scroll(-1)", show=False),
    ]

    def __init__(self, labels: Sequence[ClaimLabel], guidelines: str, commands: Sequence[Command] = COMMANDS) -> None:
        super().__init__()
        self.labels = labels
        self.guidelines = guidelines
        self.commands = commands

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            yield Label("Help · Escape, q or ? closes · j/k or arrows scroll", classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(render_key_map(self.labels, self.commands), id="help-keys", markup=False)
                yield Markdown(self.guidelines, id="help-guidelines")

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def action_scroll(self, lines: int) -> None:
        """Scroll the help text by whole lines."""
        scroll = self.query_one("#help-scroll", VerticalScroll)
        scroll.scroll_relative(y=lines * 3, animate=False)

    def action_close(self) -> None:
        """Back to the claim."""
        self.dismiss(None)
