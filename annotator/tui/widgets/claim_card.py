"""The claim under review: its decision state, text, speaker, kind, check-worthiness and any correction or note."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from annotator.models import Annotation, Claim
from annotator.session import PendingExtras
from annotator.tui.literal import literal
from annotator.tui.widgets.quiet import update_if_changed


def decision_badge(annotation: Annotation | None) -> Text:
    """The decision as words and a symbol, so it reads the same without colour."""
    if annotation is None:
        return Text("○ NO LABEL YET", style="bold", end="")
    return Text.assemble(("● LABELLED: ", "bold"), (annotation.label.upper(), "bold reverse"), end="")


def render_claim(claim: Claim, annotation: Annotation | None, pending: PendingExtras | None) -> Text:
    """The claim card's text: badge line, claim text and metadata, all article-derived text shown literally."""
    text = decision_badge(annotation)
    if annotation is not None and annotation.flagged:
        text.append("   ⚑ FLAGGED", style="bold")
    if annotation is None and pending is not None and not pending.empty:
        waiting = [name for name, on in (("note", pending.note), ("evidence", pending.evidence),
                                         ("⚑ flag", pending.flagged)) if on]
        text.append(f"   ✎ pending: {' + '.join(waiting)} (saved with your decision)", style="italic")
    text.append("\n")
    text.append_text(claim_details(claim))
    if annotation is not None:
        append_decision_details(text, annotation)
    return text


def append_decision_details(text: Text, decision: Annotation, indent: str = "") -> None:
    """Add a decision's correction, note and evidence lines (literal) to `text`."""
    for name, value in (("correction", decision.correction), ("note", decision.note)):
        if value:
            text.append(f"\n{indent}{name}: ", style="dim")
            text.append_text(literal(value))
    for item in decision.evidence:
        text.append(f"\n{indent}evidence: ", style="dim")
        text.append_text(literal(item))


def claim_details(claim: Claim) -> Text:
    """The claim text and its metadata line (speaker, kind, check-worthiness), literal."""
    text = literal(claim.text, style="bold")
    text.append("\n")
    meta = Text(end="")
    meta.append("speaker ", style="dim")
    meta.append_text(literal(claim.speaker) if claim.speaker else Text("unknown", style="italic"))
    meta.append("  ·  kind ", style="dim")
    meta.append_text(literal(claim.kind))
    meta.append("  ·  check-worthiness ", style="dim")
    meta.append(f"{claim.checkworthiness:.2f}")
    if claim.needs_context:
        meta.append("  ·  needs context", style="italic")
    if claim.superseded:
        meta.append("  ·  article has a newer version", style="italic")
    text.append_text(meta)
    return text


class ClaimCard(Static):
    """Shows one claim and this annotator's decision on it."""

    def show_claim(self, claim: Claim, annotation: Annotation | None, pending: PendingExtras | None) -> None:
        """Display a claim; `pending` is the note or flag not yet saved."""
        self.set_class(annotation is None, "-unlabelled")
        self.set_class(annotation is not None, "-labelled")
        update_if_changed(self, render_claim(claim, annotation, pending))

    def show_text(self, text: Text, *, decided: bool = False) -> None:
        """Show prepared text (a claim on the review screen, or why there is none); `decided` marks the border."""
        self.set_class(not decided, "-unlabelled")
        self.set_class(decided, "-labelled")
        update_if_changed(self, text)
