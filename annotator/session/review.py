"""The adjudication session: a lead settles claims whose annotators disagree, through the same save and undo paths.

Annotations are never changed here; each decision is an adjudication, committed before the next claim is shown.
"""

from __future__ import annotations

from annotator.models import Adjudication
from annotator.session.core import Change, SessionBase, Step
from annotator.session.outcomes import ChangeSaved, StoreFailed
from annotator.session.review_jobs import ItemLoaded, LoadItem, LoadReview, ReviewItem, ReviewLoaded
from annotator.session.saves import AdjudicationBook, SaveChange

__all__ = ["AdjudicationSession", "ReviewItem"]


class AdjudicationSession(SessionBase[Adjudication]):
    """One lead going through the disputed claims in reading order."""

    def __init__(self, adjudicator: str, *, include_agreed: bool = False) -> None:
        super().__init__()
        self.adjudicator = adjudicator
        self.include_agreed = include_agreed
        self.book = AdjudicationBook()
        self.claim_ids: list[str] = []
        self.position = 0
        self.adjudicated: set[str] = set()
        self.items: dict[str, ReviewItem] = {}
        self.pending_notes: dict[str, str] = {}
        """Notes typed on claims not adjudicated yet, saved with the decision."""
        self.loaded = False
        self.prefetching = False
        self.every_claim_id: list[str] = []
        """The whole review queue; `claim_ids` is the part the filter shows."""
        self.flagged: frozenset[str] = frozenset()
        """Claims someone flagged for the lead, whoever flagged them."""
        self.flagged_only = False
        self.quit_warned = False
        """q was pressed once with notes not saved: the next q quits without them."""
        self.adjudicated_here = 0
        """Decisions this lead saved in this session (less those undone), for the summary on quit."""

    def start(self) -> Step:
        self.wait_on(LoadReview(self.include_agreed))
        return self.step()

    def current_item(self) -> ReviewItem | None:
        """The claim under the cursor, when it is loaded."""
        return self.items.get(self.claim_ids[self.position]) if self.claim_ids else None

    # Deciding

    def correction_start(self) -> str | None:
        item = self.current_item()
        return item.suggested_correction() if item is not None else None

    def decide(self, label_name: str, correction: str | None = None) -> Step:
        """Commit the lead's decision; a note from an earlier adjudication of the claim is kept."""
        item = self.current_item()
        if item is None:
            self.bell()
            return self.step()
        previous = item.adjudication
        note = previous.note if previous else self.pending_notes.get(item.claim.id)
        adjudication = Adjudication(claim_id=item.claim.id, adjudicator=self.adjudicator, label=label_name,
                                    correction=correction, note=note)
        self.save_change(Change(item.claim.id, adjudication, previous, "decision"))
        return self.step()

    def note_fields(self) -> tuple[str | None, tuple[str, ...]] | None:
        item = self.current_item()
        if item is None:
            return None
        saved = item.adjudication
        return (saved.note if saved else self.pending_notes.get(item.claim.id)), ()

    def set_note(self, note: str | None, evidence: tuple[str, ...] = ()) -> Step:
        """Write the note: saved at once when the claim has an adjudication, else kept for the decision."""
        item = self.current_item()
        if item is None:
            return self.step()
        claim_id, saved = item.claim.id, item.adjudication
        if saved is None:
            if note:
                self.pending_notes[claim_id] = note
            else:
                self.pending_notes.pop(claim_id, None)
            self.show()
        else:
            edited = saved.model_copy(update={"note": note})
            self.save_change(Change(claim_id, edited, saved, "edit"))
        return self.step()

    def saved_decision(self, claim_id: str) -> Adjudication | None:
        item = self.items.get(claim_id)
        return item.adjudication if item is not None else None

    def save_change(self, change: Change[Adjudication]) -> None:
        self.wait_on(SaveChange(self.book, change))

    # Moving

    def step_by(self, step: int, *, skipping: bool = False) -> Step:
        """Move the cursor without saving anything."""
        position = self.position + step
        if not self.claim_ids or not 0 <= position < len(self.claim_ids):
            self.say("Last claim to review." if step > 0 else "First claim to review.")
        else:
            self.say("Skipped: nothing saved." if skipping else "")
            self.go(position)
        return self.step()

    def skip(self) -> Step:
        return self.step_by(1, skipping=True)

    def leave(self) -> Step:
        """Quit; a note typed on a claim not adjudicated yet is never dropped without asking."""
        unsaved = len(self.pending_notes)
        if unsaved and not self.quit_warned:
            self.quit_warned = True
            self.say(f"✖ {unsaved} note{'s' if unsaved > 1 else ''} not saved: a note is kept with the claim's "
                     "adjudication. Give a verdict to save it, or press q again to quit without it.", error=True)
            return self.step()
        self.quit()
        return self.step()

    def show_flagged_only(self, flagged_only: bool) -> Step:
        """Show only the claims someone flagged for the lead (anyone's flag), or every claim to review again."""
        if not self.loaded:
            return self.step()
        current = self.claim_ids[self.position] if self.claim_ids else None
        wanted = [claim_id for claim_id in self.every_claim_id if claim_id in self.flagged] if flagged_only \
            else list(self.every_claim_id)
        if flagged_only and not wanted:
            self.say("Nobody has flagged a claim for the lead: the queue is unchanged.")
            return self.step()
        self.flagged_only, self.claim_ids = flagged_only, wanted
        count = len(wanted)
        self.say(f"{count} flagged claim{'s' if count != 1 else ''}, whoever flagged them. / changes the filter."
                 if flagged_only else f"Every claim to review ({count}).")
        self.go(wanted.index(current) if current in wanted else 0)
        return self.step()

    def summary(self) -> str:
        """One line saying what this review session did, printed after quitting."""
        count = self.adjudicated_here
        text = f"{self.adjudicator}: {count} adjudication{'s' if count != 1 else ''} this session"
        if self.pending_notes:
            text += f", {len(self.pending_notes)} note(s) left unsaved at your request"
        return text + f"; {len(self.adjudicated)} of {len(self.every_claim_id)} claims adjudicated."

    def go(self, position: int) -> None:
        """Put the cursor on a claim and show it, loading it first unless it was loaded ahead."""
        self.position = position
        claim_id = self.claim_ids[position]
        if claim_id in self.items:
            self.keep_items(claim_id)
            self.show()
            self._step.prefetch = True
        else:
            self.wait_on(LoadItem(claim_id))

    def open_after(self, position: int) -> int | None:
        """The first claim without an adjudication after `position`, wrapping round (None: every claim has one)."""
        count = len(self.claim_ids)
        for step in range(1, count + 1):
            index = (position + step) % count
            if self.claim_ids[index] not in self.adjudicated:
                return index
        return None

    def next_open_position(self) -> int:
        """The next claim without an adjudication after the cursor (wrapping round), else the cursor."""
        index = self.open_after(self.position)
        if index is None:
            self.say("Every claim here is adjudicated. j/k go through them; a label key changes one.")
            return self.position
        if index <= self.position:
            self.say("Back to the first claim without an adjudication.")
        return index

    def prefetch(self) -> Step:
        """Load the claim a decision moves to, while the lead reads this one, so deciding costs one wait."""
        if self.prefetching or self.keys.busy or not self.claim_ids:
            return self.step()
        following = {self.open_after(self.position), min(self.position + 1, len(self.claim_ids) - 1)}
        for index in sorted(i for i in following if i is not None):
            claim_id = self.claim_ids[index]
            if claim_id not in self.items:
                self.prefetching = True
                self.in_background(LoadItem(claim_id, waited=False))
                break
        return self.step()

    def likely_next_item(self) -> ReviewItem | None:
        """The claim a decision would move to, when it is loaded already."""
        index = self.open_after(self.position) if self.claim_ids else None
        return self.items.get(self.claim_ids[index]) if index is not None and index != self.position else None

    def keep_items(self, current: str) -> None:
        """Forget loaded claims except the current one, those undo refers to, and those loaded ahead."""
        keep = {current} | {entry.claim_id for entry in self.log.undo_stack}
        ahead = {self.claim_ids[i] for i in (self.open_after(self.position), self.position + 1)
                 if i is not None and i < len(self.claim_ids)}
        self.items = {claim_id: item for claim_id, item in self.items.items() if claim_id in keep | ahead}

    # Outcomes

    def apply(self, outcome: object) -> Step:
        if isinstance(outcome, (ItemLoaded, StoreFailed)) and not outcome.waited:
            self.prefetching = False
            if isinstance(outcome, ItemLoaded):
                self.items.setdefault(outcome.item.claim.id, outcome.item)
                self.prepare()
            return self.step()
        self.retrying = False
        self.idle()
        if isinstance(outcome, ReviewLoaded):
            self.review_loaded(outcome)
        elif isinstance(outcome, ItemLoaded):
            self.items[outcome.item.claim.id] = outcome.item
            self.keep_items(outcome.item.claim.id)
            self.show()
            self._step.prefetch = True
        elif isinstance(outcome, ChangeSaved):
            self.change_saved(outcome)
        elif isinstance(outcome, StoreFailed):
            self.keys.waiting.clear()
            self.say(f"✖ NOT SAVED — could not {outcome.doing}: {outcome.message}. Nothing changed.", error=True)
        return self.step()

    def review_loaded(self, loaded: ReviewLoaded) -> None:
        self.claim_ids, self.adjudicated, self.loaded = loaded.claim_ids, loaded.adjudicated, True
        self.every_claim_id, self.flagged = list(loaded.claim_ids), loaded.flagged
        if not self.claim_ids:
            self.show()
            return
        self.go(next((i for i, cid in enumerate(self.claim_ids) if cid not in self.adjudicated), 0))

    def change_saved(self, saved: ChangeSaved[Adjudication]) -> None:
        change = saved.change
        item = self.items.get(change.claim_id)
        if item is not None:
            item.adjudication = change.decision
        if change.decision is None:
            self.adjudicated.discard(change.claim_id)
        else:
            self.adjudicated.add(change.claim_id)
        self.log.record(change)
        self.quit_warned = False
        self.adjudicated_here += {"decision": 1, "undo": -1}.get(change.kind, 0)
        if change.kind == "undo":
            self.say(f"Undone: adjudication is back to {change.decision.label if change.decision else 'none'}.")
            self.go(self.claim_ids.index(change.claim_id) if change.claim_id in self.claim_ids else self.position)
        elif change.kind == "edit":
            self.say("Saved.")
            self.show()
        else:
            self.pending_notes.pop(change.claim_id, None)
            self.clear_message()
            self.go(self.next_open_position())
