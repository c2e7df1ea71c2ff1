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


@contextmanager
def exclusive_session(store, annotator: str) -> Iterator[None]:
    """Hold `annotator`'s session for the block; SessionTakenError (one line) while another window holds it."""
    holder = f"{socket.gethostname()} pid {os.getpid()}:{uuid.uuid4().hex}"
    store.sessions.open(annotator, holder, LEASE_SECONDS)
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
