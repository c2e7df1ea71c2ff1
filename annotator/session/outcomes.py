"""What a job brings back from its worker thread; the session takes each in on the UI thread with `apply`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic

from annotator.session.core import Change, Decision
from annotator.session.loader import Around, QueueStart
from annotator.session.paging import Window


@dataclass(frozen=True)
class QueueLoaded:
    """The queue is known with its cursor placed, and the window around it is loaded."""

    start: QueueStart
    window: Window


@dataclass(frozen=True)
class WindowLoaded:
    """Pages and claims around the cursor arrived; `show` says the screen was waiting on them to show the claim."""

    around: Around
    """What was read, for the queue as it stood when the load started (`around.spec`)."""
    show: bool
    change_count: int
    """How many changes the session had saved when the load started; later saves win over what it read."""


@dataclass(frozen=True)
class PrefetchFailed:
    """A background load the reviewer was not waiting on failed; the next move loads again and reports errors."""


@dataclass(frozen=True)
class QueueMoved:
    """The Store found where the cursor goes (a search, a go-to, the next unlabelled claim) and loaded around it."""

    reason: str
    """`filter`, `goto`, `next` (after a decision) or `undo`."""
    around: Around
    change_count: int
    wrapped: bool = False
    """`next`: the search went back to the start of the queue."""
    detail: str = ""
    """`goto`: why nothing was found, when a reason is known."""


@dataclass(frozen=True)
class ClaimReserved:
    """Routing: the next claim reserved for this annotator (None: none left for them), with what it needs to show."""

    claim_id: str | None
    window: Window
    released: str | None
    """The claim given back to the queue first (a skip), if any."""
    skipped: frozenset[str]
    """The claims this annotator skipped that routing left out."""


@dataclass(frozen=True)
class CandidateFound:
    """Routing: the claim the next decision will reserve, found and loaded while the annotator reads (None: none)."""

    claim_id: str | None
    window: Window
    after: str
    """The claim on screen when the search started (a candidate found for an older claim is dropped)."""


@dataclass(frozen=True)
class ChangeSaved(Generic[Decision]):
    """A decision, an edit or an undo is committed in the Store; `change.decision` is what the database holds now."""

    change: Change[Decision]
    reserved: ClaimReserved | None = None
    """Routing: the next claim, reserved in the same worker right after the decision was committed."""


@dataclass(frozen=True)
class StoreFailed:
    """A Store call raised; nothing changed and the reviewer must be told."""

    doing: str
    """What was being done, e.g. "save the decision"."""
    message: str
    waited: bool = True
    """False for a background call (a prefetch): the reviewer was not waiting on it."""


@dataclass(frozen=True)
class ClaimTaken:
    """Routing: a decision was refused because another reviewer took the claim's last place; nothing was saved."""

    claim_id: str


@dataclass(frozen=True)
class ClaimReleased:
    """Routing: the claim on screen was given back to the queue (on quit)."""

    claim_id: str
