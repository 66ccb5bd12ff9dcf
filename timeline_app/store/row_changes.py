"""A change to a timeline file as the rows it writes: each row before and after, so the same
rows written one way apply it and written the other way revert it, exactly."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from timeline_app.store.errors import EditConflict

Row = dict[str, object]

# The primary key of every table a change may touch.
KEYS = {
    "themes": ("id",),
    "sources": ("id",),
    "source_texts": ("source_id",),
    "source_relations": ("source_id", "depends_on_id"),
    "events": ("id",),
    "event_themes": ("event_id", "theme_id"),
    "citations": ("id",),
}


# How SQLite says a row's key or another unique column is taken by a row already there.
TAKEN = ("SQLITE_CONSTRAINT_PRIMARYKEY", "SQLITE_CONSTRAINT_UNIQUE")


@dataclass(frozen=True)
class RowChange:
    table: str
    before: Row | None  # None: the row is not there before (an insert)
    after: Row | None  # None: it is not there after (a delete)

    def key(self) -> tuple:
        row = self.after if self.after is not None else self.before
        return tuple(row[column] for column in KEYS[self.table])


def read_rows(connection: sqlite3.Connection, table: str, where: str, parameters=()) -> list[Row]:
    """Whole rows of a table, as {column: value}."""
    cursor = connection.execute(f"SELECT * FROM {table} WHERE {where}", parameters)
    columns = [column[0] for column in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def read_one(connection: sqlite3.Connection, table: str, where: str, parameters=()) -> Row:
    """The one row a change starts from; EditConflict when it has gone since the change was
    asked for (another window or program deleted it)."""
    rows = read_rows(connection, table, where, parameters)
    if len(rows) != 1:
        raise EditConflict(gone_from=table)
    return rows[0]


def changes(table: str, before: Iterable[Row], after: Iterable[Row]) -> list[RowChange]:
    """The row changes that turn the rows before into the rows after, matched by key: deletes
    first (children before their parents, as a caller lists tables), then updates and inserts."""
    key_of = lambda row: tuple(row[column] for column in KEYS[table])  # noqa: E731
    old = {key_of(row): row for row in before}
    new = {key_of(row): row for row in after}
    gone = [RowChange(table, row, None) for key, row in old.items() if key not in new]
    kept = [RowChange(table, old.get(key), row) for key, row in new.items() if old.get(key) != row]
    return gone + kept


def write(connection: sqlite3.Connection, rows: Sequence[RowChange], *, forward: bool) -> None:
    """Write each row's after (forward) or, in reverse order, its before. Foreign keys are
    checked at commit, so rows can go in the order that reverses exactly; a row that is not
    where the change left it (another program changed it since) is an EditConflict."""
    connection.execute("PRAGMA defer_foreign_keys = ON")
    for change in rows if forward else reversed(rows):
        old, new = (change.before, change.after) if forward else (change.after, change.before)
        _write_one(connection, change.table, old, new)


def _write_one(
    connection: sqlite3.Connection, table: str, old: Row | None, new: Row | None
) -> None:
    # An update or delete matches the whole row as the change left it, not just its key, so
    # a row another program has changed since is a conflict, never silently written over.
    match_old = " AND ".join(f'"{column}" IS ?' for column in old or ())
    if new is None:
        cursor = connection.execute(f"DELETE FROM {table} WHERE {match_old}", tuple(old.values()))
    elif old is None:
        columns = ", ".join(f'"{column}"' for column in new)
        marks = ", ".join("?" * len(new))
        try:
            cursor = connection.execute(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(new.values())
            )
        except sqlite3.IntegrityError as error:  # its id or key was taken meanwhile
            if error.sqlite_errorname not in TAKEN:
                raise
            raise EditConflict() from error
    else:
        changed = [column for column in new if new[column] != old.get(column)]
        if not changed:
            return
        assignments = ", ".join(f'"{column}" = ?' for column in changed)
        cursor = connection.execute(
            f"UPDATE {table} SET {assignments} WHERE {match_old}",
            (*(new[column] for column in changed), *old.values()),
        )
    if cursor.rowcount != 1:
        raise EditConflict()
