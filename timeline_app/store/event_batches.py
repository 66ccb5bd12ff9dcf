"""A batch of events as the rows of the four tables it fills (the events, their themes, their
citations and the search index), and the statements that store them.

Each table's rows go to SQLite as one JSON text, read back by json_each in a single statement:
SQLite then fills the table in one call that lets go of Python's lock throughout, where
executemany takes the lock back for every row; so a thread can store one batch while the reader
makes the next (background_writer.py). Themes are named by slug and their ids looked up by the
statements, so the rows can be made before the themes they name are stored. A JSON text longer
than SQLite takes as one value (SQLITE_LIMIT_LENGTH) goes in pieces that fit.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from timeline_app.store.event_rows import COLUMNS, event_values
from timeline_app.store.search import search_row
from timeline_app.timeline.events import Event

_THEME_ID = "(SELECT id FROM themes WHERE slug = {})"


@dataclass(frozen=True)
class _Table:
    """One table's insert, from a row of values (executemany) or from a JSON array of rows."""

    name: str
    columns: tuple[str, ...]
    slugs: tuple[str, ...] = ()  # columns given as a theme's slug and stored as its id

    def _value(self, column: str, value: str) -> str:
        return _THEME_ID.format(value) if column in self.slugs else value

    def _insert(self, values: list[str]) -> str:
        names = ", ".join(f'"{column}"' for column in self.columns)
        return f"INSERT INTO {self.name} ({names}) " + ", ".join(values)

    def store(self, connection: sqlite3.Connection, rows: list[tuple]) -> None:
        if not rows:
            return
        text = json.dumps(rows, ensure_ascii=False, check_circular=False)
        too_long = _over_length_limit(connection, text)
        if too_long and len(rows) > 1:  # long texts: each half as JSON, if it fits
            half = len(rows) // 2
            self.store(connection, rows[:half])
            self.store(connection, rows[half:])
            return
        if too_long or "\\u0000" in text:  # SQLite's JSON ends a text at a NUL; sqlite3 doesn't
            values = [self._value(c, "?") for c in self.columns]
            connection.executemany(self._insert(["VALUES (" + ", ".join(values) + ")"]), rows)
            return
        values = [self._value(c, f"value ->> {i}") for i, c in enumerate(self.columns)]
        select = "SELECT " + ", ".join(values) + " FROM json_each(?)"
        connection.execute(self._insert([select]), (text,))


def _over_length_limit(connection: sqlite3.Connection, text: str) -> bool:
    """True when SQLite would refuse `text` as one value ("string or blob too big"): its
    length limit counts UTF-8 bytes, at most four a character, so most texts need no count."""
    limit = connection.getlimit(sqlite3.SQLITE_LIMIT_LENGTH)
    return len(text) * 4 > limit and len(text.encode("utf-8", "surrogatepass")) > limit


_EVENTS = _Table("events", ("id", "key", *COLUMNS), slugs=("primary_theme_id",))
_EVENT_THEMES = _Table("event_themes", ("event_id", "theme_id"), slugs=("theme_id",))
_CITATIONS = _Table("citations", ("event_id", "source_id", "position", "quote", "verified_in"))
_SEARCH = _Table("events_fts", ("rowid", "title", "summary", "quotes"))


@dataclass
class EventBatch:
    """The rows of events given the ids from first_id on (their themes and sources stored, or
    to be stored before the batch)."""

    events: list[tuple]
    themes: list[tuple]
    citations: list[tuple]
    search: list[tuple]

    @classmethod
    def of(cls, events: Sequence[Event], first_id: int) -> EventBatch:
        batch = cls([], [], [], [])
        for event_id, event in enumerate(events, first_id):
            themes, citations = event.themes, event.citations
            batch.events.append((
                event_id, event.key,
                *event_values(event.when, event.title, event.summary, event.importance,
                              event.date_basis, themes[0].slug if themes else None),
            ))  # fmt: skip
            batch.themes += [(event_id, theme.slug) for theme in themes]
            batch.citations += [
                (event_id, c.source.id, i, c.quote, c.verified_in) for i, c in enumerate(citations)
            ]
            quotes = (c.quote for c in citations)
            batch.search.append(search_row(event_id, event.title, event.summary, quotes))
        return batch

    def __len__(self) -> int:
        return len(self.events)

    def store(self, connection: sqlite3.Connection) -> None:
        """Insert the rows (inside the caller's transaction, the per-row triggers set aside:
        bulk.bulk_writing)."""
        _EVENTS.store(connection, self.events)
        _EVENT_THEMES.store(connection, self.themes)
        _CITATIONS.store(connection, self.citations)
        _SEARCH.store(connection, self.search)
