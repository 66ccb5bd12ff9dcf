"""Out of a timeline file and back in: the app's JSON loses nothing, TimelineJS keeps the story."""

import dataclasses
import io
import os
import stat

import pytest

from tests.formats.conftest import FIXTURES
from timeline_app.formats import registry
from timeline_app.formats.errors import ImportCancelled
from timeline_app.formats.from_database import timeline_records
from timeline_app.formats.into_database import TargetExists, create_timeline
from timeline_app.store import queries
from timeline_app.store.database import open_database
from timeline_app.store.writing import add_source_relations, set_setting
from timeline_app.timeline.document import SourceDependence
from timeline_app.timeline.events import Event
from timeline_app.timeline.filter import TimelineFilter


def _export(db, format_name, path):
    with path.open("w", encoding="utf-8", newline="") as out:
        return registry.WRITERS[format_name](timeline_records(db), out)


def _events_by_key(db):
    events = queries.filtered_events(db, TimelineFilter())
    return {e.key: dataclasses.replace(e, id=None) for e in events}


def test_the_apps_json_brings_back_an_identical_timeline(bundled_db, tmp_path):
    first, second = queries.sources(bundled_db)[:2]
    add_source_relations(bundled_db, [SourceDependence(first.id, second.id, "paraphrases", "n")])
    set_setting(bundled_db, "description", "Twice told.")
    assert _export(bundled_db, "json", tmp_path / "out.json") == queries.total_events(bundled_db)
    assert registry.detect(tmp_path / "out.json") == "json"
    create_timeline(registry.reader(tmp_path / "out.json")(None), tmp_path / "back.tldb")
    back = open_database(tmp_path / "back.tldb")
    try:
        assert queries.timeline_title(back) == queries.timeline_title(bundled_db)
        assert queries.setting(back, "description") == queries.setting(bundled_db, "description")
        assert queries.themes(back) == queries.themes(bundled_db)
        assert queries.sources(back) == queries.sources(bundled_db)
        assert queries.source_dependences(back) == queries.source_dependences(bundled_db)
        before, after = _events_by_key(bundled_db), _events_by_key(back)
        assert list(after) == list(before)  # the same events, in the same order
        for key, event in before.items():
            for field in dataclasses.fields(Event):
                assert getattr(after[key], field.name) == getattr(event, field.name), (key, field)
        assert any(e.importance is not None for e in before.values())
    finally:
        back.close()


@pytest.mark.parametrize(("format_name", "name"), [("timelinejs", "out.json"), ("csv", "out.csv")])
def test_timelinejs_brings_back_titles_dates_and_themes(bundled_db, tmp_path, format_name, name):
    _export(bundled_db, format_name, tmp_path / name)
    import_format = "timelinejs" if format_name == "timelinejs" else None
    reader = registry.reader(tmp_path / name, import_format)
    create_timeline(reader(None), tmp_path / "back.tldb")
    back = open_database(tmp_path / "back.tldb")
    try:

        def story(db):
            return sorted(
                (e.title, e.when, tuple(t.name for t in e.themes[:1]), len(e.citations))
                for e in queries.filtered_events(db, TimelineFilter())
            )

        assert story(back) == story(bundled_db)
        assert queries.timeline_title(back) == queries.timeline_title(bundled_db)
        quotes = {c.quote for e in _events_by_key(bundled_db).values() for c in e.citations}
        assert quotes == {c.quote for e in _events_by_key(back).values() for c in e.citations}
    finally:
        back.close()


def test_an_import_refuses_to_replace_a_file(tmp_path):
    target = tmp_path / "mine.tldb"
    target.write_bytes(b"precious")
    with pytest.raises(TargetExists, match="already exists"):
        create_timeline(registry.reader(FIXTURES / "mill-valley.csv")(None), target)
    assert target.read_bytes() == b"precious"


