"""The review screen: a lead settles claims whose annotators disagree, one at a time, with the same label keys.

A thin view over an `AdjudicationSession`; annotations are never changed here.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget

from annotator.models import Label
from annotator.session import AdjudicationSession, Step
from annotator.store import Store
from annotator.tui.dialogs import ReviewFilterDialog
from annotator.tui.keys import MAX_DIGIT_LABELS, REVIEW_COMMANDS
from annotator.tui.screens.agreement import AgreementScreen
from annotator.tui.screens.help import HelpScreen
from annotator.tui.screens.session_screen import SessionScreen
from annotator.tui.widgets import ClaimCard, ContextView, KeyLegend, LinksPanel, StatusLine
from annotator.tui.widgets.kept_lines import KeptContainer, KeptStatic
from annotator.tui.widgets.key_legend import render_legend
from annotator.tui.widgets.review_panels import (
    AnnotationsPanel,
    render_adjudicated_claim,
    render_review_status,
)


def _bindings() -> list[Binding]:
    bindings = [Binding(keys, action, show=False) for command in REVIEW_COMMANDS for keys, action in command.bindings()]
    bindings += [Binding(str(n), f"choose({n})", show=False) for n in range(1, MAX_DIGIT_LABELS + 1)]
    return bindings


class ReviewScreen(SessionScreen):
    """Shows one disputed claim in context with every annotator's decision, and records the lead's decision."""

    BINDINGS = _bindings()
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    WITH_EVIDENCE = False

    def __init__(self, store: Store, session: AdjudicationSession, labels: Sequence[Label], guidelines: str) -> None:
        super().__init__(store, session, labels)
        self.session: AdjudicationSession = session
        self.guidelines = guidelines

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        with KeptContainer(id="panels"):
            with KeptContainer(id="main-column"):
                yield ClaimCard("loading…", id="claim")
                yield ContextView(id="context")
            with KeptContainer(id="side-column"):
                yield AnnotationsPanel(id="annotations")
                yield LinksPanel(id="links")
        yield KeptStatic("", id="message", markup=False)
        yield KeyLegend(render_legend(self.labels, REVIEW_COMMANDS), id="legend", markup=False)

    def on_mount(self) -> None:
        self.query_one("#claim").border_title = "Claim under review"
        self.query_one("#context").border_title = "In the article"
        self.query_one("#message").display = False
        self.query_one(LinksPanel).display = False
        self.perform(self.session.start())

    # Keys

    def article_on_screen(self):
        item = self.session.current_item()
        return (item.article, item.claim) if item is not None else None

    def action_search(self) -> None:
        self.request(self.open_filter)

    def open_filter(self) -> Step:
        """Ask whether to see only the flagged claims (anyone's flags)."""
        session = self.session
        if session.loaded:

            def chosen(flagged_only: bool | None) -> None:
                if flagged_only is not None:
                    self.perform(session.show_flagged_only(flagged_only))

            count = sum(claim_id in session.flagged for claim_id in session.every_claim_id)
            self.open_dialog(ReviewFilterDialog(session.flagged_only, count), chosen)
        return Step()

    def action_agreement(self) -> None:
        self.app.push_screen(AgreementScreen(self.store, self.labels))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.labels, self.guidelines, REVIEW_COMMANDS))

    # Drawing

    def show_current(self) -> None:
        """Show the claim under the cursor with the adjudication, every annotation and the progress."""
        session = self.session
        if session.loaded and not session.claim_ids:
            what = "claims with two or more annotators" if session.include_agreed else "disagreements"
            card = self.panel(ClaimCard)
            card.decided, card.card = False, Text(f"No {what} to review yet.")
            self.panel(Widget, "#context").display = False
            self.panel(Widget, "#side-column").display = False
        item = session.current_item()
        if item is not None:
            note = session.pending_notes.get(item.claim.id)
            claim_card = self.panel(ClaimCard)
            claim_card.decided = item.adjudication is not None
            if not claim_card.show_prepared((item.claim, item.adjudication, note)):
                claim_card.card = render_adjudicated_claim(item.claim, item.adjudication, note)
            context = self.panel(ContextView)
            context.passage = context.passage_of(item.claim, item.article)
            self.panel(AnnotationsPanel).annotations = tuple(item.annotations)
            self.panel(LinksPanel).sources = item.sources
        self.refresh_status()

    def prepare_next(self) -> None:
        item = self.session.likely_next_item()
        if item is not None:
            note = self.session.pending_notes.get(item.claim.id)
            card = render_adjudicated_claim(item.claim, item.adjudication, note)
            self.panel(ClaimCard).prepare(card, key=(item.claim, item.adjudication, note))
            context = self.panel(ContextView)
            context.prepare(context.passage_of(item.claim, item.article))

    def refresh_status(self) -> None:
        """Update the progress line."""
        session = self.session
        position = session.position if session.claim_ids else None
        status = render_review_status(session.adjudicator, len(session.adjudicated), len(session.claim_ids),
                                      position, session.include_agreed)
        if session.flagged_only:
            status.append("  ·  filter: flagged for the lead", style="bold")
        self.panel(StatusLine).text = status
