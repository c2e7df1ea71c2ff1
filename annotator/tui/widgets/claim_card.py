"""The claim under review: its decision state, text, speaker, kind, check-worthiness and any correction or note."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.strip import Strip

from annotator.extract.cw_explain import why_picked
from annotator.models import Annotation, Claim
from annotator.session import PendingExtras
from annotator.tui.literal import literal
from annotator.tui.widgets.prepared import PreparedText, text_identity, to_strips


def decision_badge(annotation: Annotation | None) -> Text:
    """The decision as words and a symbol, so it reads the same without colour."""
    if annotation is None:
        return Text("○ NO LABEL YET", style="bold", end="")
    if annotation.label is None:
        return Text("○ NO VERDICT YET", style="bold", end="")
    return Text.assemble(("● LABELLED: ", "bold"), (annotation.label.upper(), "bold reverse"), end="")


def render_claim(claim: Claim, annotation: Annotation | None, pending: PendingExtras | None) -> Text:
    """The claim card's text: badge line, claim text and metadata, all article-derived text shown literally."""
    text = decision_badge(annotation)
    if annotation is not None and annotation.flagged:
        text.append("   ⚑ FLAGGED", style="bold")
    if annotation is not None and annotation.edit is not None:
        text.append("   ✎ CLAIM EDITED", style="bold")
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
    """Add a decision's claim edit, correction, note and evidence lines (literal) to `text`."""
    edit = decision.edit
    if edit is not None:
        text.append(f"\n{indent}edited claim: ", style="dim")
        text.append_text(literal(edit.text))
        text.append(f"\n{indent}edited speaker: ", style="dim")
        text.append_text(literal(edit.speaker) if edit.speaker else Text("nobody named", style="italic"))
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
    meta.append(" (why: ", style="dim")
    meta.append_text(literal(why_picked(claim)))
    meta.append(")", style="dim")
    if claim.needs_context:
        meta.append("  ·  needs context", style="italic")
    if claim.superseded:
        meta.append("  ·  article has a newer version", style="italic")
    text.append_text(meta)
    return text


STEADY_LINES = 8
"""The card keeps the height of the tallest card shown so far, up to this many lines, so the screen is not laid out
again (and fully repainted) each time a claim is a line shorter or longer than the one before."""


class ClaimCard(PreparedText):
    """Shows one claim and the decision on it; set `card` (the text) and `decided` (the border says which).

    The screen is laid out again only when the card's height changes; it grows with taller claims, and shrinks back
    only from beyond STEADY_LINES.
    """

    decided: reactive[bool] = reactive(False)
    FITS_HEIGHT = False

    def __init__(self, text: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._card = Text(text, end="")
        self._identity = text_identity(self._card)
        self._height: tuple[int, int] | None = None
        self._tallest: dict[int, int] = {}
        """For each width, the most lines a card has taken (what shorter cards are padded to, up to STEADY_LINES)."""
        self._ready: tuple[tuple, Text, tuple] | None = None
        """The card built ahead (its key, text and identity), so showing it costs no rendering either."""

    def watch_decided(self, decided: bool) -> None:
        self.set_class(not decided, "-unlabelled")
        self.set_class(decided, "-labelled")

    @property
    def card(self) -> Text:
        return self._card

    @card.setter
    def card(self, text: Text) -> None:
        self._show(text, text_identity(text))

    def _show(self, text: Text, identity: tuple) -> None:
        if identity == self._identity:
            return
        self._card, self._identity = text, identity
        width = self.content_size.width
        height = (width, self.steady_height(width)) if width > 0 else None
        changed = height is None or height != self._height
        self._height = height
        self.redraw(layout=changed)

    def wrapped(self, text: Text, width: int) -> list[Strip]:
        return to_strips(self, text, width)

    def shown_identity(self) -> tuple:
        return self._identity

    def lines_for(self, width: int, height: int):
        text = self._card
        return lambda: self.wrapped(text, width)

    def line_count(self, width: int) -> int:
        """How many lines the card takes at `width` (from the prepared strips, so measuring costs no wrapping)."""
        return len(self.strips(self._identity, self.lines_for(width, 0), width, 0))

    def steady_height(self, width: int) -> int:
        """The card's height at `width`: its own lines, or as many as the tallest card so far up to STEADY_LINES."""
        lines = self.line_count(width)
        tallest = self._tallest[width] = max(self._tallest.get(width, 0), lines)
        return max(lines, min(tallest, STEADY_LINES))

    def get_content_height(self, container, viewport, width: int) -> int:
        return self.steady_height(width) if width > 0 else 1

    def prepare(self, text: Text, key: tuple) -> None:
        """Build a card likely to be shown next, so showing it costs no wrapping; `key` is what the text was rendered
        from (the claim first), so `show_prepared(key)` shows it without rendering it again."""
        identity = text_identity(text)
        self._ready = (key, text, identity)
        width = self.content_size.width
        if width > 0:
            self.compare_ahead(self.strips(identity, lambda: self.wrapped(text, width), width, 0))

    def show_prepared(self, key: tuple) -> bool:
        """Show the card prepared under `key` (the same claim object, equal other parts); False: none was."""
        ready = self._ready
        if ready is None or ready[0][0] is not key[0] or ready[0][1:] != key[1:]:
            return False
        self._show(ready[1], ready[2])
        return True

    def show_claim(self, claim: Claim, annotation: Annotation | None, pending: PendingExtras | None) -> None:
        """Display a claim; `pending` is the note or flag not yet saved."""
        self.decided = annotation is not None
        if annotation is not None or not self.show_prepared((claim, pending)):
            self.card = render_claim(claim, annotation, pending)
