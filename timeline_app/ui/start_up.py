"""Work a window defers until it has first painted: what nobody can use in the first tenth of
a second after the window appears need not keep it from appearing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# A window that is never painted (started minimised, or on a screen that shows nothing) still
# gets the work done, this long after it was asked for.
LATEST_MS = 1000


class _AfterFirstPaint(QObject):
    def __init__(self, window: QWidget, work: Callable[[], None]) -> None:
        super().__init__(window)
        self.work = work
        self.done = False
        window.installEventFilter(self)
        QTimer.singleShot(LATEST_MS, self, self.run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and not self.done:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.run)  # once this paint has reached the screen
        return False

    def run(self) -> None:
        if self.done:
            return
        self.done = True
        self.parent().removeEventFilter(self)
        self.work()
        self.deleteLater()


def after_first_paint(window: QWidget, work: Callable[[], None]) -> None:
    """Call work once the window has painted for the first time (at the latest after
    LATEST_MS), from the event loop."""
    _AfterFirstPaint(window, work)
