"""How a step's CPU time grows with its input, as a ratio: a slow or loaded machine cancels out.

Speed targets live in bench scripts; a unit test only checks that work stays linear, by timing one
input and one `times` larger in this process's CPU (`time.process_time`): about `times` as long when
the step is linear, about `times` squared when it is quadratic.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import TypeVar

Input = TypeVar("Input")


def cpu_seconds(step: Callable[[], object], repeats: int) -> float:
    """The least CPU time of a few runs of `step` (the least is the run least disturbed)."""
    best = float("inf")
    for _ in range(repeats):
        gc.collect()  # garbage left by an earlier run is not this one's work
        started = time.process_time()
        step()
        best = min(best, time.process_time() - started)
    return best


def growth(
    make: Callable[[int], Input], step: Callable[[Input], object], size: int, times: int, repeats: int = 2
) -> float:
    """How many times the CPU time of `step` on `make(size)` it takes on `make(size * times)` (the
    inputs are made before the clock starts)."""
    small, large = make(size), make(size * times)
    step(small)  # the first call loads models, compiles patterns and fills caches: not the step's work
    return cpu_seconds(lambda: step(large), repeats) / max(cpu_seconds(lambda: step(small), repeats), 1e-6)


def assert_linear(
    make: Callable[[int], Input],
    step: Callable[[Input], object],
    size: int,
    times: int = 10,
    repeats: int = 2,
) -> None:
    """Fail when `step` grows clearly faster than its input: over twice `times` (quadratic is `times`²)."""
    ratio = growth(make, step, size, times, repeats)
    assert ratio < 2 * times, f"{times} times the input took {ratio:.1f} times the CPU"
