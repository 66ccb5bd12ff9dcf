"""Known problems with a database, told apart from bugs by SQLite's error code.

A known problem (the file is locked, damaged, read-only, the disk is full) is a StoreError: its
message is written for the user, who can act on it. Any other SQLite error (a missing column, a
broken constraint, a misused connection) is a bug in this app: StoreBug, which is not a
StoreError, so it reaches the crash handler, is logged with its traceback and reported as one.
"""

from __future__ import annotations

import os
from pathlib import Path

from timeline_app.timeline.phrases import QT_TRANSLATE_NOOP, Phrase


class StoreError(Exception):
    """A problem the user can act on: the message is written for them."""


class DatabaseMissing(StoreError):
    pass


class NotADatabase(StoreError):
    pass


class DatabaseLocked(StoreError):
    pass


class DatabaseCorrupt(StoreError):
    pass


class DatabaseTooNew(StoreError):
    pass


class DatabaseNotWritable(StoreError):
    pass


class DiskFull(StoreError):
    pass


class EditConflict(StoreError):
    """An undo or redo no longer fits the file: another window or program changed what it
    touches since."""

    def __init__(self, reason: Phrase | None = None, *, gone_from: str | None = None) -> None:
        """reason: what was found (a rule the step would now break), said after the sentence;
        gone_from: the table whose row the step starts from, when that row has gone."""
        self.reason = reason
        self.gone_from = gone_from
        said = QT_TRANSLATE_NOOP(
            "editing",
            "Another window or program changed this part of the timeline since, so this step "
            "cannot be made again.",
        )
        if reason is not None:
            said = QT_TRANSLATE_NOOP(
                "editing",
                "Another window or program changed this part of the timeline since, so this step "
                "cannot be made again: {reason}",
            )
        values = (("reason", reason),) if reason is not None else ()
        self.phrase = Phrase("editing", said, values)
        super().__init__(str(self.phrase))


class UnknownTheme(StoreError):
    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(f"Unknown theme “{name}”. Known themes: {', '.join(known)}.")
        self.name = name
        self.known = known


class StoreBug(Exception):
    """SQLite refused what this app asked of it: a bug, not something the user can fix."""


def error_name(error: BaseException) -> str | None:
    """SQLite's primary error name ("SQLITE_BUSY" for SQLITE_BUSY_SNAPSHOT), if it gave one."""
    error = getattr(error, "orig", None) or error  # SQLAlchemy wraps sqlite3's error
    name = getattr(error, "sqlite_errorname", None)
    return "_".join(name.split("_")[:2]) if name else None


def explain_sqlite_error(error: BaseException, path: object) -> StoreError | StoreBug:
    """The StoreError saying in words what went wrong, or a StoreBug for an error of ours."""
    name = error_name(error)
    detail = str(getattr(error, "orig", None) or error)
    if name in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return DatabaseLocked(f"{path} is locked by another program. Close it and try again.")
    if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
        return DatabaseCorrupt(
            f"{path} is damaged and cannot be read ({detail}). Open a backup or another file."
        )
    if name in ("SQLITE_READONLY", "SQLITE_PERM"):
        return DatabaseNotWritable(f"{path} cannot be written ({_why_not_writable(path)}).")
    if name == "SQLITE_CANTOPEN":
        return DatabaseNotWritable(f"{path} cannot be opened ({_why_not_writable(path)}).")
    if name == "SQLITE_FULL":
        return DiskFull(f"The disk holding {path} is full. Free some space and try again.")
    if name in ("SQLITE_IOERR", "SQLITE_NOLFS"):
        return StoreError(f"{path} could not be read or written: the disk reported an error.")
    if name == "SQLITE_NOMEM":
        return StoreError(f"There was not enough memory to read {path}.")
    return StoreBug(f"{path}: {name or type(error).__name__}: {detail}")


def _why_not_writable(path: object) -> str:
    """Which of the file or its folder refuses writing: SQLite writes its journal beside it."""
    file = Path(str(path))
    if not os.access(file.parent, os.W_OK):
        return f"its folder {file.parent} cannot be written, and SQLite needs to write beside it"
    if file.exists() and not os.access(file, os.W_OK):
        return "the file is read-only"
    return "SQLite was refused access to it"
