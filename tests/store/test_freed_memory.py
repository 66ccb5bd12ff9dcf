"""The C library keeps freed memory for the next selection of a large timeline (glibc only)."""

import platform
import subprocess
import sys

import pytest

from timeline_app.store.freed_memory import keep_freed_memory


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
    reason="mallopt is glibc's",
)
def test_glibc_keeps_freed_memory_and_asking_again_changes_nothing():
    assert keep_freed_memory() is True
    assert keep_freed_memory() is True


# In a process of its own (this one may have asked already): the page faults of filling an
# 8 MB array, a million events' id array, and of filling another once the first is freed.
_FAULTS = """
import resource, sys
import numpy as np
from timeline_app.store.freed_memory import keep_freed_memory
if sys.argv[1] == "keep":
    assert keep_freed_memory()
def faults():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    array = np.empty(1 << 20, dtype=np.int64)
    array.fill(1)
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before
print(faults(), faults())
"""


def _faults(keep: bool) -> tuple[int, int]:
    argument = "keep" if keep else "as-is"
    done = subprocess.run(
        [sys.executable, "-c", _FAULTS, argument], capture_output=True, text=True, check=True
    )
    first, second = map(int, done.stdout.split())
    return first, second


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
    reason="mallopt is glibc's",
)
def test_a_freed_large_array_pages_are_filled_again_without_faulting():
    first, second = _faults(keep=False)
    if second < first // 2:
        pytest.skip("this C library reuses a freed 8 MB array's pages by itself")
    first, second = _faults(keep=True)
    assert first > 100  # the first array's pages are new to the process
    assert second < first // 10  # the second has the first's pages, already there


def test_loading_a_large_timeline_index_asks_for_it(monkeypatch):
    from timeline_app.store import freed_memory, vector_index

    asked = []
    monkeypatch.setattr(vector_index, "keep_freed_memory", lambda: asked.append(1) or True)
    vector_index.VectorIndex([1], [1], [1], [0], [-1], [0], theme_slugs=[])
    assert asked == [1]
    assert freed_memory.MAPPED_FROM >= 8 << 20  # a million events' array comes from the heap
