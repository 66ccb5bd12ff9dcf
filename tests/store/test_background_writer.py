"""Writes on the writer's thread: in order, errors brought back to the caller, nothing more
written once the caller gives up."""

from __future__ import annotations

import threading

import pytest

from timeline_app.store.background_writer import BackgroundWriter
from timeline_app.store.database import open_database
from timeline_app.store.errors import StoreBug
from timeline_app.store.writing import set_setting


@pytest.fixture
def db(tmp_path):
    db = open_database(tmp_path / "new.db", create=True)
    yield db
    db.close()


def _values(db) -> list[tuple]:
    return db.read("SELECT key, value FROM settings WHERE key LIKE 'n%' ORDER BY rowid")


def test_writes_run_on_another_thread_in_the_order_given(db):
    threads = set()

    def note(n):
        def write(database):
            threads.add(threading.current_thread())
            set_setting(database, f"n{n:03d}", str(n))

        return write

    with BackgroundWriter(db, waiting=2) as writer:
        for n in range(50):
            writer.put(note(n))
    assert _values(db) == [(f"n{n:03d}", str(n)) for n in range(50)]
    assert threads and threading.current_thread() not in threads


def test_a_write_error_reaches_the_caller_and_later_writes_are_not_made(db):
    def broken(database):
        with database.transaction(edit=False) as connection:
            connection.execute("INSERT INTO no_such_table VALUES (1)")

    with pytest.raises(StoreBug, match="no_such_table"), BackgroundWriter(db) as writer:
        writer.put(lambda database: set_setting(database, "n1", "1"))
        writer.put(broken)
        for n in range(2, 20):  # raises as soon as the error is known, or on leaving
            writer.put(lambda database, n=n: set_setting(database, f"n{n}", str(n)))
    assert _values(db) == [("n1", "1")]


def test_giving_up_drops_the_writes_not_begun_and_waits_for_the_one_running(db):
    started = threading.Event()

    def slow(database):
        started.set()
        while not writer._dropping:  # still running when the caller gives up
            threading.Event().wait(0.01)
        set_setting(database, "n1", "1")

    with pytest.raises(KeyboardInterrupt), BackgroundWriter(db, waiting=3) as writer:
        writer.put(slow)
        writer.put(lambda database: set_setting(database, "n2", "2"))
        started.wait(5)
        raise KeyboardInterrupt  # the caller's error or cancellation
    assert not writer._thread.is_alive()
    assert _values(db) == [("n1", "1")]
