"""The review screen: a lead settles claims whose annotators disagree, one at a time, with the same label keys.

Annotations are never changed here; each decision is an adjudication, committed before the screen moves on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from annotator.models import Adjudication, Label
from annotator.store import Store
from annotator.tui.dialogs import CorrectionDialog, NoteDialog, NoteResult
from annotator.tui.keys import MAX_DIGIT_LABELS, REVIEW_COMMANDS
from annotator.tui.messages import StoreRetrying
from annotator.tui.retry import retry_notice
from annotator.tui.screens.agreement import AgreementScreen
from annotator.tui.screens.article import ArticleScreen
from annotator.tui.screens.help import HelpScreen
from annotator.tui.screens.review_workers import (
    AdjudicationSaved,
    ItemLoaded,
    ReviewFailed,
    ReviewItem,
    ReviewLoaded,
    ReviewWorkers,
)
from annotator.tui.screens.serial import SerialActions
from annotator.tui.widgets import ClaimCard, ContextView, KeyLegend, LinksPanel, StatusLine
from annotator.tui.widgets.key_legend import render_legend
from annotator.tui.widgets.quiet import update_if_changed
from annotator.tui.widgets.review_panels import (
    AnnotationsPanel,
    render_adjudicated_claim,
    render_review_status,
)


@dataclass
class AdjudicationUndo:
    """An adjudication that undo can take back: the claim and its adjudication before (None: there was none)."""

    claim_id: str
    previous: Adjudication | None


def _bindings() -> list[Binding]:
    bindings = [Binding(",".join(command.keys), command.action, show=False) for command in REVIEW_COMMANDS]
    bindings += [Binding(str(n), f"choose({n})", show=False) for n in range(1, MAX_DIGIT_LABELS + 1)]
    return bindings


class ReviewScreen(SerialActions, ReviewWorkers, Screen[None]):
    """Shows one disputed claim in context with every annotator's decision, and records the lead's decision."""

    BINDINGS = _bindings()
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]

    def __init__(self, store: Store, adjudicator: str, labels: Sequence[Label], guidelines: str, *,
                 include_agreed: bool = False) -> None:
        super().__init__()
        self.store = store
        self.adjudicator = adjudicator
        self.labels = list(labels)
        self.labels_by_key = {label.key: label for label in self.labels}
        self.guidelines = guidelines
        self.include_agreed = include_agreed
        self.claim_ids: list[str] = []
        self.position = 0
        self.adjudicated: set[str] = set()
        self.items: dict[str, ReviewItem] = {}
        self.undo_stack: list[AdjudicationUndo] = []
        self.pending_notes: dict[str, str] = {}
        """Notes typed on claims not adjudicated yet, saved with the decision."""
        self.busy = True
        self.waiting: deque[Callable[[], None]] = deque()
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield StatusLine("", id="status", markup=False)
        with Horizontal(id="panels"):
            with Vertical(id="main-column"):
                yield ClaimCard("loading…", id="claim", markup=False)
                yield ContextView(id="context")
            with Vertical(id="side-column"):
                yield AnnotationsPanel(id="annotations")
                yield LinksPanel(id="links")
        yield Static("", id="message", markup=False)
        yield KeyLegend(render_legend(self.labels, REVIEW_COMMANDS), id="legend", markup=False)

    def on_mount(self) -> None:
        self.query_one("#claim").border_title = "Claim under review"
        self.query_one("#context").border_title = "In the article"
        self.query_one("#message").display = False
        self.query_one(LinksPanel).display = False
        self.load_review()

    # Keys

    def action_skip(self) -> None:
        self.request(lambda: self.move(1, skipping=True))

    def action_article(self) -> None:
        item = self.current_item()
        if item is not None:
            self.app.push_screen(ArticleScreen(item.article, item.claim))

    def action_agreement(self) -> None:
        self.app.push_screen(AgreementScreen(self.store, self.labels))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.labels, self.guidelines, REVIEW_COMMANDS))

    def action_quit(self) -> None:
        self.request(self.app.exit)

    # Deciding

    def current_item(self) -> ReviewItem | None:
        """The claim under the cursor, when it is loaded."""
        if not self.claim_ids:
            return None
        return self.items.get(self.claim_ids[self.position])

    def decide(self, label: Label) -> None:
        """Adjudicate the current claim (through the correction editor when the label needs one)."""
        item = self.current_item()
        if item is None:
            self.app.bell()
            return
        if not label.needs_correction:
            self.save(item, label.name, None)
            return

        def corrected(correction: str | None) -> None:
            if correction is None:
                self.say("Correction cancelled: nothing saved.")
            else:
                self.save(item, label.name, correction)

        self.open_dialog(CorrectionDialog(label.name, item.suggested_correction()), corrected)

    def save(self, item: ReviewItem, label_name: str, correction: str | None) -> None:
        """Commit the lead's decision; a note from an earlier adjudication of the claim is kept."""
        previous = item.adjudication
        note = previous.note if previous else self.pending_notes.get(item.claim.id)
        adjudication = Adjudication(claim_id=item.claim.id, adjudicator=self.adjudicator, label=label_name,
                                    correction=correction, note=note)
        self.set_busy()
        self.save_adjudication(item.claim.id, adjudication, previous, "decision")

    def edit_note(self) -> None:
        """Write the note of the adjudication: saved at once when the claim has one, else with the decision."""
        item = self.current_item()
        if item is None:
            return
        claim_id, saved = item.claim.id, item.adjudication

        def noted(result: NoteResult | None) -> None:
            if result is None:
                return
            if saved is None:
                if result.note:
                    self.pending_notes[claim_id] = result.note
                else:
                    self.pending_notes.pop(claim_id, None)
                self.show_current()
                return
            self.set_busy()
            self.save_adjudication(claim_id, saved.model_copy(update={"note": result.note}), saved, "edit")

        note = saved.note if saved else self.pending_notes.get(claim_id)
        self.open_dialog(NoteDialog(note, (), with_evidence=False), noted)

    def undo(self) -> None:
        """Put back the adjudication the last decision replaced."""
        if not self.undo_stack:
            self.say("Nothing to undo.")
            return
        entry = self.undo_stack.pop()
        current = self.items[entry.claim_id].adjudication if entry.claim_id in self.items else None
        self.set_busy()
        self.save_adjudication(entry.claim_id, entry.previous, current, "undo")

    def on_adjudication_saved(self, message: AdjudicationSaved) -> None:
        item = self.items.get(message.claim_id)
        if item is not None:
            item.adjudication = message.saved
        if message.saved is None:
            self.adjudicated.discard(message.claim_id)
        else:
            self.adjudicated.add(message.claim_id)
        if message.kind == "undo":
            self.say(f"Undone: adjudication is back to {message.saved.label if message.saved else 'none'}.")
            self.go(self.claim_ids.index(message.claim_id) if message.claim_id in self.claim_ids else self.position)
            return
        self.undo_stack.append(AdjudicationUndo(message.claim_id, message.previous))
        if message.kind == "edit":
            self.say("Saved.")
            self.show_current()
            self.set_idle()
            return
        self.pending_notes.pop(message.claim_id, None)
        self.clear_message()
        self.go(self.next_open_position())

    def next_open_position(self) -> int:
        """The next claim without an adjudication after the cursor (wrapping round), else the cursor."""
        count = len(self.claim_ids)
        for step in range(1, count + 1):
            index = (self.position + step) % count
            if self.claim_ids[index] not in self.adjudicated:
                if index <= self.position:
                    self.say("Back to the first claim without an adjudication.")
                return index
        self.say("Every claim here is adjudicated. j/k go through them; a label key changes one.")
        return self.position

    def on_store_retrying(self, message: StoreRetrying) -> None:
        self.say(retry_notice(message.attempt, message.attempts, message.message), error=True)

    def on_review_failed(self, message: ReviewFailed) -> None:
        self.waiting.clear()
        self.say(f"✖ NOT SAVED — could not {message.doing}: {message.message}. Nothing changed.", error=True)
        self.set_idle()

    # Moving

    def on_review_loaded(self, message: ReviewLoaded) -> None:
        self.claim_ids = message.claim_ids
        self.adjudicated = message.adjudicated
        self.loaded = True
        if not self.claim_ids:
            what = "claims with two or more annotators" if self.include_agreed else "disagreements"
            self.query_one(ClaimCard).show_text(Text(f"No {what} to review yet."))
            self.query_one("#context").display = False
            self.query_one("#side-column").display = False
            self.refresh_status()
            self.set_idle()
            return
        first_open = next((i for i, cid in enumerate(self.claim_ids) if cid not in self.adjudicated), 0)
        self.go(first_open)

    def move(self, step: int, *, skipping: bool = False) -> None:
        """Move the cursor without saving anything."""
        position = self.position + step
        if not self.claim_ids or not 0 <= position < len(self.claim_ids):
            self.say("Last claim to review." if step > 0 else "First claim to review.")
            return
        self.say("Skipped: nothing saved." if skipping else "")
        self.go(position)

    def go(self, position: int) -> None:
        """Put the cursor on a claim and show it, loading it first."""
        self.position = position
        self.set_busy()
        self.load_review_item(self.claim_ids[position])

    def on_item_loaded(self, message: ItemLoaded) -> None:
        self.items = {message.item.claim.id: message.item} | {
            claim_id: item for claim_id, item in self.items.items() if claim_id in self.undo_claims()
        }
        self.show_current()
        self.set_idle()

    def undo_claims(self) -> set[str]:
        """Claims the undo stack refers to (kept loaded so undo knows their adjudication)."""
        return {entry.claim_id for entry in self.undo_stack}

    # Display

    def show_current(self) -> None:
        """Show the claim under the cursor with the adjudication, every annotation and the progress."""
        item = self.current_item()
        if item is not None:
            card = render_adjudicated_claim(item.claim, item.adjudication, self.pending_notes.get(item.claim.id))
            self.query_one(ClaimCard).show_text(card, decided=item.adjudication is not None)
            self.query_one(ContextView).show_context(item.claim, item.article)
            self.query_one(AnnotationsPanel).show_annotations(item.annotations)
            self.query_one(LinksPanel).show_links(item.claim, item.outlets, item.related)
        self.refresh_status()

    def refresh_status(self) -> None:
        """Update the progress line."""
        position = self.position if self.claim_ids else None
        status = render_review_status(self.adjudicator, len(self.adjudicated), len(self.claim_ids), position,
                                      self.include_agreed)
        update_if_changed(self.query_one(StatusLine), status, layout=False)
