"""The store tells known problems from bugs by SQLite's error code, never by its message."""

from __future__ import annotations

import sqlite3

import pytest

from timeline_app.store.errors import (
    DatabaseNotWritable,
    DiskFull,
    StoreBug,
    StoreError,
    error_name,
    explain_sqlite_error,
)


def test_a_query_on_a_missing_column_is_a_bug_not_an_unreadable_file(bundled_db):
    with pytest.raises(StoreBug, match="SQLITE_ERROR") as raised:
        bundled_db.read("SELECT no_such_column FROM events")
    assert not isinstance(raised.value, StoreError)
    assert isinstance(raised.value.__cause__, sqlite3.Error)  # the traceback keeps the cause


def test_words_in_a_message_do_not_decide_the_kind(bundled_db):
    # "no such table: locked_or_corrupt" once read as a locked file
    with pytest.raises(StoreBug):
        bundled_db.read("SELECT * FROM locked_or_corrupt")


def test_a_full_disk_is_a_known_error(bundled_db):
    pages = bundled_db.read("PRAGMA page_count")[0][0]
    bundled_db.read(f"PRAGMA max_page_count = {pages}")  # as if the disk had no more room
    with pytest.raises(DiskFull, match="is full"):
        bundled_db.write(
            "INSERT INTO settings(key, value) VALUES ('filler', ?)", ("x" * 1_000_000,)
        )


def test_writing_a_file_opened_read_only_is_a_known_error(bundled_copy):
    connection = sqlite3.connect(f"file:{bundled_copy}?mode=ro", uri=True)
    try:
        connection.execute("DELETE FROM settings")
    except sqlite3.Error as error:
        assert error_name(error) == "SQLITE_READONLY"
        explained = explain_sqlite_error(error, bundled_copy)
    finally:
        connection.close()
    assert isinstance(explained, DatabaseNotWritable)
    assert str(bundled_copy) in str(explained)


def test_an_extended_code_counts_as_its_primary_one():
    error = sqlite3.OperationalError("database is locked")
    error.sqlite_errorcode, error.sqlite_errorname = 517, "SQLITE_BUSY_SNAPSHOT"
    assert error_name(error) == "SQLITE_BUSY"
    assert isinstance(explain_sqlite_error(sqlite3.ProgrammingError("closed"), "x"), StoreBug)
