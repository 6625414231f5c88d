"""The one timing rule of the benchmark scripts: the best of a few runs (the least disturbed by the
other work of a shared machine).

>>> best_of(lambda: sum(range(1000))) >= 0.0
True
"""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    """The shortest wall-clock time, in seconds, of ``repeat`` calls of ``fn``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)
