"""Building a database file from the timeline's TOML text, replacing the target only when done."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

from timeline_app.part_files import (
    move_into_place,
    new_part,
    refuse_read_only,
    remove_abandoned_parts,
)
from timeline_app.store.database import open_database
from timeline_app.store.indexing import index_of
from timeline_app.store.writing import record_quote_checks, write_timeline
from timeline_app.timeline.events import Source
from timeline_app.timeline.text_sources import load_timeline_text


def build_database(text_folder: Path, target: Path, archive: Path | None = None) -> int:
    """Write target from the TOML files in text_folder; returns how many events it holds.

    With archive (the folder of the sources' documents), each quote found in its source's
    document records the document's sha256; the documents themselves stay out of the file."""
    timeline = load_timeline_text(text_folder)
    if not target.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "its folder does not exist", str(target.parent))
    refuse_read_only(target)
    remove_abandoned_parts(target.parent)
    temporary_path = new_part(target)
    try:
        db = open_database(temporary_path, create=True)
        try:
            write_timeline(db, timeline.title, timeline.themes, timeline.sources, timeline.events)
            if archive is not None:
                record_quote_checks(db, archived_documents(archive, timeline.sources))
            index_of(db)  # built and saved inside the file, so opening it never has to write
        finally:
            db.close()
        compact_to_one_file(temporary_path)
        move_into_place(temporary_path, target)
    finally:
        for leftover in (temporary_path, *temporary_path.parent.glob(temporary_path.name + "-*")):
            leftover.unlink(missing_ok=True)
    return len(timeline.events)


def compact_to_one_file(path: Path, free_share: float = 0.0) -> None:
    """Leave a single self-contained file, on the disk: no write-ahead log beside it, and no
    more than free_share of its pages free.

    A file written once from start to end (an import) has few free pages (a few percent, where
    the search index merged its segments); rewriting it whole to drop them took longer than
    anything else but the writing itself, for a file a few percent smaller."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        free = connection.execute("PRAGMA freelist_count").fetchone()[0]
        if free > free_share * pages:
            connection.execute("VACUUM")
    with path.open("rb+") as handle:  # written without waiting for the disk (build_unseen)
        os.fsync(handle.fileno())


def archived_documents(folder: Path, sources: Iterable[Source]) -> dict[str, str]:
    """{source id: its document's text} for each source whose archived copy is in folder."""
    found = {}
    for source in sources:
        path = folder / source.archive if source.archive else None
        if path is not None and path.is_file():
            try:
                found[source.id] = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue  # unreadable: its quotes stay unchecked
    return found
