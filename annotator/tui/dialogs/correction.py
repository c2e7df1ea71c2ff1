"""The correction editor: the claim text, editable; Enter saves, Escape cancels."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Label, TextArea

from annotator.tui.literal import visible


class CorrectionEditor(TextArea):
    """A TextArea where Enter submits instead of starting a new line (a correction is one statement) and ctrl+a
    selects everything, as in most editors."""

    BINDINGS = [Binding("ctrl+a", "select_all", "select all", show=False)]

    @dataclass
    class Submitted(Message):
        """The reviewer pressed Enter."""

        editor: "CorrectionEditor"

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted(self))
            return
        await super()._on_key(event)


Result = TypeVar("Result")


def editor_hint(fields: bool = False) -> Label:
    """The keys of an editor dialog, the same words in each."""
    tab = "Tab next field · " if fields else ""
    return Label(f"Enter saves · {tab}ctrl+a selects all · Escape cancels (nothing is saved)", classes="dialog-hint",
                 markup=False)


class EditorDialog(ModalScreen[Result]):
    """A dialog around a `CorrectionEditor`: it opens with the cursor at the end of the text, Save and Cancel
    buttons, Escape cancels (None)."""

    BINDINGS = [Binding("escape", "cancel", "cancel", show=False)]

    def buttons(self) -> ComposeResult:
        with Horizontal(classes="dialog-buttons"):
            yield Button("Save", id="save", variant="primary")
            yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        editor = self.query_one(CorrectionEditor)
        editor.focus()
        editor.move_cursor(editor.document.end)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)


class CorrectionDialog(EditorDialog[str | None]):
    """Asks what is right; returns the corrected text, or None when cancelled."""

    def __init__(self, label_name: str, claim_text: str, *, unchanged: str | None = None) -> None:
        super().__init__()
        self.label_name = label_name
        self.claim_text = claim_text
        self.unchanged = unchanged
        """The claim as it stands: a correction equal to it changes nothing and is refused."""

    def compose(self) -> ComposeResult:
        with Vertical(id="correction-dialog", classes="dialog"):
            yield Label(f"{self.label_name}: write what is right", classes="dialog-title", markup=False)
            yield CorrectionEditor(visible(self.claim_text), id="correction-text", soft_wrap=True)
            yield Label("", id="correction-error", classes="dialog-error", markup=False)
            yield editor_hint()
            yield from self.buttons()

    @on(CorrectionEditor.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        """Return the correction, refusing an empty one."""
        correction = " ".join(self.query_one(CorrectionEditor).text.split())
        if not correction:
            self.query_one("#correction-error", Label).update("The correction cannot be empty.")
            return
        if self.unchanged is not None and correction == " ".join(self.unchanged.split()):
            self.query_one("#correction-error", Label).update(
                "The correction is unchanged: write what is right, or Escape to leave it.")
            return
        self.dismiss(correction)
