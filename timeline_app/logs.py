"""Logging to a file the user can send us, with the latest lines kept for the error dialog."""

from __future__ import annotations

import collections
import errno
import faulthandler
import logging
import os
import stat
import tempfile
from pathlib import Path

from timeline_app import paths

log = logging.getLogger("timeline_app")
LOG_NAME = "timeline-app.log"
CRASH_LOG_NAME = "timeline-app-crash.log"


class RecentLines(logging.Handler):
    """Keeps the last lines logged, so an error report can show what led up to it."""

    def __init__(self, size: int = 200) -> None:
        super().__init__()
        self.lines: collections.deque[str] = collections.deque(maxlen=size)

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


class RotatingLog(logging.FileHandler):
    """A log file that, before it would grow past max_bytes, moves to NAME.1 (NAME.1 to NAME.2,
    and so on, keeping `backups`) and starts again: logging.handlers' rotation, without the
    sockets and pickling that module loads on the way to the window."""

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__(path, encoding="utf-8")
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._would_overflow(record):
                self._rotate()
        except Exception:  # as logging does: a failing log must not stop the app
            self.handleError(record)
            return
        super().emit(record)

    def _would_overflow(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        line = self.format(record) + self.terminator
        self.stream.seek(0, os.SEEK_END)
        return self.stream.tell() > 0 and self.stream.tell() + len(line.encode()) > self.max_bytes

    def _rotate(self) -> None:
        self.stream.close()
        self.stream = None
        name = self.baseFilename
        for number in range(self.backups - 1, 0, -1):
            if os.path.exists(f"{name}.{number}"):
                os.replace(f"{name}.{number}", f"{name}.{number + 1}")
        os.replace(name, f"{name}.1")
        self.stream = self._open()


recent = RecentLines()
_file_handler: RotatingLog | None = None
_crash_log = None  # the open file faulthandler writes to; it must stay open


def setup_logging() -> Path | None:
    """Send the app's log to the recent lines and to a rotating file; returns the file.

    The file goes in the data folder, or, when that cannot be written, in this user's own
    folder in the system's temporary folder: an unwritable data folder must not stop the app,
    nor hide the log. None when no file could be made at all.
    """
    global _file_handler
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    root = logging.getLogger()
    if recent not in root.handlers:
        recent.setFormatter(formatter)
        root.setLevel(logging.INFO)
        root.addHandler(recent)
    if _file_handler is not None:
        return Path(_file_handler.baseFilename)
    for folder in (paths.user_data_dir() / "logs", None):
        try:
            if folder is None:
                folder = _private_temporary_folder()
            folder.mkdir(parents=True, exist_ok=True)
            _file_handler = RotatingLog(folder / LOG_NAME, max_bytes=1_000_000, backups=3)
        except OSError as error:
            where = folder or error.filename
            recent.lines.append(f"cannot log to {where}: {error.strerror or error}")
            continue
        _file_handler.setFormatter(formatter)
        root.addHandler(_file_handler)
        _record_crashes(folder / CRASH_LOG_NAME)
        return folder / LOG_NAME
    return None


def _record_crashes(path: Path) -> None:
    """Have a crash of the interpreter or of Qt itself (a segfault, an abort) leave its Python
    traceback in path, appended: the log file cannot record a process that dies at once."""
    global _crash_log
    if _crash_log is not None:
        return
    try:
        _crash_log = path.open("a", encoding="utf-8")
    except OSError as error:
        log.warning("crashes will not be recorded in %s: %s", path, error.strerror or error)
        return
    faulthandler.enable(_crash_log, all_threads=True)


def _private_temporary_folder() -> Path:
    """The same folder on every run, in the system's temporary folder, owned by this user only."""
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    folder = Path(tempfile.gettempdir()) / f"timeline-app-{user}" / "logs"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    for part in (folder.parent, folder):
        info = part.lstat()
        if stat.S_ISLNK(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
            raise OSError(errno.EPERM, "it belongs to another user", str(part))
    return folder


def stop_logging_to_file() -> None:
    """Close the log file (the next setup_logging chooses one again)."""
    global _file_handler
    if _file_handler is not None:
        logging.getLogger().removeHandler(_file_handler)
        _file_handler.close()
        _file_handler = None


def log_file_hint() -> str:
    """Where the log is written, to name in a message."""
    if _file_handler is not None:
        return _file_handler.baseFilename
    return "no log file (none could be written)"
