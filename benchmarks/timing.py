"""What the benchmarks share: timing a function, best of several rounds."""

from __future__ import annotations

import time
from collections.abc import Callable


def best(function: Callable[[], int], rounds: int) -> tuple[float, int]:
    """The fastest of ``rounds`` runs, in seconds, and what the function counted."""
    times = []
    count = 0
    for _ in range(rounds):
        start = time.perf_counter()
        count = function()
        times.append(time.perf_counter() - start)
    return min(times), count
