"""Search and filter: text, article, label, kind, check-worthiness thresholds, sort order, unlabelled, flagged,
with conflicts. Enter applies from any field, space ticks a box."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select

from annotator.models import Label as ClaimLabel
from annotator.models import ClaimFilter
from annotator.session.moves import ORDER_WORDS

CLAIM_KINDS = ("quote", "attributed", "statistic", "event")
ORDERS = tuple((words, order) for order, words in ORDER_WORDS.items())


@dataclass(frozen=True)
class SearchChoice:
    """What the reviewer asked for: the filter (empty: every claim) and the order (None: as it is)."""

    claim_filter: ClaimFilter
    order: str | None = None


class MarkedCheckbox(Checkbox, inherit_bindings=False):
    """A checkbox whose mark is a tick or a blank, so its state does not depend on colour; space ticks it and Enter
    is left to the dialog (it applies the filter)."""

    BINDINGS = [Binding("space", "toggle_button", "toggle", show=False)]

    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 - overrides Textual's class constant
        return "✓" if self.value else " "


class ChoiceSelect(Select, inherit_bindings=False):
    """A drop-down opened with space or the arrows; Enter is left to the dialog (it applies the filter)."""

    BINDINGS = [Binding("down,space,up", "show_overlay", "show menu", show=False)]


def parse_score(value: str, name: str) -> float | None:
    """A threshold typed in a field: empty is none, else a number from 0 to 1 (ValueError names the field)."""
    value = value.strip()
    if not value:
        return None
    try:
        score = float(value)
    except ValueError:
        raise ValueError(f"{name} must be a number from 0 to 1, not {value!r}") from None
    if not 0.0 <= score <= 1.0:
        raise ValueError(f"{name} must be from 0 to 1, not {value}")
    return score


class SearchDialog(ModalScreen[SearchChoice | None]):
    """Returns the filter and order to apply (an empty filter clears it), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "cancel", show=False), Binding("enter", "apply", "apply", show=False)]

    def __init__(self, labels: Sequence[ClaimLabel], current: ClaimFilter | None, *, order: str | None = None) -> None:
        super().__init__()
        self.labels = labels
        self.current = current or ClaimFilter()
        self.order = order
        """The queue's order, or None when it cannot change (a routed queue keeps the order claims were handed out)."""

    def compose(self) -> ComposeResult:
        current = self.current
        with Vertical(id="search-dialog", classes="dialog"):
            yield Label("Search and filter", classes="dialog-title")
            with Horizontal(classes="search-row"):
                yield Input(current.text, id="search-text", placeholder="text in the claim")
                yield Input(current.article, id="search-article", placeholder="article: id, source, title, outlet")
            with Horizontal(classes="search-row"):
                yield ChoiceSelect([(label.name, label.name) for label in self.labels],
                                   value=current.label or Select.NULL, prompt="any label (mine)", id="search-label")
                yield ChoiceSelect([(kind, kind) for kind in CLAIM_KINDS], value=current.kind or Select.NULL,
                                   prompt="any kind", id="search-kind")
            with Horizontal(classes="search-row"):
                yield Input(score_text(current.min_checkworthiness), id="search-min", placeholder="score ≥ (0-1)")
                yield Input(score_text(current.max_checkworthiness), id="search-max", placeholder="score ≤ (0-1)")
                if self.order is not None:
                    yield ChoiceSelect(ORDERS, value=self.order, allow_blank=False, id="search-order")
            with Horizontal(id="search-toggles"):
                yield MarkedCheckbox("unlabelled only", current.unlabelled, id="search-unlabelled")
                yield MarkedCheckbox("flagged by me", current.flagged, id="search-flagged")
                yield MarkedCheckbox("with conflicts", current.conflicts, id="search-conflicts")
            yield Label("", id="search-error", classes="dialog-error", markup=False)
            yield Label("Enter applies from any field · space ticks a box · Esc cancels",
                        classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Apply", id="apply", variant="primary")
                yield Button("Clear", id="clear")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#search-text", Input).focus()

    def chosen_filter(self) -> ClaimFilter:
        """The filter as the fields stand (ValueError: a threshold is not a score)."""
        label = self.query_one("#search-label", Select).value
        kind = self.query_one("#search-kind", Select).value
        return ClaimFilter(
            text=self.query_one("#search-text", Input).value.strip(),
            article=self.query_one("#search-article", Input).value.strip(),
            label=label if isinstance(label, str) else "",
            kind=kind if isinstance(kind, str) else "",
            min_checkworthiness=parse_score(self.query_one("#search-min", Input).value, "score ≥"),
            max_checkworthiness=parse_score(self.query_one("#search-max", Input).value, "score ≤"),
            unlabelled=self.query_one("#search-unlabelled", Checkbox).value,
            flagged=self.query_one("#search-flagged", Checkbox).value,
            conflicts=self.query_one("#search-conflicts", Checkbox).value,
        )

    def chosen_order(self) -> str | None:
        if self.order is None:
            return None
        order = self.query_one("#search-order", Select).value
        return order if isinstance(order, str) else self.order

    @on(Input.Submitted)
    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        """Return the filter and order, or say which threshold is not a score."""
        try:
            claim_filter = self.chosen_filter()
        except ValueError as exc:
            self.query_one("#search-error", Label).update(f"✖ {exc}")
            return
        self.dismiss(SearchChoice(claim_filter, self.chosen_order()))

    @on(Button.Pressed, "#clear")
    def clear(self) -> None:
        """Return an empty filter: every claim again (in the order chosen)."""
        self.dismiss(SearchChoice(ClaimFilter(), self.chosen_order()))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close, keeping the current filter."""
        self.dismiss(None)


def score_text(score: float | None) -> str:
    return "" if score is None else f"{score:g}"
