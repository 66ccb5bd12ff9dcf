"""Nothing lost: a process killed in the middle of a series of edits leaves a sound file holding
every edit it committed; two processes editing one file each see the other's changes."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

import timeline_app.store.database as database
from timeline_app.store import editing, queries, writing
from timeline_app.store.database import open_database, use_write_ahead_log
from timeline_app.store.errors import DatabaseLocked, StoreError
from timeline_app.timeline.drafts import CitationDraft, EventDraft, ThemeDraft
from timeline_app.timeline.events import Theme

REPO = Path(__file__).resolve().parents[2]

# A series of edits, each reported on stdout once its transaction has committed.
EDITOR = """
import sys
from timeline_app.store import editing
from timeline_app.store.database import open_database
from timeline_app.timeline.drafts import CitationDraft, EventDraft

db = open_database(sys.argv[1])
for n in range(int(sys.argv[2])):
    draft = EventDraft(f"Edit {n}", "x" * 2000, "2020-01-02", None, False, None, "documents",
                       ("energy",))
    change = editing.add_event(db, draft, [CitationDraft("jpost-oil-2024", f"quote {n}")])
    change.apply(db)
    print("added", change.event_id, flush=True)
    renamed = EventDraft(**{**draft.__dict__, "title": f"Renamed {n}"})
    editing.edit_event(db, change.event_id, renamed).apply(db)
    print("renamed", change.event_id, flush=True)
    if n % 3 == 0:
        gone = editing.delete_events(db, [change.event_id])
        gone.apply(db)
        print("deleted", change.event_id, flush=True)
        gone.revert(db)
        print("restored", change.event_id, flush=True)
"""


def _editor(path: Path, edits: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", EDITOR, str(path), str(edits)],
        stdout=subprocess.PIPE, text=True, cwd=REPO,
    )  # fmt: skip


def _search_index_in_step(connection: sqlite3.Connection) -> bool:
    from timeline_app.store.search import search_row

    quotes: dict[int, list[str]] = {}
    for event_id, quote in connection.execute(
        "SELECT event_id, quote FROM citations ORDER BY event_id, position, id"
    ):
        quotes.setdefault(event_id, []).append(quote)
    events = connection.execute("SELECT id, title, summary FROM events ORDER BY id")
    expected = [search_row(i, t, s, quotes.get(i, ())) for i, t, s in events]
    indexed = connection.execute(
        "SELECT rowid, title, summary, quotes FROM events_fts ORDER BY rowid"
    ).fetchall()
    return indexed == expected


@pytest.mark.parametrize("journal", ["wal", "delete"])
@pytest.mark.parametrize("kill_after", [7, 40])
def test_a_process_killed_mid_series_loses_only_the_edit_in_progress(
    bundled_copy, journal, kill_after
):
    open_database(bundled_copy).close()  # migrated before the editor starts
    if journal == "wal":
        with closing(sqlite3.connect(bundled_copy)) as connection:
            use_write_ahead_log(connection)
    committed: dict[int, str] = {}
    with _editor(bundled_copy, 10_000) as editor:
        for _ in range(kill_after):
            kind, event_id = editor.stdout.readline().split()
            committed[int(event_id)] = kind
        editor.send_signal(signal.SIGKILL)
        for line in editor.stdout:  # what it committed before it died, still in the pipe
            kind, event_id = line.split()
            committed[int(event_id)] = kind
    assert editor.returncode == -signal.SIGKILL

    with closing(sqlite3.connect(bundled_copy)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        titles = dict(connection.execute("SELECT id, title FROM events"))
        assert _search_index_in_step(connection)
    for event_id, kind in committed.items():
        if kind == "deleted":
            assert event_id not in titles
        else:
            assert titles[event_id].startswith(
                "Renamed" if kind != "added" else ("Edit", "Renamed")
            )
    db = open_database(bundled_copy)  # and the app opens it and goes on editing
    try:
        editing.add_theme(db, ThemeDraft("After the crash", "#123456")).apply(db)
    finally:
        db.close()


TWIN = """
import sys
from timeline_app.store import editing
from timeline_app.store.database import open_database
from timeline_app.timeline.drafts import ThemeDraft

db = open_database(sys.argv[1])
print("ready", flush=True)
for line in sys.stdin:  # one theme per line read, told back when it is in the file
    name = line.strip()
    editing.add_theme(db, ThemeDraft(name, "#abcdef")).apply(db)
    print(db.changed_elsewhere(), flush=True)
db.close()
"""


def test_two_processes_editing_one_file_see_each_other_and_keep_it_sound(bundled_copy):
    open_database(bundled_copy, create=True).close()  # migrated, in write-ahead-log mode
    db = open_database(bundled_copy)
    twin = subprocess.Popen(
        [sys.executable, "-c", TWIN, str(bundled_copy)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO,
    )  # fmt: skip
    with twin:
        assert twin.stdout.readline().strip() == "ready"
        assert not db.changed_elsewhere()
        for n in range(5):
            twin.stdin.write(f"Twin {n}\n")
            twin.stdin.flush()
            # The twin saw the change made here in the previous round (none in the first).
            assert twin.stdout.readline().strip() == str(n > 0)
            assert db.changed_elsewhere()
            assert f"Twin {n}" in [theme.name for theme in queries.themes(db)]
            editing.add_theme(db, ThemeDraft(f"Here {n}", "#fedcba")).apply(db)
            assert not db.changed_elsewhere()
        twin.stdin.close()
        assert twin.wait(timeout=30) == 0
    db.close()
    with closing(sqlite3.connect(bundled_copy)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        names = {name for (name,) in connection.execute("SELECT name FROM themes")}
    assert {f"Twin {n}" for n in range(5)} | {f"Here {n}" for n in range(5)} <= names


def test_a_file_another_program_is_writing_gives_a_clear_error_and_no_half_change(
    bundled_copy, monkeypatch
):
    open_database(bundled_copy, create=True).close()
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    db = open_database(bundled_copy)
    event_id = db.read("SELECT min(id) FROM events")[0][0]
    change = editing.add_citation(db, event_id, CitationDraft("jpost-oil-2024", "busy"))
    blocker = sqlite3.connect(bundled_copy, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseLocked, match="locked by another program") as locked:
            change.apply(db)
        assert isinstance(locked.value, StoreError)
    finally:
        blocker.rollback()
        blocker.close()
    assert db.read("SELECT count(*) FROM citations WHERE quote = 'busy'") == [(0,)]
    change.apply(db)  # free again: the same change goes through
    assert db.read("SELECT count(*) FROM citations WHERE quote = 'busy'") == [(1,)]
    db.close()


def test_an_edit_of_the_file_through_its_other_connection_is_not_taken_for_another_program(
    bundled_copy,
):
    db = open_database(bundled_copy)
    try:
        draft = EventDraft("Own", "", "2020", None, False, None, "documents", ())
        editing.add_event(db, draft).apply(db)
        assert not db.changed_elsewhere()
        writing.set_setting(db, "title", "Own title")  # through the app's SQLAlchemy session
        assert not db.changed_elsewhere()
        writing.add_themes(db, [Theme("own", "Own", "#123456")])
        writing.record_quote_checks(db, {"jpost-oil-2024": "oil"})
        assert not db.changed_elsewhere()
        with closing(sqlite3.connect(bundled_copy)) as other, other:  # another program
            other.execute("UPDATE settings SET value = 'Theirs' WHERE key = 'title'")
        assert db.changed_elsewhere()
    finally:
        db.close()