def test_a_failed_or_cancelled_import_leaves_nothing_behind(tmp_path):
    bad = tmp_path / "bad.csv"
    good_rows = "".join(f"{1900 + i},,,,,,,,,Row {i},,,,,,,,\n" for i in range(6000))
    bad.write_text("Year,Headline,Text\n" + good_rows + "19x0,Broken,\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"line 6002, field “Year”"):
        create_timeline(registry.reader(bad)(None), tmp_path / "new.tldb")

    def cancel(done, total):
        raise ImportCancelled

    big = tmp_path / "big.csv"
    big.write_text("Year,Headline,Text\n" + good_rows, encoding="utf-8")
    with pytest.raises(ImportCancelled):
        create_timeline(registry.reader(big)(cancel), tmp_path / "new.tldb")
    assert sorted(os.listdir(tmp_path)) == ["bad.csv", "big.csv"]


def test_cancel_is_heard_at_each_step_after_the_reading(tmp_path):
    sheet = FIXTURES / "mill-valley.csv"
    asked = []
    create_timeline(registry.reader(sheet)(None), tmp_path / "whole.tldb", lambda: asked.append(1))
    steps = len(asked)
    assert steps >= 4  # before the index rebuild, the event index, compacting, the move
    for step in range(steps):
        asked.clear()
        target = tmp_path / f"cancelled-at-{step}.tldb"
        with pytest.raises(ImportCancelled):
            create_timeline(
                registry.reader(sheet)(None),
                target,
                lambda step=step: asked.append(1) or len(asked) > step,
            )
        assert len(asked) == step + 1
        assert sorted(os.listdir(tmp_path)) == ["whole.tldb"]


def test_the_folder_is_synced_once_the_imported_file_is_in_place(tmp_path, monkeypatch):
    synced = []
    real_fsync = os.fsync

    def fsync(handle):
        status = os.fstat(handle)
        synced.append((stat.S_ISDIR(status.st_mode), status.st_ino, os.path.exists(target)))
        real_fsync(handle)

    target = tmp_path / "m.tldb"
    monkeypatch.setattr(os, "fsync", fsync)
    create_timeline(registry.reader(FIXTURES / "mill-valley.csv")(None), target)
    assert synced[-1] == (True, tmp_path.stat().st_ino, True)


def test_an_imported_sheet_is_a_searchable_filterable_timeline(tmp_path):
    create_timeline(registry.reader(FIXTURES / "mill-valley.csv")(None), tmp_path / "m.tldb")
    db = open_database(tmp_path / "m.tldb")
    try:
        assert queries.timeline_title(db) == "Mill Valley"
        industry = queries.resolve_themes(db, ["Industry"])
        titles = [e.title for e in queries.filtered_events(db, TimelineFilter(themes=industry))]
        assert titles == ["The mill is built", "Power line reaches the mill"]
        found = queries.filtered_events(db, TimelineFilter(search="yard deep"))
        assert [e.title for e in found] == ["The flood"]
    finally:
        db.close()


def test_the_sheet_writer_streams_what_it_is_given():
    out = io.StringIO()
    assert registry.WRITERS["csv"](iter(()), out) == 0
    assert out.getvalue().startswith("Year,Month,Day,Time,")


def test_parts_left_by_a_killed_import_are_removed_by_the_next(tmp_path):
    import subprocess
    import sys

    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()  # its process id now belongs to no running process
    left = [tmp_path / f".old.tldb.{finished.pid}.0a1b2c3d.part{end}" for end in ("", "-wal")]
    running = tmp_path / f".other.tldb.{os.getpid()}.9f8e7d6c.part"  # this process: alive
    for path in (*left, running):
        path.write_bytes(b"partial")
    create_timeline(registry.reader(FIXTURES / "mill-valley.csv")(None), tmp_path / "new.tldb")
    assert sorted(os.listdir(tmp_path)) == [running.name, "new.tldb"]


def test_the_apps_json_keeps_archived_texts_and_each_quotes_verification(bundled_db, tmp_path):
    from timeline_app.store import editing
    from timeline_app.timeline.drafts import CitationDraft, SourceDraft
    from timeline_app.timeline.quotes import NOT_FOUND, VERIFIED

    text = "The embassy opened in March. Radar talks went on all summer."
    add = editing.add_source(bundled_db, SourceDraft("Archived", None, None, None, False, None,
                                                     text, None))  # fmt: skip
    add.apply(bundled_db)
    event_id = queries.event_ids(bundled_db, TimelineFilter())[0]
    for quote in ("Radar talks went on", "Radar talks ended"):
        editing.add_citation(bundled_db, event_id, CitationDraft(add.source_id, quote)).apply(
            bundled_db
        )

    def statuses(db):
        return {
            key: [(c.source.id, c.quote, c.status) for c in event.citations]
            for key, event in _events_by_key(db).items()
        }

    def texts(db):
        return {s.id: editing.archived_text(db, s.id) for s in queries.sources(db)}

    found = [s for cited in statuses(bundled_db).values() for _, _, s in cited]
    assert {VERIFIED, NOT_FOUND} <= set(found) and found.count(VERIFIED) > 1
    _export(bundled_db, "json", tmp_path / "out.json")
    create_timeline(registry.reader(tmp_path / "out.json")(None), tmp_path / "back.tldb")
    back = open_database(tmp_path / "back.tldb")
    try:
        assert texts(back) == texts(bundled_db) and texts(back)[add.source_id] == text
        assert statuses(back) == statuses(bundled_db)
    finally:
        back.close()
