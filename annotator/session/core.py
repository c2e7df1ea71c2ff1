"""What every review session shares, whatever is decided: steps for the view, jobs for workers, undo and saving.

A session never blocks and never draws. Its methods return a `Step` (what to say, whether to redraw, which job to
run); a view runs the job in a worker thread and hands the job's outcome back to `apply`, on the UI thread.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from annotator.store import Store

Decision = TypeVar("Decision")

WAITING_KEYS_LIMIT = 50
"""Keys held while the database does not answer; further keys are refused with a word, not kept."""


@dataclass(frozen=True)
class Notice:
    """One line for the reviewer; empty text clears the line."""

    text: str
    error: bool = False


@dataclass(frozen=True)
class JobContext:
    """What a job may use in its worker thread: the Store, a way to say something now, and whether the screen closed."""

    store: Store
    report: Callable[[Notice], None]
    closed: threading.Event


class Job(Protocol):
    """A frozen snapshot of what a Store call needs; `run` happens in a worker thread and returns one outcome."""

    def run(self, context: JobContext) -> object: ...


@dataclass
class Step:
    """What the view does after a session call."""

    notice: Notice | None = None
    """None: the message line stays as it is."""
    show: bool = False
    """Redraw the claim under the cursor."""
    job: Job | None = None
    """A Store call the reviewer waits on; keys pressed meanwhile wait their turn."""
    background: Job | None = None
    """A Store call nobody waits on (prefetch, renewing a lease)."""
    prefetch: bool = False
    """Ask for `prefetch` once the reviewer pauses."""
    prepare: bool = False
    """A claim loaded ahead arrived: draw the claim a decision is likely to show, off screen."""
    bell: bool = False
    quit: bool = False


@dataclass(frozen=True)
class Change(Generic[Decision]):
    """One change to commit: a claim's decision (None: back to none) and the decision it replaces."""

    claim_id: str
    decision: Decision | None
    previous: Decision | None
    kind: str
    """`decision` (then move on), `edit` (a note, flag or claim edit: stay), `undo` or `redo`."""
    what: str = ""
    """What changed, in the reviewer's words ("contested", "the note"), for the confirmation."""


@dataclass(frozen=True)
class UndoEntry(Generic[Decision]):
    """A saved change that undo can take back: the claim and its decision before the change (None: none)."""

    claim_id: str
    previous: Decision | None


@dataclass
class DecisionLog(Generic[Decision]):
    """The undo stack and the change counter of one session."""

    undo_stack: list[UndoEntry[Decision]] = field(default_factory=list)
    redo_stack: list[UndoEntry[Decision]] = field(default_factory=list)
    """Changes undo took back, newest last: each entry holds the decision to put back."""
    change_count: int = 0
    changed_at: dict[str, int] = field(default_factory=dict)
    """For each claim saved in this session, the change number of its latest save (guards stale reads)."""

    def record(self, change: Change[Decision]) -> None:
        """Count a committed change: a decision or edit can be undone, an undo redone, and a new change ends what
        could be redone."""
        self.change_count += 1
        self.changed_at[change.claim_id] = self.change_count
        if change.kind == "undo":
            self.redo_stack.append(UndoEntry(change.claim_id, change.previous))
            return
        self.undo_stack.append(UndoEntry(change.claim_id, change.previous))
        if change.kind != "redo":
            self.redo_stack.clear()

    def changed_since(self, change_count: int) -> set[str]:
        """Claims saved after the change numbered `change_count` (a read started then is stale for them)."""
        return {claim_id for claim_id, number in self.changed_at.items() if number > change_count}

    def pop(self) -> UndoEntry[Decision] | None:
        """The last change to take back, or None when there is none."""
        return self.undo_stack.pop() if self.undo_stack else None

    def pop_redo(self) -> UndoEntry[Decision] | None:
        """The last change undo took back, to put back again, or None when there is none."""
        return self.redo_stack.pop() if self.redo_stack else None


class KeyQueue:
    """Reviewer actions run one after another: while a Store call is in flight, actions wait in order."""

    def __init__(self) -> None:
        self.busy = True
        """True while a Store call the reviewer waits on is in flight (the first load, a save, a window)."""
        self.waiting: deque[Callable[[], None]] = deque()

    def hold(self, action: Callable[[], None]) -> bool:
        """Keep an action for when the screen is free; False when too many wait already (the key is refused)."""
        if len(self.waiting) >= WAITING_KEYS_LIMIT:
            return False
        self.waiting.append(action)
        return True

    def next_action(self) -> Callable[[], None] | None:
        """The next action to run now that the screen is free, if any."""
        return self.waiting.popleft() if self.waiting and not self.busy else None


