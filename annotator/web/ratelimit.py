"""Failed-login limits: after a few wrong passwords from one address or for one name, logins wait.

Both keys count, because behind a reverse proxy every reviewer shares one address, and a guesser can change
addresses but not the name they are after.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable

MAX_FAILURES = 5
WINDOW_SECONDS = 60.0
MAX_TRACKED_KEYS = 10_000
"""Past this many keys, those whose failures all left the window are forgotten, so sprayed names cost no memory."""


class LoginLimiter:
    """Counts failed logins per key in a sliding window and says how long a key must wait."""

    def __init__(self, *, max_failures: int = MAX_FAILURES, window_seconds: float = WINDOW_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.max_failures = max_failures
        self.window_seconds = window_seconds
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}

    def _recent(self, key: str, now: float) -> deque[float]:
        failures = self._failures.get(key)
        if failures is None:
            return deque()
        while failures and failures[0] <= now - self.window_seconds:
            failures.popleft()
        if not failures:
            del self._failures[key]
        return failures

    def wait_seconds(self, keys: Iterable[str]) -> float:
        """Seconds until any of `keys` may try again; 0 when none is over the limit."""
        now = self._clock()
        wait = 0.0
        for key in keys:
            failures = self._recent(key, now)
            if len(failures) >= self.max_failures:
                wait = max(wait, failures[-self.max_failures] + self.window_seconds - now)
        return wait

    def failed(self, keys: Iterable[str]) -> None:
        """Record one failed attempt against each of `keys`."""
        now = self._clock()
        if len(self._failures) > MAX_TRACKED_KEYS:
            for stale in list(self._failures):
                self._recent(stale, now)
        for key in keys:
            self._recent(key, now)
            self._failures.setdefault(key, deque()).append(now)

    def succeeded(self, keys: Iterable[str]) -> None:
        """Forget the failures of `keys` once someone proved they know the password."""
        for key in keys:
            self._failures.pop(key, None)
