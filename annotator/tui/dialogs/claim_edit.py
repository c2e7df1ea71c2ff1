"""The claim editor: fixes what the extractor got wrong (the claim's text, its speaker and its span in the article);
it sets no verdict."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Input, Label

from annotator.models import Claim, ClaimEdit
from annotator.tui.dialogs.correction import CorrectionEditor, EditorDialog, editor_hint
from annotator.tui.literal import visible

SPAN_HINT = "ctrl+↑/↓ moves the span's start a word, ctrl+shift+↑/↓ its end"
"""The span keys: Input and TextArea bind ctrl+left/right (and alt+arrows reach Textual as Escape first)."""


def _words(text: str) -> str:
    return " ".join(text.split())


def earlier_word_start(body: str, offset: int) -> int:
    """The start of the word before `offset` (0 when there is none)."""
    at = offset
    while at > 0 and body[at - 1].isspace():
        at -= 1
    while at > 0 and not body[at - 1].isspace():
        at -= 1
    return at


def later_word_start(body: str, offset: int) -> int:
    """The start of the word after the one at `offset` (the body's end when there is none)."""
    at = offset
    while at < len(body) and not body[at].isspace():
        at += 1
    while at < len(body) and body[at].isspace():
        at += 1
    return at


def later_word_end(body: str, offset: int) -> int:
    """The end of the next word from `offset` (the body's end when there is none)."""
    at = offset
    while at < len(body) and body[at].isspace():
        at += 1
    while at < len(body) and not body[at].isspace():
        at += 1
    return at


def earlier_word_end(body: str, offset: int) -> int:
    """The end of the word before the one ending at `offset` (0 when there is none)."""
    at = earlier_word_start(body, offset)
    while at > 0 and body[at - 1].isspace():
        at -= 1
    return at


def moved_span(body: str, start: int, end: int, edge: str, step: int) -> tuple[int, int]:
    """The span with its start or end moved a word earlier (-1) or later (+1); a span keeps at least one word."""
    if edge == "start":
        moved = earlier_word_start(body, start) if step < 0 else later_word_start(body, start)
        return (moved, end) if moved < end and body[moved:end].strip() else (start, end)
    moved = earlier_word_end(body, end) if step < 0 else later_word_end(body, end)
    return (start, moved) if moved > start and body[start:moved].strip() else (start, end)


@dataclass(frozen=True)
class ClaimEditResult:
    """What the reviewer asked for: this edit, or (None) the claim back as extracted."""

    edit: ClaimEdit | None


class ClaimEditDialog(EditorDialog[ClaimEditResult | None]):
    """Edits the claim's text, speaker and span as extracted; returns the edit, or None when cancelled.

    `body` is the article body the offsets index into: while the reviewer has not written the text by hand, the
    text follows the span as it moves."""

    BINDINGS = [
        Binding("ctrl+up", "move_span('start', -1)", "span start earlier", show=False),
        Binding("ctrl+down", "move_span('start', 1)", "span start later", show=False),
        Binding("ctrl+shift+up", "move_span('end', -1)", "span end earlier", show=False),
        Binding("ctrl+shift+down", "move_span('end', 1)", "span end later", show=False),
    ]

    def __init__(self, claim: Claim, current: ClaimEdit | None, body: str) -> None:
        super().__init__()
        self.claim = claim
        self.current = current
        self.body = body
        opening = current or claim
        self.span = (max(0, min(opening.start, len(body))), max(0, min(opening.end, len(body))))
        self.followed_text = _words(visible(opening.text))
        """The text the dialog last put in the editor; the editor holding anything else was written by hand."""
        self.follows_span = self.followed_text in (_words(visible(claim.text)), _words(visible(self.span_text())))
        """False when the opening text was written by hand (a saved edit whose text is not its span's)."""

    def span_text(self) -> str:
        start, end = self.span
        return self.body[start:end]

    def compose(self) -> ComposeResult:
        start = self.current or self.claim
        with Vertical(id="claim-edit-dialog", classes="dialog"):
            yield Label("Edit the claim as extracted (sets no verdict)", classes="dialog-title", markup=False)
            yield Label("Claim text", classes="field-label", markup=False)
            yield CorrectionEditor(visible(start.text), id="claim-edit-text", soft_wrap=True)
            yield Label("Speaker (empty: nobody named)", classes="field-label", markup=False)
            yield Input(start.speaker or "", id="claim-edit-speaker", placeholder="who made the claim")
            yield Label(self.span_title(), id="claim-edit-span-title", classes="field-label", markup=False)
            yield Label(visible(self.span_text()), id="claim-edit-span", markup=False)
            yield Label("", id="claim-edit-error", classes="dialog-error", markup=False)
            yield editor_hint(fields=True)
            yield from self.buttons()

    def span_title(self) -> str:
        start, end = self.span
        moved = "" if self.span == (self.claim.start, self.claim.end) else ", moved"
        return f"Span {start}–{end}{moved} (ctrl+↑/↓ start a word, ctrl+shift+↑/↓ end)"

    def action_move_span(self, edge: str, step: int) -> None:
        """Move the span's start or end by a word; the text follows unless the reviewer wrote it by hand."""
        moved = moved_span(self.body, *self.span, edge, step)
        if moved == self.span:
            self.query_one("#claim-edit-error", Label).update("The span cannot move further that way.")
            return
        editor = self.query_one(CorrectionEditor)
        follows = self.follows_span and _words(editor.text) == self.followed_text
        self.span = moved
        self.query_one("#claim-edit-span-title", Label).update(self.span_title())
        self.query_one("#claim-edit-span", Label).update(visible(self.span_text()))
        self.query_one("#claim-edit-error", Label).update("")
        if follows:
            extracted = self.span == (self.claim.start, self.claim.end)
            self.followed_text = _words(visible(self.claim.text if extracted else self.span_text()))
            editor.text = self.followed_text
            editor.move_cursor(editor.document.end)

    @on(CorrectionEditor.Submitted)
    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        """Return the edit, refusing an empty text and an edit that changes nothing."""
        text = _words(self.query_one(CorrectionEditor).text)
        speaker = _words(self.query_one("#claim-edit-speaker", Input).value) or None
        error = self.query_one("#claim-edit-error", Label)
        if not text:
            error.update("The claim text cannot be empty.")
            return
        start, end = self.span
        as_extracted = (text == _words(self.claim.text) and speaker == self.claim.speaker
                        and (start, end) == (self.claim.start, self.claim.end))
        if as_extracted:
            if self.current is None:
                error.update("Nothing changed: the claim reads as extracted. Escape leaves it as it is.")
                return
            self.dismiss(ClaimEditResult(None))
            return
        edit = ClaimEdit(text=text, speaker=speaker, start=start, end=end)
        if edit == self.current:
            error.update("Nothing changed: this is the edit already saved. Escape leaves it as it is.")
            return
        self.dismiss(ClaimEditResult(edit))
