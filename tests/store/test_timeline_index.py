"""The in-memory index answers as the data says, and its saved copy never goes stale."""

import datetime as dt
import sqlite3

import pytest

from benchmarks.make_dataset import make_dataset
from timeline_app.store import queries, timeline_index
from timeline_app.store.database import open_database
from timeline_app.store.indexing import build_index, index_of
from timeline_app.store.search import found_ids
from timeline_app.timeline.filter import TimelineFilter


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    path = tmp_path_factory.mktemp("synthetic") / "events.db"
    make_dataset(1500, path, seed=11)
    return path


def _plain(events, wanted):
    """The filter's meaning, written out the slow, obvious way."""
    kept = []
    for event in events:
        if wanted.themes and not {t.slug for t in event.themes} & wanted.themes:
            continue
        if not event.when.overlaps_years(wanted.first_year, wanted.last_year):
            continue
        kept.append(event.id)
    return kept


@pytest.mark.parametrize(
    "wanted",
    [
        TimelineFilter(),
        TimelineFilter(themes=frozenset({"energy"})),
        TimelineFilter(themes=frozenset({"energy", "culture-community"}), first_year=1950),
        TimelineFilter(first_year=1990, last_year=1995),
        TimelineFilter(last_year=1900),
    ],
)
def test_the_index_selects_what_a_plain_filter_selects(synthetic, wanted):
    db = open_database(synthetic)
    try:
        everything = queries.filtered_events(db, TimelineFilter())
        assert queries.event_ids(db, wanted) == _plain(everything, wanted)
        counts = queries.theme_counts(db, wanted)
        for slug, count in counts.items():
            assert count == len(_plain(everything, wanted.with_themes(frozenset({slug}))))
    finally:
        db.close()


def test_search_agrees_with_the_words_of_each_event(synthetic):
    db = open_database(synthetic)
    try:
        found = queries.filtered_events(db, TimelineFilter(search="pipeline"))
        assert found
        for event in found:
            text = " ".join([event.title, event.summary, *(c.quote for c in event.citations)])
            assert "pipeline" in text.lower()
    finally:
        db.close()


@pytest.mark.parametrize(
    "wanted",
    [
        TimelineFilter(search="pipeline", last_year=1960),
        TimelineFilter(search="pipeline", themes=frozenset({"energy"}), first_year=1950),
    ],
)
def test_a_search_with_themes_and_years_keeps_what_each_keeps(synthetic, wanted):
    db = open_database(synthetic)
    try:
        found = queries.filtered_events(db, TimelineFilter(search=wanted.search))
        expected = _plain(found, wanted)  # themes and years, applied to what the search found
        assert expected and len(expected) < len(found)
        assert queries.event_ids(db, wanted) == expected
    finally:
        db.close()


def test_the_filter_cache_holds_a_bounded_number_of_events(synthetic, monkeypatch):
    monkeypatch.setattr(timeline_index, "_CACHED_POSITIONS", 1600)  # of 1,500 events
    db = open_database(synthetic)
    try:
        index = index_of(db)
        everything = index.select(TimelineFilter(last_year=2025))
        assert index.select(TimelineFilter(last_year=2025)) is everything  # kept
        energy = TimelineFilter(themes=frozenset({"energy"}), first_year=1913)
        newest = index.select(energy)
        assert 100 < len(newest.positions) < len(everything.positions)
        assert index.select(energy) is newest  # the newest is always kept
        again = index.select(TimelineFilter(last_year=2025))
        assert again is not everything and again == everything  # dropped, and made again
    finally:
        db.close()


def test_the_saved_index_is_dropped_when_the_data_changes(synthetic, tmp_path):
    path = tmp_path / "copy.db"
    path.write_bytes(synthetic.read_bytes())
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM index_cache").fetchone() == (1,)
        first_id = connection.execute("SELECT min(id) FROM events").fetchone()[0]
        day = dt.date(2030, 6, 1).toordinal()
        # Another program moves an event to 2030: the trigger must drop the saved index.
        connection.execute(
            "UPDATE events SET start = '2030-06-01', start_day = ?, end_day = ?, "
            "sort_key = '20300601-20300601' WHERE id = ?",
            (day, day, first_id),
        )
        assert connection.execute("SELECT count(*) FROM index_cache").fetchone() == (0,)
    db = open_database(path)
    try:
        assert queries.event_ids(db, TimelineFilter(first_year=2030)) == [first_id]
    finally:
        db.close()


