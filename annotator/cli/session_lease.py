"""One live screen per annotator: annotate and review hold a lease on the name, renewed while the screen is open."""

from __future__ import annotations

import os
import socket
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from annotator.errors import AnnotatorError

LEASE_SECONDS = 120
"""How long a killed window keeps the name from a new one; a running window renews every third of it."""


def killed_here(holder: str) -> bool:
    """True when `holder` was a process on this machine that no longer runs (its window was killed)."""
    host, _, rest = holder.partition(" pid ")
    pid = rest.split(":", 1)[0]
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


@contextmanager
def exclusive_session(store, annotator: str) -> Iterator[None]:
    """Hold `annotator`'s session for the block; SessionTakenError (one line) while another window holds it."""
    holder = f"{socket.gethostname()} pid {os.getpid()}:{uuid.uuid4().hex}"
    store.sessions.open(annotator, holder, LEASE_SECONDS, gone=killed_here)
    stop = threading.Event()

    def renew() -> None:
        while not stop.wait(LEASE_SECONDS / 3):
            try:
                store.sessions.renew(annotator, holder, LEASE_SECONDS)
            except AnnotatorError:  # database away: the screen says so itself; the lease lapses at worst
                continue

    thread = threading.Thread(target=renew, name="session-lease", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)
        try:
            store.sessions.close(annotator, holder)
        except AnnotatorError:
            pass
