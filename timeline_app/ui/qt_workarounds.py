"""Work-arounds for bugs in the Qt bindings, each detected rather than assumed from a version."""

from __future__ import annotations

import ctypes
import sys

from timeline_app.logs import log

_applied = False


def keep_none_alive() -> None:
    """Stop PySide6 6.12.0 from crashing the app with "Fatal Python error: deallocating None".

    Its wheels drop one reference to None on every Qt call that returns nothing. From Python
    3.12 None is immortal and nothing happens; on 3.11 None's count (a few thousand at start)
    reaches zero after a few thousand calls, which one repaint of the window can make. When the
    probe sees the leak, None gets references enough for any session. None is never freed, so
    the extra count costs nothing.
    """
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(16):
        probe.setObjectName("probe")
    if sys.getrefcount(None) > before - 8:
        return
    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt, the first field of any object
    count.value += 1 << 60
    _applied = True
    log.info("applied the work-around for the Qt bindings' lost references to None")
