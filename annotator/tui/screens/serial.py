"""Reviewer actions run one after another: while a Store call is in flight, keys typed ahead wait in order."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence

from textual import events
from textual.app import App
from textual.widgets import Static

from annotator.models import Label
from annotator.tui.literal import literal
from annotator.tui.widgets.quiet import update_if_changed


class SerialActions:
    """Mixin for screens whose keys act on the claim on screen, so a key never lands on a claim not yet shown."""

    app: App
    busy: bool
    """True while a Store call the reviewer waits on is in flight (a load, a save)."""
    waiting: deque[Callable[[], None]]
    """Actions typed while busy, run in order once the screen is free."""
    labels: Sequence[Label]
    labels_by_key: dict[str, Label]
    decide: Callable[[Label], None]
    move: Callable[..., None]
    undo: Callable[[], None]
    edit_note: Callable[[], None]

    def on_key(self, event: events.Key) -> None:
        """A label's key decides the claim on screen (after any Store call in flight)."""
        label = self.labels_by_key.get(event.character or "")
        if label is not None:
            event.stop()
            self.request(lambda: self.decide(label))

    def action_choose(self, number: int) -> None:
        """Digits 1-9 choose the labels in their configured order."""
        if number <= len(self.labels):
            label = self.labels[number - 1]
            self.request(lambda: self.decide(label))

    def action_move(self, step: int) -> None:
        self.request(lambda: self.move(step))

    def action_undo(self) -> None:
        self.request(self.undo)

    def action_note(self) -> None:
        self.request(self.edit_note)

    def request(self, action: Callable[[], None]) -> None:
        """Run a reviewer action now, or after the Store call in flight has returned."""
        if self.busy:
            self.waiting.append(action)
        else:
            action()

    def set_idle(self) -> None:
        """The screen is free: run the actions typed ahead until one makes it busy again."""
        self.busy = False
        while self.waiting and not self.busy:
            self.waiting.popleft()()

    def set_busy(self) -> None:
        """A Store call the reviewer must wait on has started."""
        self.busy = True

    def open_dialog(self, dialog, callback: Callable) -> None:
        """Open a dialog; keys typed ahead were meant for the claim, not the dialog, so they are dropped."""
        self.waiting.clear()
        self.app.push_screen(dialog, callback)

    def say(self, message: str, *, error: bool = False) -> None:
        """Show a one-line message in the screen's #message line (literal); errors are marked in words too."""
        line = self.query_one("#message", Static)
        if error and not message.startswith("✖"):
            message = f"✖ {message}"
        if not message and not line.display:
            return
        line.display = bool(message)
        line.set_class(error, "-error")
        update_if_changed(line, literal(message))

    def clear_message(self) -> None:
        """Remove the message line's text."""
        self.say("")
