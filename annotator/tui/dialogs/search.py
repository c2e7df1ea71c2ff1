"""Search and filter: text, article, label, unlabelled only, flagged, with conflicts."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select

from annotator.models import Label as ClaimLabel
from annotator.models import ClaimFilter


class MarkedCheckbox(Checkbox):
    """A checkbox whose mark is a tick or a blank, so its state does not depend on colour."""

    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 - overrides Textual's class constant
        return "✓" if self.value else " "


class SearchDialog(ModalScreen[ClaimFilter | None]):
    """Returns the filter to apply (an empty one clears the filter), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "cancel", show=False)]

    def __init__(self, labels: Sequence[ClaimLabel], current: ClaimFilter | None) -> None:
        super().__init__()
        self.labels = labels
        self.current = current or ClaimFilter()

    def compose(self) -> ComposeResult:
        current = self.current
        with Vertical(id="search-dialog", classes="dialog"):
            yield Label("Search and filter", classes="dialog-title")
            yield Input(current.text, id="search-text", placeholder="text in the claim")
            yield Input(current.article, id="search-article", placeholder="article id or source, part of its title or outlet")
            yield Select(
                [(label.name, label.name) for label in self.labels],
                value=current.label or Select.NULL, prompt="any label (mine)", id="search-label",
            )
            with Horizontal(id="search-toggles"):
                yield MarkedCheckbox("unlabelled only", current.unlabelled, id="search-unlabelled")
                yield MarkedCheckbox("flagged", current.flagged, id="search-flagged")
                yield MarkedCheckbox("with conflicts", current.conflicts, id="search-conflicts")
            yield Label("Enter applies · all empty shows every claim · Escape cancels", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Apply", id="apply", variant="primary")
                yield Button("Clear", id="clear")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#search-text", Input).focus()

    def chosen_filter(self) -> ClaimFilter:
        """The filter as the fields stand."""
        label = self.query_one("#search-label", Select).value
        return ClaimFilter(
            text=self.query_one("#search-text", Input).value.strip(),
            article=self.query_one("#search-article", Input).value.strip(),
            label=label if isinstance(label, str) else "",
            unlabelled=self.query_one("#search-unlabelled", Checkbox).value,
            flagged=self.query_one("#search-flagged", Checkbox).value,
            conflicts=self.query_one("#search-conflicts", Checkbox).value,
        )

    @on(Input.Submitted)
    @on(Button.Pressed, "#apply")
    def apply(self) -> None:
        """Return the filter."""
        self.dismiss(self.chosen_filter())

    @on(Button.Pressed, "#clear")
    def clear(self) -> None:
        """Return an empty filter: every claim again."""
        self.dismiss(ClaimFilter())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close, keeping the current filter."""
        self.dismiss(None)
