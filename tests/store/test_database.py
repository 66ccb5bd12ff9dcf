import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

import timeline_app.store.database as database
from timeline_app.store import queries
from timeline_app.store.database import KNOWN_REVISIONS, open_database
from timeline_app.store.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseTooNew,
    NotADatabase,
)


def test_the_app_knows_every_migration_it_ships_in_order():
    config = Config()
    config.set_main_option("script_location", str(Path(database.__file__).parent / "migrations"))
    scripts = ScriptDirectory.from_config(config)
    shipped = [s.revision for s in reversed(list(scripts.walk_revisions()))]
    assert tuple(shipped) == KNOWN_REVISIONS


def test_a_new_database_is_created_at_the_current_schema(tmp_path):
    db = open_database(tmp_path / "new.db", create=True)
    with db.engine.connect() as connection:
        version = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        journal = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        foreign_keys = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
    assert version == KNOWN_REVISIONS[-1]
    assert journal == "wal"
    assert foreign_keys == 1
    assert queries.total_events(db) == 0
    db.close()


def test_a_database_from_a_newer_app_is_refused_and_left_untouched(bundled_copy):
    with sqlite3.connect(bundled_copy) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    before = bundled_copy.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer version"):
        open_database(bundled_copy)
    assert bundled_copy.read_bytes() == before


OLD_FILE = Path(__file__).parents[1] / "data" / "timeline-0.1.0.db"  # as 0.1.0 made it (d6166df)


def _rows(path: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def _schema(path: Path) -> dict[str, list[tuple]]:
    tables = [row[0] for row in _rows(path, "SELECT name FROM sqlite_master WHERE type='table'")]
    return {table: _rows(path, f"PRAGMA table_info('{table}')") for table in sorted(tables)}


CONTENT = (
    'SELECT key, start, "end", approximate, title, summary FROM events ORDER BY key',
    "SELECT e.key, c.position, c.source_id, c.quote FROM citations c "
    "JOIN events e ON e.id = c.event_id ORDER BY e.key, c.position",
    "SELECT id, title, publisher, author, published, url, archive FROM sources ORDER BY id",
    "SELECT slug, name, colour FROM themes ORDER BY slug",
)


def test_a_file_made_by_0_1_0_is_backed_up_then_migrated_to_the_current_schema(tmp_path):
    copy = tmp_path / "timeline.db"
    shutil.copyfile(OLD_FILE, copy)
    before = [_rows(copy, sql) for sql in CONTENT]
    assert _rows(copy, "SELECT version_num FROM alembic_version") == [("0001",)]

    open_database(copy).close()

    backup = copy.with_name(copy.name + ".before-migration-from-0001")
    assert _rows(backup, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert [_rows(backup, sql) for sql in CONTENT] == before
    assert [_rows(copy, sql) for sql in CONTENT] == before  # the content is kept
    assert _rows(copy, "SELECT version_num FROM alembic_version") == [(KNOWN_REVISIONS[-1],)]
    fresh = tmp_path / "fresh.db"
    open_database(fresh, create=True).close()
    assert _schema(copy) == _schema(fresh)


def test_missing_files_folders_and_other_files_get_clear_errors(tmp_path):
    with pytest.raises(DatabaseMissing, match="no file"):
        open_database(tmp_path / "nothing.db")
    with pytest.raises(NotADatabase, match="folder"):
        open_database(tmp_path)
    text = tmp_path / "notes.db"
    text.write_text("SELECT * FROM events; <b>not a database</b>")
    with pytest.raises(NotADatabase, match="not an SQLite file"):
        open_database(text)
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(NotADatabase):
        open_database(empty)


def test_an_sqlite_file_of_another_program_is_not_taken_for_a_timeline(tmp_path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(NotADatabase, match="not a timeline"):
        open_database(other)
    with sqlite3.connect(other) as connection:
        assert connection.execute("SELECT name FROM sqlite_master").fetchall() == [("recipes",)]


def test_a_damaged_file_is_reported_as_damaged(bundled_copy):
    data = bytearray(bundled_copy.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # keep the header, wreck the first page
    bundled_copy.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorrupt, match="damaged"):
        open_database(bundled_copy)


def test_a_database_another_program_holds_locked_is_reported_as_locked(bundled_copy, monkeypatch):
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    blocker = sqlite3.connect(bundled_copy, timeout=0)
    blocker.execute(
        "BEGIN EXCLUSIVE"
    )  # the shipped file uses a rollback journal: this blocks reads
    try:
        with pytest.raises(DatabaseLocked, match="locked by another program"):
            open_database(bundled_copy)
    finally:
        blocker.rollback()
        blocker.close()


def test_the_bundled_file_opens_read_only_and_refuses_every_write(tmp_path):
    from timeline_app.store.errors import DatabaseNotWritable
    from timeline_app.store.writing import set_setting

    bundled = tmp_path / "bundled.db"
    shutil.copyfile(Path(__file__).parents[2] / "data.db", bundled)
    before = bundled.read_bytes()
    db = open_database(bundled, read_only=True)
    assert queries.total_events(db) > 0 and db.read_only
    with pytest.raises(DatabaseNotWritable):
        db.write("DELETE FROM settings")
    with pytest.raises(DatabaseNotWritable):
        set_setting(db, "title", "changed")
    db.close()
    assert bundled.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bundled.db"]


@pytest.mark.parametrize("read_only", [False, True])
def test_no_file_is_read_through_a_memory_map(bundled_copy, read_only):
    # A memory-mapped file that another program cuts short, or whose disk goes away, stops the
    # process with SIGBUS; read normally, it is an error the window tells.
    db = open_database(bundled_copy, read_only=read_only)
    try:
        assert db.read("PRAGMA mmap_size") == [(0,)]
        with closing(db.reading_connection()) as reading:  # the search thread's
            assert reading.execute("PRAGMA mmap_size").fetchall() == [(0,)]
    finally:
        db.close()
