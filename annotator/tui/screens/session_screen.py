"""What the annotation and review screens share: keys in, session calls, job outcomes back, widgets updated.

Keys that act on the claim on screen run one after another: while a Store call is in flight they wait in the
session's key queue, so the next claim never shows before the save returned and a key never lands on a claim not
yet shown. Jobs run off the UI thread and touch no widget. The ones a reviewer waits on run in the screen's store
thread, which the screen waits on for one frame: a quick commit's outcome comes straight back, a slower one as a
`JobDone`. The others run in Textual thread workers and post a `JobDone`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from textual import events, work
from textual.screen import Screen
from textual.geometry import Region
from textual.strip import Strip
from textual.timer import Timer
from textual.widgets import Static

from annotator.models import Article, Claim, Label
from annotator.session import Job, JobContext, Notice, Step
from annotator.session.core import SessionBase
from annotator.store import Store
from annotator.tui.dialogs import CorrectionDialog, NoteDialog, NoteResult
from annotator.tui.garbage import QuietCollector
from annotator.tui.literal import literal
from annotator.tui.messages import JobDone, JobReport
from annotator.tui.screens.article import ArticleScreen
from annotator.tui.store_thread import StoreThread
from annotator.tui.widgets import ContextView, LinksPanel
from annotator.tui.widgets.kept_lines import KeptLines
from annotator.tui.widgets.quiet import update_if_changed

PanelT = TypeVar("PanelT")

PREFETCH_DELAY = 0.25
"""Seconds without a key before the claims ahead are loaded."""
QUICK_JOB_WAIT = 0.016
"""Seconds (one frame at 60 fps) the UI thread waits for a Store call the reviewer waits on before going back to the
event loop: a quick commit is then shown at once, without a message's trip round the loop."""


