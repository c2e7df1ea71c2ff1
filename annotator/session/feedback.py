"""What a reviewer is told after each change: what was saved, what undo took back, and the session's tally.

Words, not colours: each message names the verdict or the part of the annotation that changed, so a reviewer who
pressed a key by mistake sees it at once.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from annotator.models import Annotation
from annotator.session.core import Change

HISTORY_LENGTH = 5
"""Decisions kept in the history strip."""


def describe(annotation: Annotation | None) -> str:
    """An annotation in a few words: its verdict and what else it carries ("contested + claim edit + flag")."""
    if annotation is None:
        return "no label"
    parts = [annotation.label or "no verdict"]
    if annotation.edit is not None:
        parts.append("claim edit")
    if annotation.note:
        parts.append("note")
    if annotation.flagged:
        parts.append("flag")
    return " + ".join(parts)


def confirmation(change: Change[Annotation]) -> str:
    """The line shown once a change is saved."""
    saved, previous = change.decision, change.previous
    if change.kind == "decision":
        label = saved.label if saved is not None else "no label"
        text = f"{label} ✓, saved"
        if previous is not None and previous.label and previous.label != label:
            text += f" (relabelled: was {previous.label})"
        elif previous is not None and previous.label == label:
            text += " (unchanged: it was already " + label + ")"
        return text
    if change.kind == "undo":
        return f"Undone: {describe(previous)} → back to {describe(saved)}. Press r to redo."
    if change.kind == "redo":
        return f"Redone: {describe(previous)} → {describe(saved)} again."
    if change.what == "claim edit":
        if saved is None or saved.edit is None:
            return "Claim edit removed ✓: the claim reads as extracted again (no verdict changed)."
        return "Claim edit ✓, saved: the claim reads as you wrote it; no verdict set." if not saved.label else (
            f"Claim edit ✓, saved; the verdict stays {saved.label}.")
    if change.what == "flag":
        flagged = saved is not None and saved.flagged
        return "⚑ Flagged for the lead ✓, saved." if flagged else "Flag removed ✓, saved."
    if change.what == "note":
        return "Note saved ✓." if saved is not None and (saved.note or saved.evidence) else "Note removed ✓."
    return "Saved ✓."


@dataclass
class SessionTally:
    """What this session did, for the history strip and the summary printed on quit."""

    verdicts: Counter[str] = field(default_factory=Counter)
    edits: int = 0
    flags: int = 0
    notes: int = 0
    undone: int = 0
    recent: list[tuple[str, str]] = field(default_factory=list)
    """The last decisions as (claim id, label), newest last."""

    def count(self, change: Change[Annotation]) -> None:
        """Take in one saved change."""
        saved = change.decision
        if change.kind == "undo":
            self.undone += 1
            return
        if change.kind in ("decision", "redo") and saved is not None and saved.label:
            self.verdicts[saved.label] += 1
            self.recent = [entry for entry in self.recent if entry[0] != change.claim_id][-(HISTORY_LENGTH - 1):]
            self.recent.append((change.claim_id, saved.label))
        elif change.what == "claim edit":
            self.edits += 1
        elif change.what == "flag" and saved is not None and saved.flagged:
            self.flags += 1
        elif change.what == "note":
            self.notes += 1

    def summary(self, annotator: str, done: int, total: int) -> str:
        """One line for the terminal after quitting."""
        decided = sum(self.verdicts.values())
        text = f"{annotator}: {decided} verdict{'s' if decided != 1 else ''} this session"
        if decided:
            text += " (" + ", ".join(f"{count} {label}" for label, count in self.verdicts.most_common()) + ")"
        extras = [f"{count} {name}{'s' if count != 1 else ''}" for name, count in
                  (("claim edit", self.edits), ("flag", self.flags), ("note", self.notes)) if count]
        if self.undone:
            extras.append(f"{self.undone} undone")
        if extras:
            text += ", " + ", ".join(extras)
        return text + f"; {done} of {total} claims done. Every decision is saved."
