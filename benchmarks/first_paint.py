"""One cold start, timed from the parent's launch to the first painted window, then exit.

    python benchmarks/first_paint.py LAUNCHED_AT app [DB]   # the real app, through its command line
    python benchmarks/first_paint.py LAUNCHED_AT bare       # a bare PySide6 window with one label

Prints the seconds from LAUNCHED_AT (the parent's time.time() just before it started this
process) to the end of the window's first paint. The app runs through timeline_app.cli.main,
exactly as `timeline-app --db DB` would; the only addition is a watcher on QApplication.exec.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

LAUNCHED_AT = float(sys.argv[1])
KIND = sys.argv[2]

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


class FirstPaint(QObject):
    """Reports once the watched window has finished painting, then quits."""

    def __init__(self, window) -> None:
        super().__init__()
        self.done = False
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self.report)  # after this paint event has been handled
        return False

    def report(self) -> None:
        print(f"{time.time() - LAUNCHED_AT:.4f}", flush=True)
        QApplication.instance().quit()


def watch_first_window() -> None:
    app = QApplication.instance()
    windows = [w for w in app.topLevelWidgets() if w.isVisible()]
    app._first_paint = FirstPaint(windows[0])


if KIND == "bare":
    from PySide6.QtWidgets import QLabel

    app = QApplication(sys.argv[:1])
    label = QLabel("Timeline")
    label.resize(1400, 860)
    label.show()
    watch_first_window()
    sys.exit(app.exec())

original_exec = QApplication.exec


def exec_and_watch(*_args):
    watch_first_window()
    return original_exec()


QApplication.exec = exec_and_watch
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from timeline_app.cli import main  # noqa: E402

sys.exit(main(["--db", sys.argv[3]] if len(sys.argv) > 3 else []))
