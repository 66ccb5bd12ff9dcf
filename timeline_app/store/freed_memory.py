"""Keeping freed memory in the process, so that the next selection of a large timeline reuses
pages already mapped instead of asking the system for fresh ones.

At a million events a selection is a few arrays of several megabytes each. The C library hands
arrays that large out as fresh mappings and gives them back on free, so every theme toggle or
search faulted in new pages one by one: most of a selection's time (measured 35 ms of a 47 ms
selection; about 12 ms with freed memory kept). Only where the C library has mallopt (glibc);
elsewhere nothing changes.
"""

from __future__ import annotations

import ctypes
import sys

# glibc's mallopt parameters (malloc.h).
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
# Arrays up to this size come from the heap, where freed ones are reused: a million events'
# largest array is 8 MB, a selection's temporaries as large.
MAPPED_FROM = 64 << 20
# Free memory the heap keeps rather than giving it back: a few selections' worth.
KEPT_FREE = 256 << 20

_kept = False


def keep_freed_memory() -> bool:
    """Have the C library keep freed memory for reuse (once per process); True if it does."""
    global _kept
    if _kept:
        return True
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # no mallopt here (musl): nothing to tune
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    _kept = bool(mallopt(_M_MMAP_THRESHOLD, MAPPED_FROM)) and bool(
        mallopt(_M_TRIM_THRESHOLD, KEPT_FREE)
    )
    return _kept
