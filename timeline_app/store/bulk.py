"""Writing many events at once without the per-row triggers, inside the writer's own transaction.

A trigger indexing one row at a time costs FTS5 a flush of its pending terms for each row (each
trigger statement is a savepoint): importing 10,000 events took four times the CPU with the
triggers as with one insert of all the search rows (benchmarks/import_speed.py; the numbers are
in the commit that made this). So a bulk writer drops the triggers, writes the tables and the
index rows itself, and puts the triggers back before committing: no other connection ever sees
the file without them, and a failure rolls the triggers' removal back with the rest.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from timeline_app.store.database import Database
from timeline_app.store.triggers import INDEX_CACHE_TRIGGERS, SEARCH_TRIGGERS

_PER_ROW = tuple(SEARCH_TRIGGERS | INDEX_CACHE_TRIGGERS)


@contextmanager
def bulk_writing(connection: sqlite3.Connection) -> Iterator[None]:
    """Inside the block, the caller writes the search rows of what it inserts and nothing
    drops the saved index per row (it is dropped once, here). connection: in a transaction.

    The triggers are put back exactly as the file had them (their SQL read from sqlite_master),
    not as this version of the app would write them: which triggers a file has is its
    migrations' business."""
    marks = ", ".join("?" * len(_PER_ROW))
    kept = connection.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
        _PER_ROW,
    ).fetchall()
    for name, _ in kept:
        connection.execute(f'DROP TRIGGER "{name}"')
    yield
    connection.execute("DELETE FROM index_cache")
    for _, sql in kept:
        connection.execute(sql)


class IndexesSetAside:
    """The secondary indexes of the tables events fill, dropped while a new file is filled and
    made again once it is full: one sort per index instead of an insertion per row into each
    (importing 100,000 events, the writing thread's CPU went from 27 s to 24 s). Made again from
    their own SQL, as the file had them."""

    TABLES = ("events", "event_themes", "citations")

    def __init__(self) -> None:
        self.kept: list[tuple[str, str]] = []

    def drop(self, db: Database) -> None:
        marks = ", ".join("?" * len(self.TABLES))
        with db.transaction(edit=False) as connection:
            self.kept = connection.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                f"AND tbl_name IN ({marks}) ORDER BY rowid",
                self.TABLES,
            ).fetchall()
            for name, _ in self.kept:
                connection.execute(f'DROP INDEX "{name}"')

    def make_again(self, db: Database) -> None:
        with db.transaction(edit=False) as connection:
            for _, sql in self.kept:
                connection.execute(sql)
