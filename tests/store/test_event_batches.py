"""Events written in bulk: every value stored exactly as given, whichever way the rows travel
(as JSON, or row by row where JSON would cut a text at a NUL character)."""

from __future__ import annotations

import random
import sqlite3

import pytest

from timeline_app.store.database import open_database
from timeline_app.store.errors import StoreBug
from timeline_app.store.event_batches import _Table
from timeline_app.store.event_rows import event_values
from timeline_app.store.search import search_row
from timeline_app.store.writing import add_events, add_sources, add_themes
from timeline_app.timeline.dates import DateSpan, PartialDate
from timeline_app.timeline.events import Citation, Event, Source, Theme
from timeline_app.timeline.importance import Importance

THEMES = (Theme("diplomacy", "Diplomacy", "#0072B2"), Theme("energy", "Energy", "#E69F00"))
SOURCES = (Source("s1", "One", "one.txt"), Source("s2", "Two", "two.txt", url="https://x.org"))
# Texts SQLite's JSON and sqlite3 must both keep exactly: quotes, backslashes, escapes, letters
# beyond the first plane, numbers as text, line separators.
ODD = ['"quoted" \\ back', "tab\tand\nline", "1991", "Qəbələ 🙂 \u2028 end", "", "&lt;b&gt;"]


def _events(rng: random.Random, count: int, nul: bool) -> list[Event]:
    events = []
    for n in range(count):
        text = rng.choice(ODD) + (" \x00 after a NUL" if nul and n == count // 2 else "")
        start = PartialDate(rng.randint(1, 2025), rng.choice((None, 2)), None)
        themes = tuple(rng.sample(THEMES, rng.randint(0, 2)))
        citations = tuple(
            Citation(rng.choice(ODD), rng.choice(SOURCES), verified_in=rng.choice((None, "ab")))
            for _ in range(rng.randint(0, 3))
        )
        events.append(
            Event(
                f"e{n}", DateSpan(start, None, rng.random() < 0.5), f"Title {n} {text}", text,
                themes, citations, importance=rng.choice((None, *Importance)),
                date_basis=rng.choice(("documents", "general knowledge")),
            )
        )  # fmt: skip
    return events


def _expected(events: list[Event], theme_ids: dict[str, int]) -> list[list[tuple]]:
    """The four tables' rows, worked out in Python from the events (ids from 1)."""
    rows: list[list[tuple]] = [[], [], [], []]
    for event_id, event in enumerate(events, 1):
        primary = theme_ids[event.themes[0].slug] if event.themes else None
        rows[0].append((event_id, event.key, *event_values(
            event.when, event.title, event.summary, event.importance, event.date_basis, primary,
        )))  # fmt: skip
        rows[1] += [(event_id, theme_ids[theme.slug]) for theme in event.themes]
        rows[2] += [
            (event_id, c.source.id, i, c.quote, c.verified_in)
            for i, c in enumerate(event.citations)
        ]
        quotes = [c.quote for c in event.citations]
        rows[3].append(search_row(event_id, event.title, event.summary, quotes))
    return rows


@pytest.mark.parametrize("nul", [False, True])
def test_events_in_bulk_are_stored_exactly_as_given(tmp_path, nul):
    events = _events(random.Random(5), 40, nul)
    db = open_database(tmp_path / "a.db", create=True)
    try:
        add_themes(db, THEMES)
        add_sources(db, SOURCES)
        statements: list[str] = []
        db._connection.set_trace_callback(statements.append)
        add_events(db, events, batch=16)  # the NUL, if any, in the second batch of three
        db._connection.set_trace_callback(None)
        stored = [
            db.read("SELECT * FROM events ORDER BY id"),
            db.read("SELECT event_id, theme_id FROM event_themes ORDER BY rowid"),
            db.read("SELECT event_id, source_id, position, quote, verified_in FROM citations "
                    "ORDER BY id"),
            db.read("SELECT rowid, title, summary, quotes FROM events_fts ORDER BY rowid"),
        ]  # fmt: skip
        assert stored == _expected(events, dict(db.read("SELECT slug, id FROM themes")))
        assert any("\x00" in row[10] for row in stored[0]) == nul
        # Each batch's events as one JSON text, but the one with a NUL, which goes row by row.
        assert _inserts(statements, "events") == ((2, 16) if nul else (3, 0))
    finally:
        db.close()


def test_an_event_of_a_theme_not_stored_is_refused_as_a_bug(tmp_path):
    db = open_database(tmp_path / "a.db", create=True)
    try:
        add_themes(db, THEMES[:1])
        event = Event("e1", DateSpan.parse("2001"), "A", "", (THEMES[0], THEMES[1]))
        with pytest.raises(StoreBug, match="NOT NULL"):
            add_events(db, [event])
        assert db.read("SELECT count(*) FROM events") == [(0,)]
    finally:
        db.close()


def _inserts(statements: list[str], table: str) -> tuple[int, int]:
    """How many inserts into `table` took the rows as JSON, and how many one row each (from
    a trace, where a statement shows again each time a trigger of it runs)."""
    once = [s for i, s in enumerate(statements) if i == 0 or s != statements[i - 1]]
    into = [s for s in once if s.startswith(f"INSERT INTO {table} (")]
    return sum("json_each" in s for s in into), sum("json_each" not in s for s in into)


def test_a_batch_longer_than_sqlite_takes_in_one_value_goes_in_pieces(tmp_path):
    events = _events(random.Random(7), 40, nul=False)
    db = open_database(tmp_path / "a.db", create=True)
    try:
        add_themes(db, THEMES)
        add_sources(db, SOURCES)
        statements: list[str] = []
        db._connection.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 3000)  # the default is 10⁹ bytes
        db._connection.set_trace_callback(statements.append)
        add_events(db, events, batch=40)  # one batch, whose events' JSON is some 9000 bytes
        db._connection.set_trace_callback(None)
        stored = [
            db.read("SELECT * FROM events ORDER BY id"),
            db.read("SELECT event_id, theme_id FROM event_themes ORDER BY rowid"),
            db.read("SELECT event_id, source_id, position, quote, verified_in FROM citations "
                    "ORDER BY id"),
            db.read("SELECT rowid, title, summary, quotes FROM events_fts ORDER BY rowid"),
        ]  # fmt: skip
        assert stored == _expected(events, dict(db.read("SELECT slug, id FROM themes")))
        as_json, one_by_one = _inserts(statements, "events")
        assert as_json > 1 and one_by_one == 0
    finally:
        db.close()


def test_a_row_whose_json_alone_is_too_long_goes_by_itself(tmp_path):
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE notes (a, b)")
    connection.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 10_000)
    rows = [(1, "ə" * 3000), (2, "x" * 9993), (3, "short")]  # a row fits; its JSON not
    statements: list[str] = []
    connection.set_trace_callback(statements.append)
    _Table("notes", ("a", "b")).store(connection, rows)
    assert connection.execute("SELECT a, b FROM notes ORDER BY a").fetchall() == rows
    assert _inserts(statements, "notes") == (2, 1)
    connection.close()
