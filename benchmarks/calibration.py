"""The yardsticks every benchmark run measures beside its figures, so runs on different machines
and days can be compared: a fixed pure-Python workload, and the reference machine's figures.

    python benchmarks/calibration.py      # the workload's time here, median of 5

Targets are stated for the reference machine (2 cores, AMD EPYC, Python 3.11, where a bare
PySide6 window starts in 0.17 s); `scaled` turns one into the same target on this machine.
"""

from __future__ import annotations

import statistics
import time

# The reference machine, once: the bare window's cold start (issue 14, 2026-11-23) and the
# workload below (2026-11-30; on that virtual machine it ranged 0.11-0.23 s between processes,
# so one run's multiples are more comparable than its milliseconds).
REFERENCE_BARE_WINDOW_S = 0.17
REFERENCE_WORKLOAD_S = 0.20
_ROUNDS = 27
_CHECK = 8638  # what the workload returns; a different number means a different workload


def workload() -> int:
    """A fixed piece of dict, list, string and sort work, the kind the app's Python does."""
    total = 0
    for round_ in range(_ROUNDS):
        table: dict[int, int] = {}
        for i in range(4000):
            key = (i * 7919 + round_) % 5003
            table[key] = table.get(key, 0) + i
        items = sorted(table.items(), key=lambda pair: (pair[1] % 97, pair[0]))
        words = [f"w{key % 311}" for key, _ in items]
        total += len(set(words)) + items[0][0]
    return total


def workload_seconds(runs: int = 5) -> float:
    """Median seconds of the workload on this machine, now."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        result = workload()
        samples.append(time.perf_counter() - start)
        if result != _CHECK:
            raise RuntimeError(f"the calibration workload changed (gave {result})")
    return statistics.median(samples)


def slowdown(workload_s: float) -> float:
    """How many times slower than the reference machine this one is, by the workload."""
    return workload_s / REFERENCE_WORKLOAD_S


def scaled(target: float, workload_s: float) -> float:
    """A target stated for the reference machine, as the same target on this machine."""
    return target * slowdown(workload_s)


if __name__ == "__main__":
    seconds = workload_seconds()
    print(f"workload {seconds:.3f} s here, {REFERENCE_WORKLOAD_S:.3f} s on the reference machine "
          f"({slowdown(seconds):.2f}×)")  # fmt: skip
