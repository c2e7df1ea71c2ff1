"""The note and evidence dialog: a free-text note and evidence items (URLs or source sentences)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

EVIDENCE_SEPARATOR = " | "


@dataclass(frozen=True)
class NoteResult:
    """What the reviewer wrote; an empty note is None."""

    note: str | None
    evidence: tuple[str, ...]


def split_evidence(value: str) -> tuple[str, ...]:
    """Evidence items typed on one line, separated by `|`."""
    return tuple(item.strip() for item in value.split("|") if item.strip())


class NoteDialog(ModalScreen[NoteResult | None]):
    """Edits the note and evidence of one claim; Enter saves, Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "cancel", show=False)]

    def __init__(self, note: str | None, evidence: tuple[str, ...], *, with_evidence: bool = True) -> None:
        super().__init__()
        self.note = note or ""
        self.evidence = evidence
        self.with_evidence = with_evidence
        """False for an adjudication, which records a note only."""

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog", classes="dialog"):
            yield Label("Note and evidence" if self.with_evidence else "Note", classes="dialog-title")
            yield Label("Note", classes="field-label")
            yield Input(self.note, id="note", placeholder="why you decided, what to check")
            if self.with_evidence:
                yield Label("Evidence: URLs or source sentences, separated by |", classes="field-label")
                yield Input(EVIDENCE_SEPARATOR.join(self.evidence), id="evidence",
                            placeholder="https://… | “…”")
            yield Label("Enter saves · Tab next field · Escape cancels", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        """Return the note and the evidence items."""
        note = self.query_one("#note", Input).value.strip() or None
        evidence = split_evidence(self.query_one("#evidence", Input).value) if self.with_evidence else ()
        self.dismiss(NoteResult(note, evidence))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
