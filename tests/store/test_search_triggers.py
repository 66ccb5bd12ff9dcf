"""The full-text index follows events and citations through triggers, whoever writes the file."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from timeline_app.store.database import open_database
from timeline_app.store.search import search_row
from timeline_app.store.triggers import fold_sql
from timeline_app.timeline.folding import PLAIN_LETTERS, fold_letters

OLD_FILE = Path(__file__).parents[1] / "data" / "timeline-0.1.0.db"
SEARCH_COLUMNS = "SELECT rowid, title, summary, quotes FROM events_fts ORDER BY rowid"


def _index_from_python(connection: sqlite3.Connection) -> list[tuple]:
    """The index as the app's Python writes it (store/search.py's search_row) from the tables."""
    quotes: dict[int, list[str]] = {}
    for event_id, quote in connection.execute(
        "SELECT event_id, quote FROM citations ORDER BY event_id, position, id"
    ):
        quotes.setdefault(event_id, []).append(quote)
    events = connection.execute("SELECT id, title, summary FROM events ORDER BY id")
    return [search_row(i, title, summary, quotes.get(i, ())) for i, title, summary in events]


def test_the_sql_fold_is_fold_letters_for_every_letter():
    with closing(sqlite3.connect(":memory:")) as connection:
        letters = [chr(code) for code in PLAIN_LETTERS]
        for text in [*letters, "".join(letters), "Qırmızı Qəsəbə, Łódź, Øresund, Đakovo"]:
            folded = connection.execute(f"SELECT {fold_sql('?')}", (text,)).fetchone()[0]
            assert folded == fold_letters(text), text


@pytest.fixture
def migrated(tmp_path) -> Path:
    copy = tmp_path / "timeline.db"
    shutil.copyfile(OLD_FILE, copy)
    open_database(copy).close()
    return copy


def test_another_programs_changes_are_found_by_search_on_a_migrated_0_1_0_file(migrated):
    with closing(sqlite3.connect(migrated)) as other, other:  # a program that knows no folding
        other.execute("PRAGMA foreign_keys = ON")
        assert _index_from_python(other) == other.execute(SEARCH_COLUMNS).fetchall()
        event_id, source_id = other.execute(
            "SELECT event_id, source_id FROM citations ORDER BY id LIMIT 1"
        ).fetchone()
        other.execute("UPDATE events SET title = 'Zərdabi ilə görüş' WHERE id = ?", (event_id,))
        other.execute(
            "INSERT INTO citations (event_id, source_id, position, quote) "
            "VALUES (?, ?, 99, 'Şəki və Qəbələ')",
            (event_id, source_id),
        )
        other.execute("UPDATE citations SET quote = 'Gəncə' WHERE event_id = ? AND position = 0",
                      (event_id,))  # fmt: skip
        deleted = other.execute("SELECT max(id) FROM events").fetchone()[0]
        other.execute("DELETE FROM events WHERE id = ?", (deleted,))
        other.execute(
            "INSERT INTO events (id, key, start, approximate, start_day, end_day, sort_key, "
            "title, summary) VALUES (9999, 'new', '2025', 0, 1, 2, '2025', 'Ağdam', 'Xankəndi')"
        )
        assert _index_from_python(other) == other.execute(SEARCH_COLUMNS).fetchall()
        row = other.execute("SELECT * FROM events_fts WHERE rowid = ?", (event_id,)).fetchone()
        assert row[0] == "Zerdabi ile görüş" and row[2].startswith("Gence\n")
        assert row[2].endswith("\nŞeki ve Qebele")
        assert other.execute("SELECT count(*) FROM events_fts WHERE rowid = ?", (deleted,)
                             ).fetchone() == (0,)  # fmt: skip
        assert other.execute(
            "SELECT rowid FROM events_fts WHERE events_fts MATCH 'xankendi'"
        ).fetchall() == [(9999,)]


def test_citations_changing_drop_the_saved_index(migrated):
    with closing(sqlite3.connect(migrated)) as other, other:
        other.execute("INSERT INTO index_cache (name, data) VALUES ('x', x'00')")
        other.execute("UPDATE citations SET quote = 'changed' WHERE id = 1")  # rank unchanged
        assert other.execute("SELECT count(*) FROM index_cache").fetchone() == (1,)
        other.execute("DELETE FROM citations WHERE id = 1")
        assert other.execute("SELECT count(*) FROM index_cache").fetchone() == (0,)


def test_the_migrated_file_has_the_schema_and_triggers_of_a_new_one(migrated, tmp_path):
    fresh = tmp_path / "fresh.db"
    open_database(fresh, create=True).close()
    sql = (
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'table') ORDER BY name"
    )

    def schema(path):
        with closing(sqlite3.connect(path)) as connection:
            rows = connection.execute(sql).fetchall()
            columns = {
                name: connection.execute(f"PRAGMA table_info('{name}')").fetchall()
                for kind, name, _ in rows
                if kind == "table"
            }
        return {(kind, name) for kind, name, _ in rows}, columns

    assert schema(migrated) == schema(fresh)
    names, columns = schema(fresh)
    assert ("table", "source_texts") in names
    assert "verified_in" in [column[1] for column in columns["citations"]]


def test_bulk_writing_indexes_each_event_with_its_quotes_and_keeps_the_triggers(tmp_path):
    from timeline_app.store.errors import StoreBug
    from timeline_app.store.writing import add_events, write_timeline
    from timeline_app.timeline.dates import DateSpan
    from timeline_app.timeline.events import Citation, Event, Source, Theme

    theme, source = Theme("t", "T", "#000000"), Source("s", "S", "s.txt")
    events = [
        Event(f"e{n}", DateSpan.parse("2001"), f"Qəbələ {n}", "Summary", (theme,),
              (Citation(f"first {n}", source), Citation(f"ikinci {n} ə", source)))
        for n in range(7)
    ]  # fmt: skip
    db = open_database(tmp_path / "bulk.db", create=True)
    try:
        write_timeline(db, "Bulk", (theme,), (source,), events)
        with closing(sqlite3.connect(db.path)) as connection:
            assert _index_from_python(connection) == connection.execute(SEARCH_COLUMNS).fetchall()
        assert db.read("SELECT quotes FROM events_fts WHERE rowid = 1") == [
            ("first 0\nikinci 0 e",)
        ]
        stranger = Source("unknown", "Not stored", "x.txt")
        cites_a_stranger = Event("e9", DateSpan.parse("2002"), "X", "", (theme,),
                                 (Citation("q", stranger),))  # fmt: skip
        triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        kept = db.read(triggers)
        assert len(kept) == 18
        with pytest.raises(StoreBug, match="FOREIGN KEY"):
            add_events(db, [cites_a_stranger])
        assert db.read("SELECT count(*) FROM events") == [(7,)]
        assert db.read(triggers) == kept  # set aside and put back in one transaction, undone
        add_events(db, [Event("e8", DateSpan.parse("2003"), "Ağdam", "", (theme,))])
        assert db.read(triggers) == kept
        assert db.read("SELECT rowid FROM events_fts WHERE events_fts MATCH 'agdam'") == [(8,)]
    finally:
        db.close()


def test_migration_0004_made_the_triggers_that_triggers_py_generates_today():
    # 0004 holds its triggers as literals; when triggers.py changes, this fails: the change
    # belongs in a new migration, and this test then compares 0004 with the SQL of its day.
    import importlib

    from timeline_app.store.triggers import INDEX_CACHE_TRIGGERS, SEARCH_TRIGGERS, create_statements

    migration = importlib.import_module("timeline_app.store.migrations.versions.0004_editing")
    today = SEARCH_TRIGGERS | INDEX_CACHE_TRIGGERS
    assert list(migration.TRIGGERS) == list(today)
    assert list(migration.TRIGGERS.values()) == create_statements(today)


def test_bulk_writing_puts_back_exactly_the_triggers_the_file_had(tmp_path):
    from timeline_app.store.writing import add_events, write_timeline
    from timeline_app.timeline.dates import DateSpan
    from timeline_app.timeline.events import Event, Theme

    theme = Theme("t", "T", "#000000")
    path = tmp_path / "own.db"
    open_database(path, create=True).close()
    own = (
        "CREATE TRIGGER events_delete_indexes_search AFTER DELETE ON events "
        "BEGIN DELETE FROM events_fts WHERE rowid = old.id;   END"
    )  # a file's own variant (as an older or newer version of the app may have made it)
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("DROP TRIGGER events_delete_indexes_search")
        connection.execute(own)
        connection.execute("DROP TRIGGER citations_delete_drops_index_cache")  # and one less
    triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    with closing(sqlite3.connect(path)) as connection:
        before = connection.execute(triggers).fetchall()
    db = open_database(path)
    try:
        write_timeline(db, "Own", (theme,), (), [Event("e1", DateSpan.parse("2001"), "A", "", ())])
        add_events(db, [Event("e2", DateSpan.parse("2002"), "B", "", ())])
        assert db.read(triggers) == before
    finally:
        db.close()
