"""The lead's filter on the review screen: only the claims someone flagged for the lead, whoever flagged them."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Label

from annotator.tui.dialogs.search import MarkedCheckbox


class ReviewFilterDialog(ModalScreen[bool | None]):
    """Returns True for flagged claims only, False for every claim to review, None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "cancel", show=False), Binding("enter", "apply", "apply", show=False)]

    def __init__(self, flagged_only: bool, flagged_count: int) -> None:
        super().__init__()
        self.flagged_only = flagged_only
        self.flagged_count = flagged_count

    def compose(self) -> ComposeResult:
        with Vertical(id="review-filter-dialog", classes="dialog"):
            yield Label("Filter the claims to review", classes="dialog-title")
            yield MarkedCheckbox(f"flagged for the lead only: {self.flagged_count} claim(s), anyone's flag",
                                 self.flagged_only, id="review-flagged")
            yield Label("Who flagged each claim, and their note, is in the Annotators panel.", classes="dialog-hint")
            yield Label("Enter applies · space ticks the box · Esc cancels", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Apply", id="apply", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#review-flagged", Checkbox).focus()

    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        self.dismiss(self.query_one("#review-flagged", Checkbox).value)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close, keeping the filter as it is."""
        self.dismiss(None)
