"""The agreement screen: the team's agreement report, computed in a thread worker so the UI never freezes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from annotator.agreement import FullAgreementReport, build_report
from annotator.models import Label as ClaimLabel
from annotator.store import Store
from annotator.tui.agreement_tables import (
    render_disputed,
    render_kappa_legend,
    render_kappa_matrix,
    render_overall,
    render_per_label,
)
from annotator.tui.literal import literal
from annotator.errors import failure_reason


def compute_agreement(store: Store, labels: Sequence[ClaimLabel], *,
                      disputed_texts: bool = True) -> tuple[FullAgreementReport, dict[str, str]]:
    """The report over every current annotation (adjudications as gold) and, for a lead, the text of the most
    disputed claims."""
    gold = {adjudication.claim_id: adjudication.label for adjudication in store.adjudications.all()}
    report = build_report(store.annotations.votes(), labels=list(labels), gold=gold or None)
    if not disputed_texts:
        return report, {}
    disputed = [item.claim_id for item in report.most_disagreement[:10]]
    return report, {claim.id: claim.text for claim in store.claims.get_many(disputed)}


class AgreementScreen(ModalScreen[None]):
    """Overall coefficients, per-label alpha, the pairwise kappa heat map and the most disputed claims."""

    BINDINGS = [
        Binding("escape,q,percent_sign", "close", "close", show=False),
        Binding("j", "scroll(1)", show=False),
        Binding("k", "scroll(-1)", show=False),
    ]

    @dataclass
    class Ready(Message):
        """The report is computed."""

        report: FullAgreementReport
        claim_texts: dict[str, str]

    @dataclass
    class Failed(Message):
        """The report could not be computed."""

        reason: str

    def __init__(self, store: Store, labels: Sequence[ClaimLabel], *, blind_for: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.labels = list(labels)
        self.blind_for = blind_for
        """The annotator looking, when it is one (not the lead): how labels split on a claim stays hidden."""
        self.report: FullAgreementReport | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="agreement-dialog", classes="dialog"):
            yield Label("Agreement between annotators · Escape closes · j/k scroll", classes="dialog-title")
            with VerticalScroll(id="agreement-scroll"):
                yield Static("Computing agreement…", id="agreement-overall", markup=False)
                yield Static("", id="agreement-per-label", markup=False)
                yield Static("", id="agreement-matrix", markup=False)
                yield Static("", id="agreement-legend", markup=False)
                yield Static("", id="agreement-disputed", markup=False)

    def on_mount(self) -> None:
        self.query_one("#agreement-scroll").focus()
        self._compute()

    @work(thread=True, exit_on_error=False, group="agreement")
    def _compute(self) -> None:
        try:
            report, claim_texts = compute_agreement(self.store, self.labels, disputed_texts=self.blind_for is None)
        except Exception as exc:  # a worker must always report back, or the screen would say "Computing" forever
            self.post_message(self.Failed(failure_reason(exc)))
            return
        self.post_message(self.Ready(report, claim_texts))

    def on_agreement_screen_ready(self, message: Ready) -> None:
        self.report = message.report
        self.query_one("#agreement-overall", Static).update(render_overall(message.report))
        self.query_one("#agreement-per-label", Static).update(render_per_label(message.report))
        self.query_one("#agreement-matrix", Static).update(render_kappa_matrix(message.report))
        self.query_one("#agreement-legend", Static).update(render_kappa_legend())
        if self.blind_for is None:
            disputed = render_disputed(message.report, message.claim_texts, blind=False)
        else:
            disputed = Text("Most disputed claims: shown to the lead in `annotator review`, not while you annotate, "
                            "so no claim's dispute steers your verdict.", style="italic")
        self.query_one("#agreement-disputed", Static).update(disputed)

    def on_agreement_screen_failed(self, message: Failed) -> None:
        self.query_one("#agreement-overall", Static).update(
            literal(f"✖ Could not compute agreement: {message.reason}", style="bold")
        )

    def action_scroll(self, lines: int) -> None:
        """Scroll by a few lines."""
        self.query_one("#agreement-scroll", VerticalScroll).scroll_relative(y=lines * 3, animate=False)

    def action_close(self) -> None:
        """Back to the claims."""
        self.dismiss(None)