class SessionScreen(Screen[None]):
    """A screen over one session: label keys decide, j/k move, z undoes, e writes a note."""

    WITH_EVIDENCE = True

    def __init__(self, store: Store, session: SessionBase, labels: Sequence[Label]) -> None:
        super().__init__()
        self.store = store
        self.session = session
        self.labels = list(labels)
        self.labels_by_key = {label.key: label for label in self.labels}
        self.context = JobContext(store, lambda notice: self.post_message(JobReport(notice)), session.closed)
        self.store_thread = StoreThread(self.context, lambda outcome: self.post_message(JobDone(outcome)))
        self.prefetch_timer: Timer | None = None
        self.quit_asked = False
        self.kept_lines = KeptLines()
        self._panels: dict[object, object] = {}
        self.collector = QuietCollector()
        self.collector.start()

    # Running session calls and their jobs

    def request(self, action: Callable[[], Step]) -> None:
        """Run a reviewer action now, or after the Store call in flight has returned."""
        if not self.session.keys.busy:
            self.perform(action())
        elif not self.session.keys.hold(lambda: self.perform(action())):
            self.say(Notice("✖ Key not taken: too many keys already wait for the database.", error=True))

    def perform(self, step: Step) -> None:
        """Do what the session asked, then run the next key typed ahead if the screen is free."""
        if step.notice is not None:
            self.say(step.notice)
        if step.show:
            self.show_current()
        if step.bell:
            self.app.bell()
        if step.quit:
            self.session.close()
            self.app.exit()
            return
        finished, outcome = self.store_thread.submit(step.job, wait=QUICK_JOB_WAIT) if step.job else (False, None)
        if step.background is not None:
            self.run_job(step.background)
        if step.prefetch:
            self.schedule_prefetch()
        if step.prepare:
            self.prepare_next()
        if finished:
            self.take_outcome(outcome)
            return
        action = self.session.keys.next_action()
        if action is not None:
            action()

    @work(thread=True, exit_on_error=False, group="store")
    def run_job(self, job: Job) -> None:
        """Run one background job's Store calls off the UI thread and post its outcome back."""
        self.post_message(JobDone(job.run(self.context)))

    def on_job_done(self, message: JobDone) -> None:
        self.take_outcome(message.outcome)

    def take_outcome(self, outcome: object) -> None:
        """What a job brought back, however it came (straight from a quick Store call, or as a `JobDone`)."""
        self.perform(self.session.apply(outcome))
        if not self.session.retrying:
            self.quit_asked = False

    def on_job_report(self, message: JobReport) -> None:
        self.session.retrying = True
        self.say(message.notice)

    def schedule_prefetch(self) -> None:
        """Prefetch once the reviewer pauses, so no key waits behind a load it did not ask for."""
        if self.prefetch_timer is not None:
            self.prefetch_timer.stop()
        self.prefetch_timer = self.set_timer(PREFETCH_DELAY, self.prefetch)

    def prefetch(self) -> None:
        """The reviewer paused: load what comes next, and draw the likely next claim off screen."""
        self.prefetch_timer = None
        self.perform(self.session.prefetch())
        self.prepare_next()
        self.collector.reviewer_paused()

    def prepare_next(self) -> None:
        """Build the widgets' lines for the claim a decision is likely to show (each screen knows which)."""

    def on_unmount(self) -> None:
        self.session.close()
        self.store_thread.stop()

    # Keys

    def on_key(self, event: events.Key) -> None:
        """A label's key decides the claim on screen (after any Store call in flight)."""
        label = self.labels_by_key.get(event.character or "")
        if label is not None:
            event.stop()
            self.request(lambda: self.decide(label))

    def action_choose(self, number: int) -> None:
        """Digits 1-9 choose the labels in their configured order."""
        if number <= len(self.labels):
            label = self.labels[number - 1]
            self.request(lambda: self.decide(label))

    def action_move(self, step: int) -> None:
        self.request(lambda: self.session.step_by(step))

    def action_skip(self) -> None:
        self.request(self.session.skip)

    def action_undo(self) -> None:
        self.request(self.session.undo)

    def action_note(self) -> None:
        self.request(self.edit_note)

    def action_quit(self) -> None:
        """Quit once every decision is saved; while a save waits for the database, a second q quits without it."""
        if self.session.retrying:
            if self.quit_asked:
                self.session.close()
                self.app.exit()
                return
            self.quit_asked = True
            self.say(Notice("✖ A change is not saved yet: the database is not answering. Press q again to quit "
                            "without it, or wait.", error=True))
            return
        self.request(self.session.leave)

    def action_article(self) -> None:
        """The full article; a label key there closes it and decides the claim."""
        shown = self.article_on_screen()
        if shown is not None:

            def closed(label_name: str | None) -> None:
                label = next((label for label in self.labels if label.name == label_name), None)
                if label is not None:
                    self.request(lambda: self.decide(label))

            self.app.push_screen(ArticleScreen(*shown, self.labels), closed)

    def article_on_screen(self) -> tuple[Article, Claim] | None:
        """The article and claim on screen (None: none); each screen knows where they are."""
        raise NotImplementedError

    def action_scroll_context(self, lines: int) -> None:
        self.query_one(ContextView).scroll_lines(lines)

    def action_scroll_sources(self, lines: int) -> None:
        links = self.query_one(LinksPanel)
        if links.display:
            links.scroll_relative(y=lines, animate=False, immediate=True)
        else:
            self.say(Notice("No other sources for this claim."))

    # Deciding through dialogs

    def decide(self, label: Label) -> Step:
        """Decide the current claim, through the correction editor when the label needs one."""
        start = self.session.correction_start()
        if start is None or not label.needs_correction:
            return self.session.decide(label.name)

        def corrected(correction: str | None) -> None:
            if correction is None:
                self.say(Notice("Correction cancelled: nothing saved."))
            else:
                self.perform(self.session.decide(label.name, correction))

        self.open_dialog(CorrectionDialog(label.name, start, unchanged=self.claim_as_it_stands()), corrected)
        return Step()

    def claim_as_it_stands(self) -> str | None:
        """The text a correction must differ from (None: any correction that is not empty will do)."""
        return None

    def edit_note(self) -> Step:
        """Open the note (and evidence) dialog for the current claim."""
        fields = self.session.note_fields()
        if fields is not None:

            def noted(result: NoteResult | None) -> None:
                if result is None:
                    self.say(Notice("Note cancelled: nothing saved."))
                else:
                    self.perform(self.session.set_note(result.note, result.evidence))

            self.open_dialog(NoteDialog(fields[0], fields[1], with_evidence=self.WITH_EVIDENCE), noted)
        return Step()

    def open_dialog(self, dialog, callback: Callable) -> None:
        """Open a dialog; keys typed ahead were meant for the claim, not the dialog, so they are dropped."""
        self.session.keys.waiting.clear()
        self.app.push_screen(dialog, callback)

    # Drawing

    def panel(self, kind: type[PanelT], selector: str | None = None) -> PanelT:
        """A widget of the screen, looked up once: its panels live as long as it does, and a keypress draws several."""
        key = selector or kind
        found = self._panels.get(key)
        if found is None:
            found = self._panels[key] = self.query_one(selector or kind, kind)  # type: ignore[arg-type]
        return found  # type: ignore[return-value]

    def render_lines(self, crop: Region) -> list[Strip]:
        return self.kept_lines.render(self, crop, super().render_lines)

    def show_current(self) -> None:
        """Show the claim under the cursor (each screen draws its own panels)."""
        raise NotImplementedError

    def say(self, notice: Notice) -> None:
        """Show a one-line message in the screen's #message line (literal); errors are marked in words too."""
        line = self.panel(Static, "#message")
        text = notice.text
        if notice.error and not text.startswith("✖"):
            text = f"✖ {text}"
        if not text and not line.display:
            return
        line.display = bool(text)
        line.set_class(notice.error, "-error")
        update_if_changed(line, literal(text))
