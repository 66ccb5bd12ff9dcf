"""The user's working copy of the bundled timeline: the app works on it, never on the original."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from timeline_app import paths
from timeline_app.store.database import use_write_ahead_log


def user_database() -> Path:
    """The user's copy of the bundled timeline, made on first use (OSError if it cannot be)."""
    target = paths.user_database_path()
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".copying")
        shutil.copyfile(paths.bundled_database(), partial)
        with closing(sqlite3.connect(partial)) as connection:
            use_write_ahead_log(connection)
        partial.replace(target)
    return target
