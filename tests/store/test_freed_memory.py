"""The C library keeps freed memory for the next selection of a large timeline (glibc only)."""

import platform
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


def test_loading_a_large_timeline_index_asks_for_it(monkeypatch):
    from timeline_app.store import freed_memory, vector_index

    asked = []
    monkeypatch.setattr(vector_index, "keep_freed_memory", lambda: asked.append(1) or True)
    vector_index.VectorIndex([1], [1], [1], [0], [-1], [0], theme_slugs=[])
    assert asked == [1]
    assert freed_memory.MAPPED_FROM >= 8 << 20  # a million events' array comes from the heap
