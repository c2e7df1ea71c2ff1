"""Messages that thread workers post back to the annotation screen, which alone changes state and widgets."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from annotator.models import Annotation
from annotator.tui.loader import Around, QueueStart
from annotator.tui.state import Window


@dataclass
class QueueLoaded(Message):
    """The queue is known with its cursor on the first unlabelled claim, and the window around it is loaded."""

    start: QueueStart
    window: Window


@dataclass
class WindowLoaded(Message):
    """Pages and claims around the cursor arrived; `show` says the screen was waiting on them to show the claim."""

    around: Around
    """What was read, for the queue as it stood when the load started (`around.spec`)."""
    show: bool
    change_count: int
    """How many changes the screen had saved when the load started; later saves win over what it read."""


@dataclass
class PrefetchFailed(Message):
    """A background load the reviewer was not waiting on failed; the next move loads again and reports errors."""


@dataclass
class QueueMoved(Message):
    """The Store found where the cursor goes (a search, a go-to, the next unlabelled claim) and loaded around it."""

    reason: str
    """`filter`, `goto`, `next` (after a decision) or `undo`."""
    around: Around
    change_count: int
    wrapped: bool = False
    """`next`: the search went back to the start of the queue."""
    detail: str = ""
    """`goto`: why nothing was found, when a reason is known."""


@dataclass
class ChangeSaved(Message):
    """A decision, an edit or an undo is committed in the Store."""

    claim_id: str
    saved: Annotation | None
    """The claim's decision now (None: no label)."""
    previous: Annotation | None
    """The decision before this change, for the undo stack."""
    kind: str
    """`decision` (then move on), `edit` (note or flag on a labelled claim: stay) or `undo`."""
    reserved: "ClaimReserved | None" = None
    """Routing: the next claim, reserved in the same worker right after the decision was committed."""


@dataclass
class StoreRetrying(Message):
    """The database did not answer; the save is being tried again and nothing is shown as saved yet."""

    doing: str
    attempt: int
    attempts: int
    message: str


@dataclass
class StoreFailed(Message):
    """A Store call raised; nothing changed and the reviewer must be told."""

    doing: str
    """What was being done, e.g. "save the decision"."""
    message: str


@dataclass
class ClaimReserved(Message):
    """Routing: the next claim reserved for this annotator (None: none left for them), with what it needs to show."""

    claim_id: str | None
    window: Window
    released: str | None
    """The claim given back to the queue first (a skip), if any."""
    skipped: frozenset[str]
    """The claims this annotator skipped that routing left out."""


@dataclass
class ClaimTaken(Message):
    """Routing: a decision was refused because another reviewer took the claim's last place; nothing was saved."""

    claim_id: str


@dataclass
class ClaimReleased(Message):
    """Routing: the claim on screen was given back to the queue (on quit)."""

    claim_id: str
