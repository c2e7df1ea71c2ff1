"""Python's garbage collector kept out of the time between a key and the next claim drawn.

A collection of the older generations takes tens of milliseconds once Textual, the Store and the claim cache are
loaded, and the collector starts one whenever enough objects were allocated, which a keypress's drawing does. So the
objects alive after the first claim are frozen out of later collections, young objects are collected less often,
and the young generations are collected while the reviewer reads instead of while they wait.
"""

from __future__ import annotations

import gc

YOUNG_COLLECTION_THRESHOLD = 20_000
"""Allocations (net of frees) before an automatic collection: a few keypresses' worth, collected in pauses first."""


class QuietCollector:
    """Collects garbage in the reviewer's pauses; an automatic collection is left only as a fallback."""

    def __init__(self) -> None:
        self.frozen = False

    def start(self) -> None:
        gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, 10, 10)

    def reviewer_paused(self) -> None:
        """Collect now: at the first pause, everything and freeze what survives; then the young generations."""
        if not self.frozen:
            gc.collect()
            gc.freeze()
            self.frozen = True
        else:
            gc.collect(1)
