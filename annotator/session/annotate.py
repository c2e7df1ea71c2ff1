"""The annotation session: one annotator's queue, cached claims, undo and pending notes, without any drawing.

Every public method returns a `Step` for the view. A decision is committed by a `SaveChange` job before the next
claim is shown; keys pressed meanwhile wait in the session's key queue.
"""

from __future__ import annotations

from time import monotonic

from annotator.models import Annotation, Claim, ClaimEdit, utc_now
from annotator.session.core import Change, Step
from annotator.session.feedback import HistoryEntry, SessionTally, confirmation
from annotator.session.jobs import MoveQueue
from annotator.session.moves import PendingExtras, QueueSession
from annotator.session.outcomes import (
    CandidateFound,
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
from annotator.session.saves import Follow, SaveChange


def has_verdict(annotation: Annotation | None) -> bool:
    """True when the annotation decides the claim (an edit, note or flag alone does not)."""
    return annotation is not None and annotation.label is not None


class AnnotationSession(QueueSession):
    """One annotator deciding claims of a queue in some order (reading order by default)."""

    tally: SessionTally
    history_cursor = -1
    """Which entry of the history strip `b` went back to, from the newest (0); -1: none since the last decision."""

    def start(self) -> Step:
        """Find where to resume and load the first claims."""
        self.tally = SessionTally()
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
        """Commit a verdict on the current claim, keeping its edit, note, evidence and flag."""
        claim = self.current_claim()
        if claim is None:
            self.bell()
            return self.step()
        previous = self.cache.annotations.get(claim.id)
        annotation = Annotation(
            claim_id=claim.id, annotator=self.annotator, label=label_name, correction=correction,
            edit=previous.edit if previous else None,
            note=previous.note if previous else None,
            evidence=list(previous.evidence) if previous else [],
            flagged=previous.flagged if previous else False,
            duration_ms=int((monotonic() - self.shown_at) * 1000),
        )
        change = Change(claim.id, annotation, previous, "decision", label_name)
        self.save_change(change, self.order.follow_decision(self, claim.id))
        return self.step()

    def note_fields(self) -> tuple[str | None, tuple[str, ...]] | None:
        """The note and evidence of the current claim (None: no claim)."""
        claim = self.current_claim()
        if claim is None:
            return None
        saved = self.cache.annotations.get(claim.id)
        return (saved.note, tuple(saved.evidence)) if saved is not None else (None, ())

    def set_note(self, note: str | None, evidence: tuple[str, ...]) -> Step:
        """Save the note and evidence at once, with or without a verdict."""
        return self.change_extras({"note": note, "evidence": list(evidence)}, "note")

    def toggle_flag(self) -> Step:
        """Flag the current claim for the lead, or take the flag back; saved at once, with or without a verdict."""
        claim = self.current_claim()
        if claim is None:
            return self.step()
        saved = self.cache.annotations.get(claim.id)
        return self.change_extras({"flagged": not (saved is not None and saved.flagged)}, "flag")

    def edit_start(self) -> tuple[Claim, ClaimEdit | None] | None:
        """The current claim and the edit of its extraction saved so far (None: no claim to edit)."""
        claim = self.current_claim()
        if claim is None:
            return None
        saved = self.cache.annotations.get(claim.id)
        return claim, saved.edit if saved is not None else None

    def edit_claim(self, edit: ClaimEdit | None) -> Step:
        """Save how the claim should read (None: as extracted again); the verdict, if any, stays as it is."""
        return self.change_extras({"edit": edit}, "claim edit")

    def change_extras(self, update: dict, what: str) -> Step:
        """Save a change to what the annotation carries besides its verdict; an annotation left with nothing is
        removed."""
        claim = self.current_claim()
        if claim is None:
            return self.step()
        saved = self.cache.annotations.get(claim.id)
        if saved is not None:
            changed: Annotation | None = saved.model_copy(update=update)
        else:
            changed = Annotation.model_construct(
                claim_id=claim.id, annotator=self.annotator, label=None, correction=None, edit=None, note=None,
                evidence=[], flagged=False, created_at=utc_now(), updated_at=utc_now(), duration_ms=None,
            ).model_copy(update=update)
        if changed is not None and changed.label is None and not changed.has_extras:
            changed = None
        if changed is None and saved is None:
            self.say("Nothing to save.")
            return self.step()
        self.save_change(Change(claim.id, changed, saved, "edit", what))
        return self.step()

    def saved_decision(self, claim_id: str) -> Annotation | None:
        return self.cache.annotations.get(claim_id)

    def save_change(self, change: Change[Annotation], follow: Follow | None = None) -> None:
        self.wait_on(SaveChange(self.book, change, follow))

    def history_after(self, label: str) -> list[HistoryEntry] | None:
        """The history strip's entries once the claim on screen gets the verdict `label` (None: no claim)."""
        claim = self.current_claim()
        return self.tally.recent_after(claim.id, label, claim.text) if claim is not None else None

    def back_in_history(self) -> Step:
        """Go back to a decision of the history strip: the newest first, each press one further back, round again."""
        recent = self.tally.recent if self.queue is not None else []
        if not recent:
            self.say("No decision yet in this session: the history strip is empty.")
            return self.step()
        self.history_cursor = (self.history_cursor + 1) % len(recent)
        entry = recent[-1 - self.history_cursor]
        index = self.queue.index_of(entry.claim_id)
        if index is None:
            self.wait_on(MoveQueue("goto", self.snapshot(), entry.claim_id))
        else:
            self.say(f"Decision {self.history_cursor + 1} of {len(recent)}: {entry.label} (b: one further back).")
            self.go(index)
        return self.step()

    def pace(self) -> str | None:
        """This session's claims per hour and the time left at that pace (None: too early to say)."""
        tally = getattr(self, "tally", None)
        return tally.pace(self.total - self.done) if tally is not None else None

    def summary(self) -> str:
        """One line saying what this session did, printed after quitting."""
        tally = getattr(self, "tally", None) or SessionTally()
        return tally.summary(self.annotator, self.done, self.total)

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
                self.prepare()
            return self.step()
        if isinstance(outcome, CandidateFound):
            self.order.found(self, outcome)
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
        claim = self.cache.claims.get(change.claim_id)
        self.tally.count(change, claim.text if claim is not None else "")
        self.cache.annotations[change.claim_id] = change.decision
        self.done += has_verdict(change.decision) - has_verdict(change.previous)
        if self.queue.index_of(change.claim_id) is not None:
            self.queue.keep_changed(change.claim_id)
        if change.kind == "decision":
            self.history_cursor = -1
            self.pending.pop(change.claim_id, None)
            self.say(confirmation(change))
            reserved = saved.reserved if isinstance(saved.reserved, ClaimReserved) else None
            self.order.after_decision(self, reserved)
        elif change.kind in ("undo", "redo"):
            self.say(confirmation(change))
            if change.decision is None and self.order.undone_to_nothing(self, change.claim_id):
                return
            index = self.queue.index_of(change.claim_id)
            if index is None:
                self.wait_on(MoveQueue("undo", self.snapshot(), change.claim_id))
            else:
                self.go(index)
        else:
            self.say(confirmation(change))
            self.go(self.queue.position)

    def store_failed(self, failed: StoreFailed) -> None:
        if failed.doing.startswith(("save", "undo", "redo")):
            self.failed_save(failed.doing, failed.message)
        else:
            self.keys.waiting.clear()
            retry = " Press s to try again." if self.order.routing or self.queue is None else ""
            self.say(f"✖ Could not {failed.doing}: {failed.message}.{retry}", error=True)
        if self.queue is not None and self.current_claim() is not None:
            self.show()
