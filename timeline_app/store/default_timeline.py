"""Which timeline opens when none is named: the bundled one, read-only from the installed package,
unless the user changed the copy that version 0.1.0 made in their data folder.

0.1.0 copied the bundled database to DATA/timeline.db on first start and worked on that copy, so
corrected data in a newer version never reached it. Now: a copy still holding exactly what 0.1.0
shipped is retired (renamed beside itself, not deleted); a changed one is the user's own file,
opened by default, and the user is told once where it is.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path

from timeline_app.store.fingerprint import RELEASE_0_1_0, content_fingerprint

LEGACY_NAME = "timeline.db"
RETIRED_NAME = "timeline.db.retired-0.1.0-copy"
TOLD_MARKER = "timeline.db.owner-told"


@dataclass(frozen=True)
class DefaultTimeline:
    path: Path
    read_only: bool  # the bundled file: nothing may write to it
    tell_user: bool = False  # a kept 0.1.0 copy the user has not yet been told about


def default_timeline(data_dir: Path, bundled: Path) -> DefaultTimeline:
    """The timeline to open when none is named (see the module's docstring)."""
    legacy = data_dir / LEGACY_NAME
    if not legacy.is_file():
        return DefaultTimeline(bundled, read_only=True)
    try:
        unchanged = content_fingerprint(legacy) == RELEASE_0_1_0
    except sqlite3.Error:  # damaged or foreign: opening it will say so and offer a way out
        return DefaultTimeline(legacy, read_only=False)
    if unchanged:  # nothing of the user's in it: the bundled data, corrected since, replaces it
        _retire(legacy)  # if the folder cannot be written, it stays, and is simply not used
        return DefaultTimeline(bundled, read_only=True)
    return DefaultTimeline(legacy, read_only=False, tell_user=not (data_dir / TOLD_MARKER).exists())


def mark_user_told(data_dir: Path) -> None:
    """Remember that the user was told where their kept copy is."""
    with suppress(OSError):
        (data_dir / TOLD_MARKER).touch()


def _retire(legacy: Path) -> bool:
    """Fold the copy's write-ahead log into it and rename it aside; False if that cannot be done."""
    try:
        with closing(sqlite3.connect(legacy)) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.execute("PRAGMA journal_mode = DELETE")
        target = legacy.with_name(RETIRED_NAME)
        if target.exists():
            target = legacy.with_name(f"{RETIRED_NAME}-{legacy.stat().st_mtime_ns}")
        legacy.rename(target)
    except (OSError, sqlite3.Error):
        return False
    for suffix in ("-wal", "-shm"):
        with suppress(OSError):
            legacy.with_name(legacy.name + suffix).unlink()
    return True
