"""Messages posted to the screens: a worker's job came back, or it has something to say while still running."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from annotator.session import Notice


@dataclass
class JobDone(Message):
    """A job ran in a worker thread; the screen hands `outcome` to its session."""

    outcome: object


@dataclass
class JobReport(Message):
    """A job still running has news for the reviewer (the database is not answering, a save is being retried)."""

    notice: Notice


@dataclass
class RetrainDone(Message):
    """The retrain worker finished: a new model is in use (and the unlabelled claims re-scored), or why not."""

    outcome: object
