"""The claim editor: fixes what the extractor got wrong (the claim's text and speaker); it sets no verdict."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Input, Label

from annotator.models import Claim, ClaimEdit
from annotator.tui.dialogs.correction import CorrectionEditor, EditorDialog, editor_hint
from annotator.tui.literal import visible


@dataclass(frozen=True)
class ClaimEditResult:
    """What the reviewer asked for: this edit, or (None) the claim back as extracted."""

    edit: ClaimEdit | None


class ClaimEditDialog(EditorDialog[ClaimEditResult | None]):
    """Edits the claim's text and speaker as extracted; returns the edit, or None when cancelled."""

    def __init__(self, claim: Claim, current: ClaimEdit | None) -> None:
        super().__init__()
        self.claim = claim
        self.current = current

    def compose(self) -> ComposeResult:
        start = self.current or self.claim
        with Vertical(id="claim-edit-dialog", classes="dialog"):
            yield Label("Edit the claim as extracted (sets no verdict)", classes="dialog-title", markup=False)
            yield Label("Claim text", classes="field-label", markup=False)
            yield CorrectionEditor(visible(start.text), id="claim-edit-text", soft_wrap=True)
            yield Label("Speaker (empty: nobody named)", classes="field-label", markup=False)
            yield Input(start.speaker or "", id="claim-edit-speaker", placeholder="who made the claim")
            yield Label("", id="claim-edit-error", classes="dialog-error", markup=False)
            yield editor_hint(fields=True)
            yield from self.buttons()

    @on(CorrectionEditor.Submitted)
    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        """Return the edit, refusing an empty text and an edit that changes nothing."""
        text = " ".join(self.query_one(CorrectionEditor).text.split())
        speaker = " ".join(self.query_one("#claim-edit-speaker", Input).value.split()) or None
        error = self.query_one("#claim-edit-error", Label)
        if not text:
            error.update("The claim text cannot be empty.")
            return
        as_extracted = text == " ".join(self.claim.text.split()) and speaker == self.claim.speaker
        if as_extracted:
            if self.current is None:
                error.update("Nothing changed: the claim reads as extracted. Escape leaves it as it is.")
                return
            self.dismiss(ClaimEditResult(None))
            return
        span = self.current or self.claim
        edit = ClaimEdit(text=text, speaker=speaker, start=span.start, end=span.end)
        if edit == self.current:
            error.update("Nothing changed: this is the edit already saved. Escape leaves it as it is.")
            return
        self.dismiss(ClaimEditResult(edit))
