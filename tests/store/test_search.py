"""Search folds the letters a reader types plainly (ı as i, ə as e), and finds nothing in a search
with nothing searchable in it."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from timeline_app import paths
from timeline_app.store import queries
from timeline_app.store.build import build_database
from timeline_app.store.database import KNOWN_REVISIONS, open_database
from timeline_app.store.writing import write_timeline
from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.events import Citation, Event, Source, Theme
from timeline_app.timeline.filter import TimelineFilter

OLD_FILE = Path(__file__).parents[1] / "data" / "timeline-0.1.0.db"
MUSEUM = "Qırmızı Qəsəbə"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A database built from the timeline's TOML text, as build-db writes it."""
    path = tmp_path_factory.mktemp("built") / "timeline.db"
    build_database(paths.bundled_text_folder(), path)
    db = open_database(path)
    yield db
    db.close()


def found(db, typed: str) -> list:
    return queries.filtered_events(db, TimelineFilter(search=typed))


def mentions_the_village(event) -> bool:
    texts = [event.title, event.summary, *(c.quote for c in event.citations)]
    return any(MUSEUM in text for text in texts)


@pytest.mark.parametrize("typed", ["Qirmizi", "qesebe", "QIRMIZI QƏSƏBƏ", '"qirmizi qesebe"'])
def test_letters_without_an_accent_to_remove_are_found_as_typed_plainly(built, typed):
    events = found(built, typed)
    assert events and all(mentions_the_village(event) for event in events)
    assert [e.key for e in events] == [e.key for e in found(built, MUSEUM)]


@pytest.mark.parametrize("typed", ["🙂", "🇦🇿 🇮🇱", "?!", "—"])
def test_a_search_with_nothing_searchable_finds_nothing(built, typed):
    assert queries.total_events(built) > 0
    assert found(built, typed) == []
    assert queries.count_events(built, TimelineFilter(search=typed)) == 0


def test_an_emoji_beside_a_word_does_not_stop_the_word_being_found(built):
    assert found(built, "Qirmizi 🙂") == found(built, "Qirmizi")


def test_a_file_from_0_1_0_is_migrated_to_search_folded_letters(tmp_path):
    copy = tmp_path / "timeline.db"
    shutil.copyfile(OLD_FILE, copy)
    with sqlite3.connect(copy) as connection:  # as 0.1.0 left it: the plain spelling finds nothing
        rows = connection.execute(
            "SELECT rowid FROM events_fts WHERE events_fts MATCH 'qirmizi'"
        ).fetchall()
    assert rows == []
    db = open_database(copy)
    try:
        events = found(db, "Qirmizi")
        assert events and all(mentions_the_village(event) for event in events)
        assert len(found(db, "the")) > 1  # the whole index was rebuilt, not only that event
        version = db.read("SELECT version_num FROM alembic_version")[0][0]
        assert version == KNOWN_REVISIONS[-1]
    finally:
        db.close()


def downgrade(path: Path, revision: str) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from timeline_app.store import database

    config = Config()
    config.set_main_option("script_location", str(Path(database.__file__).parent / "migrations"))
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
    finally:
        engine.dispose()


def matches(path: Path, query: str) -> int:
    with closing(sqlite3.connect(path)) as connection:
        sql = "SELECT count(*) FROM events_fts WHERE events_fts MATCH ?"
        return connection.execute(sql, (query,)).fetchone()[0]


def test_the_folding_migration_goes_back_down_to_the_plain_index(tmp_path):
    copy = tmp_path / "timeline.db"
    shutil.copyfile(OLD_FILE, copy)
    open_database(copy).close()
    downgrade(copy, "0002")
    assert matches(copy, "qirmizi") == 0
    assert matches(copy, "qırmızı") > 0


def test_a_timeline_mostly_in_folded_letters_has_its_index_made_again(tmp_path):
    path = tmp_path / "gabala.db"
    theme = Theme("culture", "Culture", "#CC79A7")
    events = [
        Event(f"e{n}", DateSpan.parse(f"{2000 + n}"), f"Qəbələ festival {n}", "In Qəbələ.",
              (theme,), (Citation(f"Qəbələ hosted it, year {n}.", Source("s", "S", "s.txt")),))
        for n in range(5)
    ] + [Event("plain", DateSpan.parse("2010"), "Baku", "Plain.", (theme,))]  # fmt: skip
    db = open_database(path, create=True)
    write_timeline(db, "Gabala", (theme,), (Source("s", "S", "s.txt"),), events)
    db.close()
    downgrade(path, "0002")  # 5 of 6 events change: the index is made again, unfolded
    assert (matches(path, "qebele"), matches(path, "baku")) == (0, 1)
    db = open_database(path)  # and made again, folded
    try:
        assert len(found(db, "Qebele")) == 5 and len(found(db, "hosted")) == 5
        assert [e.key for e in found(db, "Baku")] == ["plain"]
    finally:
        db.close()
