"""A search started ahead, at the keystroke, answers exactly as a search asked when applied."""

from __future__ import annotations

import gc
import os
import random
import sqlite3
import time
import weakref
from contextlib import closing

import pytest

from benchmarks.make_dataset import _PLACES, _WORDS, make_dataset
from timeline_app.store import queries, search_ahead
from timeline_app.store.database import open_database
from timeline_app.store.search import found_ids
from timeline_app.timeline.filter import TimelineFilter


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    path = tmp_path_factory.mktemp("ahead") / "events.db"
    make_dataset(1200, path, seed=5)
    return path


@pytest.fixture
def db(synthetic):
    opened = open_database(synthetic)
    yield opened
    search_ahead.stop_searching(opened)
    opened.close()


def _random_text(rng: random.Random) -> str:
    """What a reader might have typed so far: prefixes of words, odd case and punctuation,
    accents, a quoted phrase, or nothing searchable at all."""
    words = [
        word[: rng.randint(1, len(word))] if rng.random() < 0.6 else word
        for word in rng.sample(_WORDS + _PLACES, rng.randint(1, 3))
    ]
    text = " ".join(word.upper() if rng.random() < 0.2 else word for word in words)
    return rng.choice([text, f'"{text}"', f"{text},", f" {text}  ", "—", "", f'{text} "'])


def _never(db, text):
    raise AssertionError(f"asked SQLite again for {text!r}")


@pytest.mark.parametrize("seed", range(3))
def test_an_answer_found_ahead_is_the_fresh_query_answer(db, seed, monkeypatch):
    rng = random.Random(seed)
    for _ in range(25):
        text = _random_text(rng)
        expected = found_ids(db, text)
        search_ahead.search_ahead(db, text)
        running = search_ahead._running.get(db)
        with monkeypatch.context() as patch:
            if running is not None:  # taken from the thread, not asked again
                patch.setattr(search_ahead, "found_ids", _never)
            assert search_ahead.found_ids_ahead(db, text) == expected


def test_typing_on_keeps_only_the_newest_search(db, monkeypatch):
    started = []
    real = search_ahead._Search.start

    def start(self):
        started.append(self)
        real(self)

    monkeypatch.setattr(search_ahead._Search, "start", start)
    for text in ("p", "pi", "pip", "pip ", "pipeline"):
        search_ahead.search_ahead(db, text)
    assert [s.query for s in started] == [
        '"p"*',
        '"pi"*',
        '"pip"*',
        '"pipeline"*',
    ]  # "pip " is "pip"
    for older in started[:-1]:
        older.join(timeout=5)
        assert not older.is_alive()
    monkeypatch.setattr(search_ahead, "found_ids", _never)
    wanted = TimelineFilter(search="pipeline")
    ids = queries.event_ids(db, wanted)  # the window's path takes the newest one's answer
    monkeypatch.undo()
    assert ids == queries.event_ids(db, wanted) and len(ids) > 0
    assert list(ids) == sorted(ids, key=lambda i: queries.event_ids(db, TimelineFilter()).row_of(i))


def test_an_answer_found_before_an_edit_is_not_used(db, monkeypatch):
    search_ahead.search_ahead(db, "pipeline")
    search_ahead._running[db].join()
    db.changed()  # an edit: the answer may be stale
    asked = []
    monkeypatch.setattr(search_ahead, "found_ids", lambda db, text: asked.append(text) or "")
    assert search_ahead.found_ids_ahead(db, "pipeline") == ""
    assert asked == ["pipeline"]


def test_a_stopped_search_ends_without_an_answer_and_the_window_asks_itself(db, monkeypatch):
    search = search_ahead._Search(db, '"pi"*')
    search.stop()  # before it starts: it never queries
    search.start()
    search.join(timeout=5)
    assert search.found is None
    search_ahead._running[db] = search
    assert search_ahead.found_ids_ahead(db, "pi") == found_ids(db, "pi")


def test_a_search_that_cannot_open_the_file_gives_way_to_the_window_connection(tmp_path):
    gone = tmp_path / "gone.db"
    make_dataset(10, gone, seed=1)
    db = open_database(gone)
    word = db.read("SELECT title FROM events LIMIT 1")[0][0].split()[0]
    gone.unlink()  # the window's connection still reads it; a new one cannot open it
    try:
        search_ahead.search_ahead(db, word)
        search = search_ahead._running[db]
        search.join(timeout=5)
        assert not search.is_alive() and search.found is None
        assert search_ahead.found_ids_ahead(db, word) == found_ids(db, word) != ""
    finally:
        search_ahead.stop_searching(db)
        db.close()


def _word_in(db) -> str:
    return db.read("SELECT title FROM events LIMIT 1")[0][0].split()[0]


def test_a_file_put_in_place_of_the_window_file_is_not_searched(tmp_path):
    path, other = tmp_path / "events.db", tmp_path / "other.db"
    make_dataset(60, path, seed=1)
    make_dataset(400, other, seed=2)
    db = open_database(path)
    try:
        word = _word_in(db)
        own = found_ids(db, word)
        os.replace(other, path)  # another program renames a different file over it
        with closing(open_database(path)) as replacement:
            assert found_ids(replacement, word) != own  # so the test can tell the two apart
        search_ahead.search_ahead(db, word)
        search = search_ahead._running[db]
        search.join(timeout=5)
        assert search.found is None  # it gave no answer from the other file
        assert search_ahead.found_ids_ahead(db, word) == own == found_ids(db, word)
    finally:
        search_ahead.stop_searching(db)
        db.close()


def test_an_edit_stops_a_slow_search_rather_than_wait_for_it(tmp_path, monkeypatch):
    path = tmp_path / "events.db"
    make_dataset(60, path, seed=1)
    with closing(sqlite3.connect(path)) as connection:
        # A rollback journal, as in files from elsewhere: a reader holds off a writer's commit.
        assert connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
    slow = (  # far longer than the busy timeout the edit would wait
        "SELECT group_concat(rowid) FROM events_fts WHERE events_fts MATCH ? AND (WITH RECURSIVE"
        " c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000000)"
        " SELECT count(*) FROM c) > 0"
    )
    monkeypatch.setattr(search_ahead, "FOUND_IDS", slow)
    db = open_database(path)
    try:
        word = _word_in(db)
        search_ahead.search_ahead(db, word)
        search = search_ahead._running[db]
        while search.is_alive() and search._connection is None:
            time.sleep(0.01)
        time.sleep(0.2)  # into the query: its read lock is held
        assert search.is_alive()
        with db.transaction() as connection:
            connection.execute("UPDATE events SET title = 'Edited' WHERE id = 1")
        assert db.read("SELECT title FROM events WHERE id = 1") == [("Edited",)]
        assert not search.is_alive() and search.found is None
        assert db not in search_ahead._running
    finally:
        search_ahead.stop_searching(db)
        db.close()


def test_a_search_does_not_keep_a_closed_database(tmp_path):
    path = tmp_path / "events.db"
    make_dataset(10, path, seed=1)
    db = open_database(path)
    search_ahead.search_ahead(db, _word_in(db))
    search = search_ahead._running[db]
    search.join(timeout=5)
    dropped = weakref.ref(db)
    db.close()  # and dropped without stop_searching (a path that raised, say)
    del db
    gc.collect()
    assert dropped() is None
    assert search not in search_ahead._running.values()
