"""A search started ahead, at the keystroke, answers exactly as a search asked when applied."""

from __future__ import annotations

import random

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
