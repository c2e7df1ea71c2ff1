"""Go to a claim by its number in the queue or by its id (or the start of it)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class GotoDialog(ModalScreen[str | None]):
    """Returns what the reviewer typed (a number or an id), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "cancel", show=False)]

    def __init__(self, queue_size: int) -> None:
        super().__init__()
        self.queue_size = queue_size

    def compose(self) -> ComposeResult:
        with Vertical(id="goto-dialog", classes="dialog"):
            yield Label("Go to claim", classes="dialog-title")
            yield Input(id="goto", placeholder=f"number 1-{self.queue_size}, or a claim id")
            yield Label("Enter goes · Escape cancels", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def go(self, event: Input.Submitted) -> None:
        """Return the typed target."""
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        """Close without moving."""
        self.dismiss(None)