class SessionBase(Generic[Decision]):
    """The parts both sessions share: the undo log, the key queue and the switch that stops retries on close."""

    def __init__(self) -> None:
        self.log: DecisionLog[Decision] = DecisionLog()
        self.keys = KeyQueue()
        self.closed = threading.Event()
        self.retrying = False
        """A save is waiting for the database to answer again."""
        self._step = Step()

    def close(self) -> None:
        """The screen is going away: stop retrying saves."""
        self.closed.set()

    # What every session answers (each kind of session fills these in)

    def start(self) -> Step:
        """The first load."""
        raise NotImplementedError

    def apply(self, outcome: object) -> Step:
        """Take in what a job brought back."""
        raise NotImplementedError

    def decide(self, label_name: str, correction: str | None = None) -> Step:
        """Commit a label on the claim under the cursor."""
        raise NotImplementedError

    def correction_start(self) -> str | None:
        """What the correction editor starts with (None: no claim to decide)."""
        raise NotImplementedError

    def note_fields(self) -> tuple[str | None, tuple[str, ...]] | None:
        """The note and evidence of the claim under the cursor (None: no claim)."""
        raise NotImplementedError

    def set_note(self, note: str | None, evidence: tuple[str, ...] = ()) -> Step:
        raise NotImplementedError

    def saved_decision(self, claim_id: str) -> Decision | None:
        """The claim's decision as this session last saved or loaded it (None: none, or not loaded)."""
        raise NotImplementedError

    def save_change(self, change: Change[Decision]) -> None:
        """Commit a change in a job the reviewer waits on."""
        raise NotImplementedError

    def undo(self) -> Step:
        """Take back the last saved change, restoring the claim's previous decision exactly (or none)."""
        return self.put_back(self.log.pop(), "undo", "Nothing to undo.")

    def redo(self) -> Step:
        """Put back the last change undo took back."""
        return self.put_back(self.log.pop_redo(), "redo", "Nothing to redo.")

    def put_back(self, entry: UndoEntry[Decision] | None, kind: str, nothing: str) -> Step:
        """Save an undo entry's decision over the claim's current one (`kind`: undo or redo)."""
        if entry is None:
            self.say(nothing)
            return self.step()
        self.save_change(Change(entry.claim_id, entry.previous, self.saved_decision(entry.claim_id), kind))
        return self.step()

    def step_by(self, step: int) -> Step:
        raise NotImplementedError

    def skip(self) -> Step:
        raise NotImplementedError

    def leave(self) -> Step:
        raise NotImplementedError

    def prefetch(self) -> Step:
        """Load what is likely needed next, in the background (nothing, unless a session pages)."""
        return self.step()

    # Building the step a public call returns

    def say(self, text: str, *, error: bool = False) -> None:
        self._step.notice = Notice(text, error)

    def clear_message(self) -> None:
        self._step.notice = Notice("")

    def show(self) -> None:
        self._step.show = True

    def wait_on(self, job: Job) -> None:
        """Run a Store call the reviewer waits on."""
        self.keys.busy = True
        self._step.job = job

    def in_background(self, job: Job) -> None:
        self._step.background = job

    def idle(self) -> None:
        """Nothing is in flight for the reviewer: the next key may run."""
        self.keys.busy = False

    def bell(self) -> None:
        self._step.bell = True

    def prepare(self) -> None:
        """Something ahead of the cursor arrived: the view may draw the likely next claim before it is asked to."""
        self._step.prepare = True

    def quit(self) -> None:
        self._step.quit = True

    def step(self) -> Step:
        """The step built since the last call, handed to the view (a new one starts)."""
        step, self._step = self._step, Step()
        return step

    def failed_save(self, doing: str, message: str) -> None:
        """Say a change was refused: nothing saved, the claim unchanged; the keys held for after it are dropped."""
        self.keys.waiting.clear()
        self.retrying = False
        self.say(f"✖ NOT SAVED — could not {doing}: {message}. The claim is unchanged; press the key again to retry.",
                 error=True)
