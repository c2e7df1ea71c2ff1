"""Deciding on the claim under the cursor: labels, corrections, notes, flags and multi-level undo."""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic

from textual.app import App

from annotator.models import Annotation, Claim, Label
from annotator.tui.dialogs import CorrectionDialog, NoteDialog, NoteResult
from annotator.tui.messages import (
    ChangeSaved,
    ClaimReserved,
    StoreFailed,
    StoreRetrying,
)
from annotator.tui.retry import retry_notice
from annotator.tui.state import ClaimCache, ClaimQueue, UndoEntry
from annotator.tui.widgets.claim_card import PendingExtras


class DecisionActions:
    """Mixin for the annotation screen; uses its queue, cache, undo stack, workers and display methods."""

    app: App
    annotator: str
    queue: ClaimQueue | None
    cache: ClaimCache
    undo_stack: list[UndoEntry]
    pending: dict[str, PendingExtras]
    shown_at: float
    change_count: int
    changed_at: dict[str, int]
    waiting: object
    say: Callable[..., None]
    clear_message: Callable[[], None]
    show_current: Callable[[], None]
    go: Callable[[int], None]
    advance: Callable[[], None]
    set_busy: Callable[[], None]
    set_idle: Callable[[], None]
    open_dialog: Callable[..., None]
    save_change: Callable[..., None]
    find_claim: Callable[..., None]
    done_count: int
    routed: bool
    reserve_after: Callable[[str], set[str] | None]
    ready_reservation: ClaimReserved | None

    def current_claim(self) -> Claim | None:
        """The claim under the cursor, when it is loaded."""
        claim_id = self.queue.current if self.queue else None
        return self.cache.claims.get(claim_id) if claim_id and self.cache.ready(claim_id) else None

    def decide(self, label: Label) -> None:
        """Label the current claim (through the correction editor when the label needs one) and move on."""
        claim = self.current_claim()
        if claim is None:
            self.app.bell()
            return
        if not label.needs_correction:
            self.save_decision(claim.id, label.name, None)
            return
        existing = self.cache.annotations.get(claim.id)
        prefill = existing.correction if existing and existing.correction else claim.text

        def corrected(correction: str | None) -> None:
            if correction is None:
                self.say("Correction cancelled: nothing saved.")
            else:
                self.save_decision(claim.id, label.name, correction)

        self.open_dialog(CorrectionDialog(label.name, prefill), corrected)

    def save_decision(self, claim_id: str, label_name: str, correction: str | None) -> None:
        """Commit a decision, carrying over the note, evidence and flag (saved or pending)."""
        previous = self.cache.annotations.get(claim_id)
        extras = self.pending.get(claim_id) or PendingExtras()
        annotation = Annotation(
            claim_id=claim_id,
            annotator=self.annotator,
            label=label_name,
            correction=correction,
            note=previous.note if previous else extras.note,
            evidence=list(previous.evidence if previous else extras.evidence),
            flagged=previous.flagged if previous else extras.flagged,
            duration_ms=int((monotonic() - self.shown_at) * 1000),
        )
        self.set_busy()
        self.save_change(claim_id, annotation, previous, "decision", then_reserve=self.reserve_after(claim_id))

    def start_save(self, claim_id: str, annotation: Annotation | None, previous: Annotation | None, kind: str) -> None:
        """Hand a change to the save worker and wait for it."""
        self.set_busy()
        self.save_change(claim_id, annotation, previous, kind)

    def edit_note(self) -> None:
        """Open the note and evidence dialog for the current claim."""
        claim = self.current_claim()
        if claim is None:
            return
        saved = self.cache.annotations.get(claim.id)
        extras = self.pending.get(claim.id) or PendingExtras()
        note, evidence = (saved.note, tuple(saved.evidence)) if saved else (extras.note, extras.evidence)

        def noted(result: NoteResult | None) -> None:
            if result is None:
                return
            if saved is not None:
                update = {"note": result.note, "evidence": list(result.evidence)}
                self.start_save(claim.id, saved.model_copy(update=update), saved, "edit")
            else:
                extras.note, extras.evidence = result.note, result.evidence
                self.pending[claim.id] = extras
                self.show_current()

        self.open_dialog(NoteDialog(note, evidence), noted)

    def toggle_flag(self) -> None:
        """Flag or unflag the current claim: saved at once if labelled, else kept for the decision."""
        claim = self.current_claim()
        if claim is None:
            return
        saved = self.cache.annotations.get(claim.id)
        if saved is not None:
            self.start_save(claim.id, saved.model_copy(update={"flagged": not saved.flagged}), saved, "edit")
            return
        extras = self.pending.setdefault(claim.id, PendingExtras())
        extras.flagged = not extras.flagged
        self.show_current()

    def undo(self) -> None:
        """Take back the last saved change, restoring the claim's previous decision exactly (or no label)."""
        if not self.undo_stack:
            self.say("Nothing to undo.")
            return
        entry = self.undo_stack.pop()
        current = self.cache.annotations.get(entry.claim_id)
        self.start_save(entry.claim_id, entry.previous, current, "undo")

    def on_change_saved(self, message: ChangeSaved) -> None:
        assert self.queue is not None
        claim_id = message.claim_id
        self.change_count += 1
        self.changed_at[claim_id] = self.change_count
        self.cache.annotations[claim_id] = message.saved
        self.done_count += (message.saved is not None) - (message.previous is not None)
        if self.queue.index_of(claim_id) is not None:
            self.queue.keep_changed(claim_id)
        if message.kind != "undo":
            self.undo_stack.append(UndoEntry(claim_id, message.previous))
        if message.kind == "decision":
            self.pending.pop(claim_id, None)
            self.clear_message()
            self.ready_reservation = message.reserved
            self.advance()
        elif message.kind == "undo":
            self.say(f"Undone: claim is back to {message.saved.label if message.saved else 'no label'}.")
            if self.routed and message.saved is None and claim_id != self.queue.spec.held:
                self.queue.remove(claim_id)
                self.say("Undone: the claim is back to no label and back in the shared queue for anyone.")
                self.go(self.queue.position)
                return
            index = self.queue.index_of(claim_id)
            if index is None:
                self.find_claim("undo", self.queue, claim_id)
            else:
                self.go(index)
        else:
            self.say("Saved.")
            self.go(self.queue.position)

    def on_store_retrying(self, message: StoreRetrying) -> None:
        self.say(retry_notice(message.attempt, message.attempts, message.message), error=True)

    def on_store_failed(self, message: StoreFailed) -> None:
        self.waiting.clear()
        if message.doing.startswith(("save", "undo")):
            self.say(f"✖ NOT SAVED — could not {message.doing}: {message.message}. "
                     "The claim is unchanged; press the key again to retry.", error=True)
        else:
            retry = " Press s to try again." if self.routed or self.queue is None else ""
            self.say(f"✖ Could not {message.doing}: {message.message}.{retry}", error=True)
        if self.queue is not None and self.current_claim() is not None:
            self.show_current()
        self.set_idle()
