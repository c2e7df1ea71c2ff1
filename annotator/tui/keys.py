"""The annotation screen's key map: fixed command keys plus the configured label keys, checked for clashes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotator.errors import UsageError
from annotator.models import Label

MAX_DIGIT_LABELS = 9


@dataclass(frozen=True)
class Command:
    """One fixed command of the annotation screen: the keys that run it and what it does."""

    keys: tuple[str, ...]
    """Textual key names; the first is the one shown, the others are alternatives."""
    action: str
    """The screen action it runs."""
    description: str
    steps: tuple[int, ...] = ()
    """For a pair of keys that move one way and the other: the argument each key passes to the action."""

    def bindings(self) -> list[tuple[str, str]]:
        """(keys, action) pairs to bind: one per key when the keys take steps, else all keys to the action."""
        if self.steps:
            return [(key, f"{self.action}({step})") for key, step in zip(self.keys, self.steps)]
        return [(",".join(self.keys), self.action)]


COMMANDS: tuple[Command, ...] = (
    Command(("t",), "edit_claim", "edit the claim as extracted (text, speaker, span): fixes the extraction, no verdict"),
    Command(("s",), "skip", "skip: next claim, nothing saved"),
    Command(("z", "ctrl+z"), "undo", "undo the last saved change (several levels)"),
    Command(("r", "ctrl+y"), "redo", "redo what undo took back"),
    Command(("b",), "history", "back to your last decisions, newest first (history strip; b again: the one before)"),
    Command(("e",), "note", "note and evidence (URL or source sentence)"),
    Command(("f",), "flag", "flag / unflag for the lead (saved at once, verdict or not)"),
    Command(("w",), "why", "why this score: the formula's features, or the trained model and its version"),
    Command(("j", "down"), "move(1)", "next claim"),
    Command(("k", "up"), "move(-1)", "previous claim"),
    Command(("slash",), "search", "search and filter (/)"),
    Command(("g",), "goto", "go to a claim by number or id"),
    Command(("a",), "article", "full article, scrollable"),
    Command(("right_square_bracket", "left_square_bracket"), "scroll_context",
            "scroll the article around the claim down / up", (4, -4)),
    Command(("greater_than_sign", "less_than_sign"), "scroll_sources", "scroll the other sources down / up", (4, -4)),
    Command(("percent_sign",), "agreement", "agreement between annotators (%)"),
    Command(("question_mark",), "help", "help: keys and guidelines"),
    Command(("q",), "quit", "quit (every decision is already saved)"),
)

REVIEW_COMMANDS: tuple[Command, ...] = (
    Command(("s",), "skip", "skip: next claim, nothing saved"),
    Command(("z", "ctrl+z"), "undo", "undo the last adjudication (back to the one before)"),
    Command(("e",), "note", "note on your adjudication (kept with your verdict; q asks before dropping it)"),
    Command(("slash",), "search", "filter: only the claims flagged for the lead (anyone's flag)"),
    Command(("j", "down"), "move(1)", "next claim"),
    Command(("k", "up"), "move(-1)", "previous claim"),
    Command(("a",), "article", "full article, scrollable (label keys decide there too)"),
    Command(("right_square_bracket", "left_square_bracket"), "scroll_context",
            "scroll the article around the claim down / up", (4, -4)),
    Command(("greater_than_sign", "less_than_sign"), "scroll_sources", "scroll the other sources down / up", (4, -4)),
    Command(("percent_sign",), "agreement", "agreement between annotators (%)"),
    Command(("question_mark",), "help", "help: keys and guidelines"),
    Command(("q",), "quit", "quit (every adjudication is already saved; a note without one is asked about)"),
)
"""The review (adjudication) screen's commands; its label keys are the annotation screen's."""

KEY_DISPLAY = {"slash": "/", "question_mark": "?", "percent_sign": "%", "down": "↓", "up": "↑", "ctrl+z": "ctrl+z",
               "right_square_bracket": "]", "left_square_bracket": "[", "greater_than_sign": ">",
               "less_than_sign": "<"}


def display_key(key: str) -> str:
    """How a Textual key name is written for the reviewer."""
    return KEY_DISPLAY.get(key, key)


def reserved_keys() -> set[str]:
    """Keys that commands and digit shortcuts already use, so no label may take them."""
    keys = {key for command in COMMANDS + REVIEW_COMMANDS for key in command.keys}
    keys.update(str(digit) for digit in range(1, MAX_DIGIT_LABELS + 1))
    keys.update({"?", "/", "%", "[", "]", "<", ">", "escape", "enter", "tab"})
    return keys


def check_label_keys(labels: Sequence[Label]) -> dict[str, Label]:
    """Map each label's key to the label, refusing empty sets, multi-character keys and clashes with commands."""
    if not labels:
        raise UsageError("the label set is empty: configure at least one label")
    reserved = reserved_keys()
    by_key: dict[str, Label] = {}
    for label in labels:
        key = label.key
        if len(key) != 1 or not key.isprintable() or key.isspace():
            raise UsageError(f"label '{label.name}': key '{key}' must be one printable character")
        if key in reserved:
            raise UsageError(f"label '{label.name}': key '{key}' is already used by a command of the annotation screen")
        if key in by_key:
            raise UsageError(f"labels '{by_key[key].name}' and '{label.name}' share the key '{key}'")
        by_key[key] = label
    return by_key
