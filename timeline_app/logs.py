"""Logging to a file the user can send us, with the latest lines kept for the error dialog."""

from __future__ import annotations

import collections
import logging
import logging.handlers

from timeline_app import paths

log = logging.getLogger("timeline_app")


class RecentLines(logging.Handler):
    """Keeps the last lines logged, so an error report can show what led up to it."""

    def __init__(self, size: int = 200) -> None:
        super().__init__()
        self.lines: collections.deque[str] = collections.deque(maxlen=size)

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


recent = RecentLines()


def setup_logging() -> None:
    """Send the app's log to the console (warnings) and to a rotating file (everything)."""
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    recent.setFormatter(formatter)
    root = logging.getLogger()
    if recent in root.handlers:
        return
    root.setLevel(logging.INFO)
    root.addHandler(recent)
    try:
        folder = paths.user_data_dir() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / "timeline-app.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return  # an unwritable data folder must not stop the app from starting
    handler.setFormatter(formatter)
    root.addHandler(handler)


def log_file_hint() -> str:
    return str(paths.user_data_dir() / "logs" / "timeline-app.log")
