"""The annotation screen: one claim at a time, one keystroke decides, every decision committed before moving on.

A thin view over an `AnnotationSession`: keys become session calls, the session's steps say what to draw.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding

from annotator.extract.cw_explain import explain_score
from annotator.learn.retrain import Retrainer, RetrainOutcome, retrain_now
from annotator.models import Claim, Label
from annotator.session import AnnotationSession, Notice, Step
from annotator.session.moves import ORDER_WORDS
from annotator.session.outcomes import ChangeSaved
from annotator.store import Store
from annotator.tui.dialogs import ClaimEditDialog, ClaimEditResult, GotoDialog, SearchChoice, SearchDialog
from annotator.tui.keys import COMMANDS, MAX_DIGIT_LABELS
from annotator.tui.messages import RetrainDone
from annotator.tui.screens.agreement import AgreementScreen
from annotator.tui.screens.help import HelpScreen
from annotator.tui.screens.session_screen import SessionScreen
from annotator.tui.widgets import ClaimCard, ContextView, KeyLegend, LinksPanel, StatusLine
from annotator.tui.widgets.claim_card import render_claim
from annotator.tui.widgets.history_strip import HistoryStrip
from annotator.tui.widgets.kept_lines import KeptContainer, KeptStatic
from annotator.tui.widgets.key_legend import render_legend
from annotator.tui.widgets.status_line import render_status


def _bindings() -> list[Binding]:
    bindings = [Binding(keys, action, show=False) for command in COMMANDS for keys, action in command.bindings()]
    bindings += [Binding(str(n), f"choose({n})", show=False) for n in range(1, MAX_DIGIT_LABELS + 1)]
    return bindings


class AnnotateScreen(SessionScreen):
    """Shows the claim under the cursor with its context, links and progress, and takes decisions on it."""

    BINDINGS = _bindings()
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]

    def __init__(self, store: Store, session: AnnotationSession, labels: Sequence[Label], guidelines: str, *,
                 retrainer: Retrainer | None = None) -> None:
        super().__init__(store, session, labels)
        self.session: AnnotationSession = session
        self.guidelines = guidelines
        self.retrainer = retrainer
        self.model_status = ""
        """What the status line says about the check-worthiness model while retraining is on."""

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        with KeptContainer(id="panels"):
            with KeptContainer(id="main-column"):
                yield ClaimCard("loading…", id="claim")
                yield ContextView(id="context")
            yield LinksPanel(id="links")
        yield HistoryStrip(id="history")
        yield KeptStatic("", id="message", markup=False)
        yield KeyLegend(render_legend(self.labels), id="legend", markup=False)

    def on_mount(self) -> None:
        self.query_one("#claim").border_title = "Claim"
        self.query_one("#context").border_title = "In the article"
        self.query_one("#links").border_title = "Other sources"
        self.query_one(LinksPanel).display = False
        self.query_one("#message").display = False
        self.query_one(HistoryStrip).display = False
        routing = self.session.order.routing
        if routing is not None:
            self.set_interval(max(0.2, routing.lease_seconds / 3), lambda: self.perform(self.session.renew()))
        self.perform(self.session.start())

    # Keys

    def action_flag(self) -> None:
        self.request(self.session.toggle_flag)

    def action_redo(self) -> None:
        self.request(self.session.redo)

    def action_history(self) -> None:
        self.request(self.session.back_in_history)

    def action_edit_claim(self) -> None:
        self.request(self.open_claim_edit)

    def claim_as_it_stands(self) -> str | None:
        """The claim as the reviewer sees it (as edited, if edited): an unchanged correction is refused."""
        start = self.session.edit_start()
        if start is None:
            return None
        claim, edit = start
        return edit.text if edit is not None else claim.text

    def open_claim_edit(self) -> Step:
        """Open the claim editor: fixing the extraction is saved apart from any verdict."""
        start = self.session.edit_start()
        if start is not None:
            claim, current = start

            def edited(result: ClaimEditResult | None) -> None:
                if result is None:
                    self.say(Notice("Claim edit cancelled: nothing saved."))
                else:
                    self.perform(self.session.edit_claim(result.edit))

            self.open_dialog(ClaimEditDialog(claim, current, self.session.article_of(claim).body), edited)
        return Step()

    def action_search(self) -> None:
        self.request(self.open_search)

    def action_goto(self) -> None:
        self.request(self.open_goto)

    def action_why(self) -> None:
        """Say why the claim on screen scored as it did: the model and its version, or the formula's features."""
        claim = self.session.current_claim()
        if claim is not None:
            self.say(Notice(explain_score(claim)))

    # Retraining as labels arrive

    def take_outcome(self, outcome: object) -> None:
        """Count a first decision towards the next retrain."""
        super().take_outcome(outcome)
        if (self.retrainer is not None and isinstance(outcome, ChangeSaved) and outcome.change.kind == "decision"
                and outcome.change.previous is None and self.retrainer.label_saved()):
            self.model_status = "retraining the check-worthiness model…"
            self.refresh_status(self.session.current_claim())
            self.retrain()

    @work(thread=True, exit_on_error=False, group="retrain")
    def retrain(self) -> None:
        """Train and re-score in child processes; decisions go on being saved meanwhile."""
        assert self.retrainer is not None
        try:
            outcome = retrain_now(self.retrainer.database_url, self.retrainer.model_dir, seed=self.retrainer.seed)
        except Exception as exc:  # noqa: BLE001 (a failed retrain must never take the screen down)
            outcome = RetrainOutcome(None, f"retrain failed: {exc}")
        self.post_message(RetrainDone(outcome))

    def on_retrain_done(self, message: RetrainDone) -> None:
        assert self.retrainer is not None
        self.retrainer.finished()
        outcome = message.outcome
        self.model_status = f"model {outcome.version}" if outcome.version else self.model_status.replace(
            "retraining the check-worthiness model…", "")
        self.refresh_status(self.session.current_claim())
        self.say(Notice(outcome.message, error=outcome.version is None))

    def article_on_screen(self):
        claim = self.session.current_claim()
        return (self.session.article_of(claim), claim) if claim is not None else None

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.labels, self.guidelines))

    def action_agreement(self) -> None:
        self.app.push_screen(AgreementScreen(self.store, self.labels, blind_for=self.session.annotator))

    def open_search(self) -> Step:
        queue = self.session.queue
        if queue is not None:

            def searched(choice: SearchChoice | None) -> None:
                if choice is not None:
                    self.perform(self.session.search(choice.claim_filter, choice.order))

            order = None if self.session.order.routing is not None else queue.spec.order
            self.open_dialog(SearchDialog(self.labels, self.session.active_filter, order=order), searched)
        return Step()

    def open_goto(self) -> Step:
        queue = self.session.queue
        if queue:

            def chosen(target: str | None) -> None:
                if target is not None:
                    self.perform(self.session.goto(target))

            self.open_dialog(GotoDialog(len(queue)), chosen)
        return Step()

    def release_on_exit(self) -> str | None:
        """The claim still reserved for this annotator, forgotten by the screen (the caller gives it back)."""
        self.session.close()
        return self.session.release_on_exit()

    # Drawing

    def show_current(self) -> None:
        """Show the claim under the cursor with its decision, context, links and progress."""
        session = self.session
        claim = session.current_claim()
        if claim is not None:
            context = self.panel(ContextView)
            context.display = True
            annotation = session.cache.annotations.get(claim.id)
            self.panel(ClaimCard).show_claim(claim, annotation, session.pending.get(claim.id))
            context.passage = context.passage_of(claim, session.article_of(claim))
            self.panel(LinksPanel).sources = session.sources_of(claim)
            session.shown(claim.id)
        elif session.queue is not None and not len(session.queue):
            self.show_empty()
        self.refresh_status(claim)

    def prepare_next(self) -> None:
        claim = self.session.likely_next_claim()
        if claim is not None:
            pending = self.session.pending.get(claim.id)
            self.panel(ClaimCard).prepare(render_claim(claim, None, pending), key=(claim, pending))
            context = self.panel(ContextView)
            context.prepare(context.passage_of(claim, self.session.article_of(claim)))
            outcomes = [self.session.history_after(label.name) for label in self.labels]
            self.panel(HistoryStrip).prepare([entries for entries in outcomes if entries], claim.id)

    def show_empty(self) -> None:
        """Say why there is no claim to show."""
        if self.session.total == 0:
            text = "No claims to annotate yet: add articles with `annotator ingest PATH`."
        else:
            text = "No claim for you right now: the others have every place. Press s to check again, q to quit."
        card = self.panel(ClaimCard)
        card.decided, card.card = False, Text(text)
        self.panel(ContextView).display = False
        self.panel(LinksPanel).display = False
        self.session.shown(None)

    def refresh_status(self, claim: Claim | None) -> None:
        """Update the progress line."""
        session, queue = self.session, self.session.queue
        if queue is None:
            return
        article_done = session.cache.article_done(claim.article.id) if claim else (0, 0)
        status = render_status(
            session.annotator, session.done, session.total, queue.position if len(queue) else None, len(queue),
            article_done, queue.filter_description, overlap=session.overlap, pace=session.pace(),
        )
        if queue.spec.order != "reading" and not queue.spec.mine_only:
            status.append(f"  ·  {ORDER_WORDS.get(queue.spec.order, queue.spec.order)}")
        if self.model_status:
            status.append(f"  ·  {self.model_status}", style="dim")
        self.panel(StatusLine).text = status
        self.panel(HistoryStrip).show_history(session.tally.recent, claim.id if claim else None)