def test_a_saved_index_loads_as_the_one_it_was_built_from(synthetic):
    db = open_database(synthetic)
    try:
        saved = index_of(db)
        rebuilt = build_index(db)
        assert saved is not rebuilt
        for name in ("ids", "starts", "ends", "masks", "primary", "ranks"):
            assert getattr(saved, name) == getattr(rebuilt, name)
        assert saved.theme_slugs == rebuilt.theme_slugs
    finally:
        db.close()


def test_the_generator_makes_the_same_timeline_from_the_same_seed(tmp_path):
    def dump(path):
        db = open_database(path)
        try:
            return [
                (e.key, e.when, e.title, e.summary, [t.slug for t in e.themes],
                 [(c.quote, c.source.id, c.source.url) for c in e.citations])
                for e in queries.filtered_events(db, TimelineFilter())
            ]  # fmt: skip
        finally:
            db.close()

    for name, seed in (("a", 4), ("b", 4), ("c", 5)):
        make_dataset(150, tmp_path / f"{name}.db", seed=seed)
    assert dump(tmp_path / "a.db") == dump(tmp_path / "b.db")
    assert dump(tmp_path / "a.db") != dump(tmp_path / "c.db")
    themes = {slug for event in dump(tmp_path / "a.db") for slug in event[4]}
    assert len(themes) == 6


def test_stated_importance_outranks_any_derived_weight(bundled_db):
    index = index_of(bundled_db)
    keys = dict(bundled_db.read("SELECT id, key FROM events"))
    milestones = {keys[index.ids[p]] for p in index.notable()}
    assert milestones == {
        "recognition-1991", "netanyahu-visit-1997", "btc-exports-2006", "karabakh-war-2020",
        "trade-office-2021", "embassy-2023", "oil-figures-2024",
    }  # fmt: skip
    lowest_milestone = min(index.ranks[p] for p in index.notable())
    others = [r for p, r in enumerate(index.ranks) if p not in set(index.notable())]
    assert max(others) < lowest_milestone


def test_landmarks_hold_every_notable_event_in_the_span_that_passes_the_filter(bundled_db):
    index = index_of(bundled_db)
    energy = index.select(TimelineFilter(themes=frozenset({"energy"})))
    first, last = index.starts[0], index.ends[-1]
    chosen = index.landmarks(energy, first, last, slots=3)
    notable_energy = [p for p in index.notable() if p in set(energy.positions)]
    assert notable_energy and set(notable_energy) <= set(chosen)
    assert set(chosen) <= set(energy.positions)
    ranks = [index.ranks[p] for p in chosen]
    assert ranks == sorted(ranks, reverse=True)


@pytest.mark.parametrize("kind", ["plain", "numpy"])
def test_texts_with_one_full_text_query_share_one_search(synthetic, kind):
    """ "pipeline", "pipeline," and " pipeline " are one query: SQLite is asked once, and each
    answers as a fresh query of its own would."""
    db = open_database(synthetic)
    try:
        index = index_of(db)
        if kind == "numpy":
            from timeline_app.store.vector_index import VectorIndex

            index = VectorIndex(
                index.ids, index.starts, index.ends, index.masks, index.primary, index.ranks,
                theme_slugs=index.theme_slugs,
            )  # fmt: skip
        asked = []

        def matching(text):
            asked.append(text)
            return found_ids(db, text)

        answers = [
            list(index.event_ids(index.select(TimelineFilter(search=text), matching)))
            for text in ("pipeline", "pipeline,", " pipeline ", "pipeline")
        ]
        assert asked == ["pipeline"]
        assert answers[0] and all(answer == answers[0] for answer in answers)
        assert answers[0] == queries.event_ids(db, TimelineFilter(search="pipeline,"))
        index.select(TimelineFilter(search="pipelines"), matching)
        assert asked == ["pipeline", "pipelines"]  # another query is asked for
    finally:
        db.close()
