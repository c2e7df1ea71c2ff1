"""One way to time a call for every benchmark script, so each figure means the same thing.

Scripts run from the repository root as modules (`python -m benchmarks.bench_queue`, as `make bench` does), so
they import this helper, the package and the test suite's PostgreSQL starter without touching `sys.path`.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Timing:
    """Wall and CPU seconds of one call (CPU time of this process, steadier on a shared machine), and its result."""

    wall: float
    cpu: float
    result: Any = None

    @property
    def wall_ms(self) -> float:
        """Wall time in milliseconds."""
        return self.wall * 1000


def measure(work: Callable[..., Any], *args: Any, **kwargs: Any) -> Timing:
    """Time one call of `work`, after a garbage collection so an earlier run's garbage is not billed to it."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    result = work(*args, **kwargs)
    return Timing(time.perf_counter() - wall, time.process_time() - cpu, result)


def best_of(runs: int, work: Callable[..., Any], *args: Any, **kwargs: Any) -> Timing:
    """The fastest (by wall time) of `runs` calls: the figure least disturbed by other work on the machine."""
    return min((measure(work, *args, **kwargs) for _ in range(runs)), key=lambda timing: timing.wall)


def ratio(ours: float, baseline: float) -> float:
    """How many times the baseline's time ours takes (below 1: faster)."""
    return ours / baseline if baseline > 0 else float("inf")
