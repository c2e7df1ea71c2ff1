"""What a reviewer is told after each change: what was saved, what undo took back, and the session's tally.

Words, not colours: each message names the verdict or the part of the annotation that changed, so a reviewer who
pressed a key by mistake sees it at once.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from time import monotonic

from annotator.models import Annotation
from annotator.session.core import Change

HISTORY_LENGTH = 5
"""Decisions kept in the history strip."""
PACE_AFTER_SECONDS = 60
"""Seconds of a session before its pace is worth an estimate (a first quick decision says little)."""


@dataclass(frozen=True)
class HistoryEntry:
    """One decision of the history strip: the claim, the verdict given and the claim's opening words."""

    claim_id: str
    label: str
    text: str


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
    decided: int = 0
    """Claims that gained a verdict in this session, less those undo took it from (for the pace)."""
    recent: list[HistoryEntry] = field(default_factory=list)
    """The last decisions, newest last, one per claim."""
    started: float = field(default_factory=monotonic)

    def count(self, change: Change[Annotation], claim_text: str = "") -> None:
        """Take in one saved change (`claim_text`: the claim's text, for the history strip)."""
        saved, previous = change.decision, change.previous
        self.decided += bool(saved is not None and saved.label) - bool(previous is not None and previous.label)
        if change.kind == "undo":
            self.undone += 1
            if saved is None or not saved.label:
                self.recent = [entry for entry in self.recent if entry.claim_id != change.claim_id]
            return
        if change.kind in ("decision", "redo") and saved is not None and saved.label:
            self.verdicts[saved.label] += 1
            self.recent = self.recent_after(change.claim_id, saved.label, claim_text)
        elif change.what == "claim edit":
            self.edits += 1
        elif change.what == "flag" and saved is not None and saved.flagged:
            self.flags += 1
        elif change.what == "note":
            self.notes += 1

    def recent_after(self, claim_id: str, label: str, claim_text: str) -> list[HistoryEntry]:
        """The last decisions once `claim_id` gets the verdict `label` (its earlier entry moves to the end)."""
        kept = [entry for entry in self.recent if entry.claim_id != claim_id][-(HISTORY_LENGTH - 1):]
        return [*kept, HistoryEntry(claim_id, label, claim_text)]

    def per_hour(self, now: float | None = None) -> float | None:
        """Claims decided per hour in this session (None: too early to say)."""
        elapsed = (monotonic() if now is None else now) - self.started
        if elapsed < PACE_AFTER_SECONDS or self.decided <= 0:
            return None
        return self.decided * 3600 / elapsed

    def pace(self, remaining: int, now: float | None = None) -> str | None:
        """Claims per hour and the time left at this session's pace, in words (None: too early to say)."""
        rate = self.per_hour(now)
        if rate is None:
            return None
        if remaining <= 0:
            return f"{rate:.0f} claims/h, none left"
        return f"{rate:.0f} claims/h, about {duration_words(remaining * 3600 / rate)} left"

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
        rate = self.per_hour()
        if rate is not None:
            text += f", {rate:.0f} claims/h"
        return text + f"; {done} of {total} claims done. Every decision is saved."


def duration_words(seconds: float) -> str:
    """A time left in words a reviewer reads at a glance: "40 min", "3 h 5 min", "2 days 4 h"."""
    minutes = max(1, round(seconds / 60))
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} days {hours} h" if hours else f"{days} days"
