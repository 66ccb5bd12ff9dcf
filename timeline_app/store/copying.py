"""Save a Copy: the whole timeline file, written beside the target and moved into place whole."""

from __future__ import annotations

import contextlib
import sqlite3
from contextlib import closing
from pathlib import Path

from timeline_app.part_files import (
    move_into_place,
    new_part,
    refuse_read_only,
    remove_abandoned_parts,
)
from timeline_app.store.errors import StoreError, explain_sqlite_error


def copy_timeline(source: Path, target: Path) -> None:
    """Copy the timeline at source (with what is still in its write-ahead log) to target,
    replacing target only once the copy is complete."""
    if source.resolve() == target.resolve():
        raise StoreError(f"{target} is the timeline itself; choose another name for the copy.")
    try:
        refuse_read_only(target)
    except PermissionError:
        raise StoreError(
            f"{target} is read-only; choose another name, or make it writable first."
        ) from None
    remove_abandoned_parts(target.parent)
    temporary = new_part(target)
    try:
        reading = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        with closing(reading) as reader, closing(sqlite3.connect(temporary)) as writer:
            reader.backup(writer)
            writer.execute("PRAGMA journal_mode = DELETE")
        move_into_place(temporary, target)
    except sqlite3.Error as error:
        raise explain_sqlite_error(error, source) from error
    except OSError as error:
        raise StoreError(f"Cannot write {target}: {error.strerror or error}.") from error
    finally:
        for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
