"""The annotation session: one annotator's queue, cached claims, undo and pending notes, without any drawing.

Every public method returns a `Step` for the view. A decision is committed by a `SaveChange` job before the next
claim is shown; keys pressed meanwhile wait in the session's key queue.
"""

from __future__ import annotations

from time import monotonic

from annotator.models import Annotation
from annotator.session.core import Change, Step
from annotator.session.jobs import MoveQueue
from annotator.session.moves import PendingExtras, QueueSession
from annotator.session.outcomes import (
    ChangeSaved,
    ClaimReleased,
    ClaimReserved,
    ClaimTaken,
    PrefetchFailed,
    QueueLoaded,
    QueueMoved,
    StoreFailed,
    WindowLoaded,
)
from annotator.session.saves import SaveChange


class AnnotationSession(QueueSession):
    """One annotator deciding claims of a queue in some order (reading order by default)."""

    def start(self) -> Step:
        """Find where to resume and load the first claims."""
        self.wait_on(self.order.first_job(self))
        return self.step()

    # Deciding

    def correction_start(self) -> str | None:
        """What the correction editor starts with for the current claim (None: no claim to decide)."""
        claim = self.current_claim()
        if claim is None:
            return None
        existing = self.cache.annotations.get(claim.id)
        return existing.correction if existing and existing.correction else claim.text

    def decide(self, label_name: str, correction: str | None = None) -> Step:
        """Commit a label on the current claim, carrying over the note, evidence and flag (saved or pending)."""
        claim = self.current_claim()
        if claim is None:
            self.bell()
            return self.step()
        previous = self.cache.annotations.get(claim.id)
        extras = self.pending.get(claim.id) or PendingExtras()
        annotation = Annotation(
            claim_id=claim.id, annotator=self.annotator, label=label_name, correction=correction,
            note=previous.note if previous else extras.note,
            evidence=list(previous.evidence if previous else extras.evidence),
            flagged=previous.flagged if previous else extras.flagged,
            duration_ms=int((monotonic() - self.shown_at) * 1000),
        )
        change = Change(claim.id, annotation, previous, "decision")
        self.wait_on(SaveChange(self.book, change, self.order.follow_decision(self, claim.id)))
        return self.step()

    def note_fields(self) -> tuple[str | None, tuple[str, ...]] | None:
        """The note and evidence of the current claim, saved or pending (None: no claim)."""
        claim = self.current_claim()
        if claim is None:
            return None
        saved = self.cache.annotations.get(claim.id)
        if saved is not None:
            return saved.note, tuple(saved.evidence)
        extras = self.pending.get(claim.id) or PendingExtras()
        return extras.note, extras.evidence

    def set_note(self, note: str | None, evidence: tuple[str, ...]) -> Step:
        """Save the note on a labelled claim, or keep it for the decision."""
        claim = self.current_claim()
        if claim is None:
            return self.step()
        saved = self.cache.annotations.get(claim.id)
        if saved is not None:
            update = {"note": note, "evidence": list(evidence)}
            self.wait_on(SaveChange(self.book, Change(claim.id, saved.model_copy(update=update), saved, "edit")))
        else:
            extras = self.pending.setdefault(claim.id, PendingExtras())
            extras.note, extras.evidence = note, evidence
            self.show()
        return self.step()

    def toggle_flag(self) -> Step:
        """Flag or unflag the current claim: saved at once if labelled, else kept for the decision."""
        claim = self.current_claim()
        if claim is None:
            return self.step()
        saved = self.cache.annotations.get(claim.id)
        if saved is not None:
            flipped = saved.model_copy(update={"flagged": not saved.flagged})
            self.wait_on(SaveChange(self.book, Change(claim.id, flipped, saved, "edit")))
            return self.step()
        extras = self.pending.setdefault(claim.id, PendingExtras())
        extras.flagged = not extras.flagged
        self.show()
        return self.step()

    def undo(self) -> Step:
        """Take back the last saved change, restoring the claim's previous decision exactly (or no label)."""
        entry = self.log.pop()
        if entry is None:
            self.say("Nothing to undo.")
            return self.step()
        current = self.cache.annotations.get(entry.claim_id)
        self.wait_on(SaveChange(self.book, Change(entry.claim_id, entry.previous, current, "undo")))
        return self.step()

    def skip(self) -> Step:
        """Skip the claim (nothing saved); before the first load succeeded, load again."""
        if self.queue is None:
            self.say("Loading the claims again…")
            self.wait_on(self.order.first_job(self))
        else:
            self.order.skip(self)
        return self.step()

    def leave(self) -> Step:
        """Quit (with routing, after giving the held claim back)."""
        self.order.quit(self)
        return self.step()

    def renew(self) -> Step:
        """Keep the reserved claim from expiring while the annotator is still reading it."""
        job = self.order.renew(self)
        if job is not None:
            self.in_background(job)
        return self.step()

    def release_on_exit(self) -> str | None:
        """The held claim to give back after the app ended some other way than `q` (None: none)."""
        return self.order.release_on_exit(self)

    # Outcomes from workers

    def apply(self, outcome: object) -> Step:
        """Take in what a job brought back."""
        if isinstance(outcome, (PrefetchFailed, WindowLoaded)) and not getattr(outcome, "show", False):
            self.prefetching = False
            if isinstance(outcome, WindowLoaded):
                self.window_loaded(outcome)
            return self.step()
        if outcome is None:
            return self.step()
        self.retrying = False
        self.idle()
        if isinstance(outcome, QueueLoaded):
            self.queue_loaded(outcome)
        elif isinstance(outcome, WindowLoaded):
            self.window_loaded(outcome)
        elif isinstance(outcome, QueueMoved):
            self.queue_moved(outcome)
        elif isinstance(outcome, ChangeSaved):
            self.change_saved(outcome)
        elif isinstance(outcome, ClaimReserved):
            self.order.reserved(self, outcome)
        elif isinstance(outcome, ClaimTaken):
            self.order.taken(self, outcome)
        elif isinstance(outcome, ClaimReleased):
            self.quit()
        elif isinstance(outcome, StoreFailed):
            self.store_failed(outcome)
        return self.step()

    def queue_loaded(self, loaded: QueueLoaded) -> None:
        start = loaded.start
        self.queue, self.total, self.done = start.queue, start.total, start.done
        self.cache.merge(loaded.window)
        self.order.started(self, start.reserved)
        self.go(self.queue.position)

    def change_saved(self, saved: ChangeSaved[Annotation]) -> None:
        assert self.queue is not None
        change = saved.change
        self.log.record(change)
        self.cache.annotations[change.claim_id] = change.decision
        self.done += (change.decision is not None) - (change.previous is not None)
        if self.queue.index_of(change.claim_id) is not None:
            self.queue.keep_changed(change.claim_id)
        if change.kind == "decision":
            self.pending.pop(change.claim_id, None)
            self.clear_message()
            reserved = saved.reserved if isinstance(saved.reserved, ClaimReserved) else None
            self.order.after_decision(self, reserved)
        elif change.kind == "undo":
            label = change.decision.label if change.decision else "no label"
            self.say(f"Undone: claim is back to {label}.")
            if change.decision is None and self.order.undone_to_nothing(self, change.claim_id):
                return
            index = self.queue.index_of(change.claim_id)
            if index is None:
                self.wait_on(MoveQueue("undo", self.snapshot(), change.claim_id))
            else:
                self.go(index)
        else:
            self.say("Saved.")
            self.go(self.queue.position)

    def store_failed(self, failed: StoreFailed) -> None:
        if failed.doing.startswith(("save", "undo")):
            self.failed_save(failed.doing, failed.message)
        else:
            self.keys.waiting.clear()
            retry = " Press s to try again." if self.order.routing or self.queue is None else ""
            self.say(f"✖ Could not {failed.doing}: {failed.message}.{retry}", error=True)
        if self.queue is not None and self.current_claim() is not None:
            self.show()
