"""What the review screen shows: the claim with the lead's adjudication, and each annotator's decision on it."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.reactive import reactive

from annotator.models import Adjudication, Annotation, Claim
from annotator.tui.literal import literal
from annotator.tui.widgets.claim_card import append_decision_details, claim_details
from annotator.tui.widgets.kept_lines import KeptScroll, KeptStatic
from annotator.tui.widgets.quiet import update_if_changed


def render_adjudicated_claim(claim: Claim, adjudication: Adjudication | None, pending_note: str | None = None) -> Text:
    """The lead's decision as words and a symbol, then the claim and the decision's correction and note."""
    if adjudication is None:
        text = Text("○ NOT ADJUDICATED YET", style="bold", end="")
        if pending_note:
            text.append("   ✎ pending: note (saved with your decision)", style="italic")
    else:
        text = Text.assemble(("● ADJUDICATED: ", "bold"), (adjudication.label.upper(), "bold reverse"), end="")
        text.append("  by ", style="dim")
        text.append_text(literal(adjudication.adjudicator))
    text.append("\n")
    text.append_text(claim_details(claim))
    if adjudication is not None:
        for name, value in (("correction", adjudication.correction), ("note", adjudication.note)):
            if value:
                text.append(f"\n{name}: ", style="dim")
                text.append_text(literal(value))
    return text


def seconds(duration_ms: int | None) -> str:
    """How long an annotator took, for the reviewer: `12.3 s`, or `time not recorded`."""
    return "time not recorded" if duration_ms is None else f"{duration_ms / 1000:.1f} s"


def render_annotations(annotations: Sequence[Annotation]) -> Text:
    """Each annotator's label, time, flag, correction, note and evidence, literal."""
    text = Text(end="")
    for index, annotation in enumerate(annotations):
        if index:
            text.append("\n")
        text.append_text(literal(annotation.annotator, style="bold"))
        text.append("  ")
        if annotation.label is None:
            text.append("NO VERDICT", style="italic")
        else:
            text.append_text(literal(annotation.label.upper(), style="reverse"))
        text.append(f"  {seconds(annotation.duration_ms)}", style="dim")
        if annotation.flagged:
            text.append("  ⚑ flagged for the lead", style="bold")
        append_decision_details(text, annotation, indent="  ")
    return text


def render_review_status(
    adjudicator: str, adjudicated: int, total: int, position: int | None, include_agreed: bool
) -> Text:
    """The review screen's progress line: adjudicated/total and the position, 1-based."""
    text = literal(adjudicator, style="bold")
    percent = f" ({100 * adjudicated // total}%)" if total else ""
    text.append(f"  adjudicated {adjudicated}/{total}{percent}")
    if position is not None:
        text.append(f"  ·  claim {position + 1} of {total}")
    text.append("  ·  every claim with two or more annotators, and flags" if include_agreed
                else "  ·  disagreements and flags")
    return text


class AnnotationsPanel(KeptScroll, can_focus=False):
    """Every annotator's decision on the claim under review, scrollable; set `annotations`."""

    annotations: reactive[tuple[Annotation, ...]] = reactive(tuple, repaint=False)

    def compose(self):
        yield KeptStatic(id="annotations-text", markup=False)

    def watch_annotations(self, annotations: tuple[Annotation, ...]) -> None:
        """Display the annotations, with how many there are in the border."""
        title = f"Annotators ({len(annotations)})"
        if self.border_title != title:
            self.border_title = title
        update_if_changed(self.query_one("#annotations-text", KeptStatic), render_annotations(annotations))
