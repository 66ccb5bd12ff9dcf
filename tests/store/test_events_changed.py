"""After an edit, events_changed brings the loaded index to what a full rebuild reads."""

import random
import shutil
from dataclasses import replace

import pytest

from benchmarks.make_dataset import make_dataset
from timeline_app.store import indexing, queries
from timeline_app.store.database import open_database
from timeline_app.store.indexing import build_index, events_changed, index_of
from timeline_app.store.vector_index import VectorIndex
from timeline_app.timeline.filter import TimelineFilter

_ARRAYS = ("ids", "starts", "ends", "masks", "primary", "ranks")


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    path = tmp_path_factory.mktemp("edits") / "events.db"
    make_dataset(300, path, seed=3)
    return path


@pytest.fixture(params=["plain", "numpy", "numpy, ids found by sorting"])
def db(request, made, tmp_path, monkeypatch):
    if request.param.startswith("numpy"):
        monkeypatch.setattr(indexing, "VECTORS_AT_OPEN", 0)
        monkeypatch.setattr(indexing, "VECTOR_FROM", 0)
    if request.param == "numpy, ids found by sorting":  # as for ids too sparse for a table
        monkeypatch.setattr(VectorIndex, "_table_by_id", lambda _self: None)
    path = tmp_path / "copy.db"
    shutil.copyfile(made, path)
    database = open_database(path)
    yield database
    database.close()


def _edit(db, rng: random.Random, event_ids: list[int], theme_ids: list[int]) -> list[int]:
    """One random change written straight to the tables; the ids of the events it touched."""
    target, other = rng.sample(event_ids, 2)
    kind = rng.choice(["move", "move", "importance", "themes", "delete", "add", "citation"])
    if kind == "move":  # onto another event's dates, so ties in the order are tried as well
        db.write(
            'UPDATE events SET (start, "end", start_day, end_day, sort_key) = (SELECT start, '
            '"end", start_day, end_day, sort_key FROM events WHERE id = ?) WHERE id = ?',
            (other, target),
        )
    elif kind == "importance":
        db.write(
            "UPDATE events SET importance = ? WHERE id = ?", (rng.choice([None, 0, 1, 2]), target)
        )
    elif kind == "themes":
        chosen = rng.sample(theme_ids, rng.randrange(0, 3))
        db.write("DELETE FROM event_themes WHERE event_id = ?", (target,))
        for theme_id in chosen:
            db.write("INSERT INTO event_themes VALUES (?, ?)", (target, theme_id))
        primary = chosen[0] if chosen else None
        db.write("UPDATE events SET primary_theme_id = ? WHERE id = ?", (primary, target))
    elif kind == "delete":
        for table, column in (("event_themes", "event_id"), ("citations", "event_id")):
            db.write(f"DELETE FROM {table} WHERE {column} = ?", (target,))
        db.write("DELETE FROM events WHERE id = ?", (target,))
        event_ids.remove(target)
    elif kind == "add":
        target = max(event_ids) + 1
        db.write(
            'INSERT INTO events (id, key, start, "end", approximate, start_day, end_day, '
            "sort_key, primary_theme_id, title, summary, importance, date_basis) SELECT ?, ?, "
            'start, "end", approximate, start_day, end_day, sort_key, primary_theme_id, title, '
            "summary, importance, date_basis FROM events WHERE id = ?",
            (target, f"added-{target}", other),
        )
        db.write(
            "INSERT INTO event_themes SELECT ?, theme_id FROM event_themes WHERE event_id = ?",
            (target, other),
        )
        event_ids.append(target)
    else:
        db.write(
            "DELETE FROM citations WHERE id = (SELECT min(id) FROM citations WHERE event_id = ?)",
            (target,),
        )
    return [target]


@pytest.mark.parametrize("seed", range(4))
def test_random_edits_leave_the_index_as_a_rebuild_reads_it(db, seed):
    rng = random.Random(seed)
    event_ids = [row[0] for row in db.read("SELECT id FROM events")]
    theme_ids = [row[0] for row in db.read("SELECT id FROM themes")]
    loaded = index_of(db)
    queries.event_ids(db, TimelineFilter(themes=frozenset({"energy"})))  # something cached
    ever = set(event_ids)
    for _ in range(12):
        touched = []
        for _ in range(rng.choice([1, 1, 3])):
            touched += _edit(db, rng, event_ids, theme_ids)
        generation = db.generation
        events_changed(db, touched)
        assert db.generation == generation + 1
        assert index_of(db) is loaded  # brought up to date, not read again
        rebuilt = build_index(db)
        for name in _ARRAYS:
            assert list(getattr(loaded, name)) == list(getattr(rebuilt, name)), name
        for wanted in (TimelineFilter(), TimelineFilter(themes=frozenset({"energy"}))):
            expected = [rebuilt.ids[p] for p in rebuilt.select(wanted).positions]
            assert queries.event_ids(db, wanted) == expected
            assert queries.theme_counts(db, wanted) == rebuilt.theme_counts(wanted)
        assert [loaded.position(i) for i in event_ids] == [rebuilt.position(i) for i in event_ids]
        assert loaded.position(10**9) is None
        ever |= set(event_ids)
        assert [loaded.position(i) for i in sorted(ever - set(event_ids))] == [None] * len(
            ever - set(event_ids)
        )  # the deleted ones


def test_a_change_of_themes_reads_the_index_again(db):
    loaded = index_of(db)
    db.write("UPDATE themes SET position = -position")
    events_changed(db, [], themes_changed=True)
    again = index_of(db)
    assert again is not loaded
    assert again.theme_slugs == list(reversed(loaded.theme_slugs))


def test_an_index_read_again_after_a_change_is_numpy_when_large(made, tmp_path, monkeypatch):
    """At open a timeline between VECTOR_FROM and VECTORS_AT_OPEN gets the plain index (numpy
    comes after the first paint); read again after a change, the window is up: numpy at once."""
    monkeypatch.setattr(indexing, "VECTOR_FROM", 100)
    monkeypatch.setattr(indexing, "VECTORS_AT_OPEN", 1000)  # the file holds 300 events
    path = tmp_path / "copy.db"
    shutil.copyfile(made, path)
    database = open_database(path)
    try:
        assert type(index_of(database)) is indexing.TimelineIndex
        events_changed(database, [], themes_changed=True)
        assert type(index_of(database)) is VectorIndex
    finally:
        database.close()


def test_an_edited_file_closed_keeps_its_index_for_the_next_open(made, tmp_path):
    # Every change drops the index saved in the file (a trigger); closing the file saves the
    # loaded one again, so the next open does not rebuild it from the tables.
    from timeline_app.store import editing
    from timeline_app.store.indexing import save_index
    from timeline_app.store.timeline_index import CACHE_NAME, unpack

    path = tmp_path / "edited.db"
    shutil.copyfile(made, path)
    db = open_database(path)
    index_of(db)
    event_id = queries.event_ids(db, TimelineFilter())[7]
    draft = editing.event_draft(db, event_id)
    editing.edit_event(db, event_id, replace(draft, start="1901-02-03", end=None)).apply(db)
    saved = "SELECT data FROM index_cache WHERE name = ?"
    assert not db.read(saved, (CACHE_NAME,))
    save_index(db)
    db.close()
    reopened = open_database(path)
    data = reopened.read(saved, (CACHE_NAME,))
    assert data, "the index was not saved on close"
    kept, fresh = unpack(data[0][0]), build_index(reopened)
    for name in _ARRAYS:
        assert list(getattr(kept, name)) == list(getattr(fresh, name)), name
    reopened.close()
