"""The undo session: each change is one command; undo and redo revert and apply it; a refused
change leaves the stack as it was and tells the user why."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from timeline_app.store.database import open_database
from timeline_app.store.errors import DatabaseLocked, DatabaseNotWritable, StoreError
from timeline_app.ui.editing.session import EditSession


class Refused(StoreError):
    def __init__(self, problems):
        super().__init__("refused")
        self.problems = problems


@dataclass
class Note:
    """A change that writes a setting row, so apply and revert are seen in the file."""

    value: str
    description: str = "Note"
    affected_events: frozenset = frozenset({7})
    themes_changed: bool = False
    sources_changed: bool = False
    fail_on: set = field(default_factory=set)
    previous: str | None = None

    def apply(self, db):
        if "apply" in self.fail_on:
            raise DatabaseLocked("locked")
        rows = db.read("SELECT value FROM settings WHERE key = 'title'")
        self.previous = rows[0][0] if rows else None
        db.write("INSERT OR REPLACE INTO settings (key, value) VALUES ('title', ?)", (self.value,))
        db.changed()

    def revert(self, db):
        if "revert" in self.fail_on:
            raise DatabaseLocked("locked")
        db.write("UPDATE settings SET value = ? WHERE key = 'title'", (self.previous,))
        db.changed()


def title(db):
    return db.read("SELECT value FROM settings WHERE key = 'title'")[0][0]


@pytest.fixture
def db(small_db_path):
    database = open_database(small_db_path)
    yield database
    database.close()


@pytest.fixture
def told():
    return []


@pytest.fixture
def session(qapp, db, told):
    made = EditSession(db, tell=lambda heading, text: told.append((heading, text)))
    yield made
    made.deleteLater()


def test_push_applies_once_and_undo_redo_revert_and_apply(session, db):
    announced = []
    session.applied.connect(announced.append)
    change = Note("First")
    assert session.push(change)
    assert title(db) == "First"
    assert session.stack.count() == 1
    assert session.stack.undoText() == "Note"
    session.stack.undo()
    assert title(db) == "Small <timeline>"
    session.stack.redo()
    assert title(db) == "First"
    assert announced == [change, change, change]


def test_the_stack_keeps_every_change(session, db):
    for number in range(150):
        assert session.push(Note(f"title {number}"))
    assert session.stack.undoLimit() == 0
    while session.stack.canUndo():
        session.stack.undo()
    assert title(db) == "Small <timeline>"


def test_a_refused_change_leaves_the_stack_and_says_why(session, db, told):
    def build():
        raise Refused({"title": "An event needs a title.", "end": "The end is before the start."})

    assert not session.build_and_push(build)
    assert session.stack.count() == 0
    assert told and "An event needs a title." in told[0][1]
    assert "The end is before the start." in told[0][1]


def test_a_change_the_file_refuses_is_not_on_the_stack(session, db, told):
    assert not session.push(Note("never", fail_on={"apply"}))
    assert session.stack.count() == 0
    assert title(db) == "Small <timeline>"
    assert "locked" in told[0][1]


def test_an_undo_the_file_refuses_puts_the_stack_back(session, db, told, qtbot):
    change = Note("kept")
    session.push(change)
    change.fail_on.add("revert")
    session.stack.undo()
    qtbot.waitUntil(lambda: session.stack.index() == 1)
    assert title(db) == "kept"
    assert told
    change.fail_on.clear()
    session.stack.undo()  # and a later undo still works
    assert title(db) == "Small <timeline>"


def test_a_group_is_one_command_all_or_nothing(session, db, told):
    from timeline_app.store import editing, queries
    from timeline_app.timeline.drafts import ThemeDraft

    before = [t.slug for t in queries.themes(db)]
    first = editing.add_theme(db, ThemeDraft("Ports", "#112233"))
    second = editing.add_theme(db, ThemeDraft("Rail", "#445566"))
    assert session.push_group("Add two themes", [first, second])
    assert session.stack.count() == 1 and session.stack.undoText() == "Add two themes"
    assert [t.name for t in queries.themes(db)][-2:] == ["Ports", "Rail"]
    session.stack.undo()
    assert [t.slug for t in queries.themes(db)] == before
    # Both built on the file as it is; the second finds its theme gone once the first is
    # written, in the same transaction: neither stays.
    slug = before[0]
    again = [
        editing.add_theme(db, ThemeDraft("Air", "#778899")),
        editing.delete_theme(db, slug),
        editing.edit_theme(db, slug, ThemeDraft("X", "#000000")),
    ]
    assert not session.push_group("Add, delete, rename", again)
    assert [t.slug for t in queries.themes(db)] == before
    assert session.stack.count() == 1  # only the undone one, not the refused group


def test_a_read_only_file_offers_a_copy_that_takes_the_change(qapp, small_db_path, db, tmp_path):
    read_only = open_database(small_db_path, read_only=True)
    copy_path = tmp_path / "copy.db"
    copy_path.write_bytes(small_db_path.read_bytes())
    copy_db = open_database(copy_path)
    copy = EditSession(copy_db)
    offered = []

    def offer():
        offered.append(True)
        return copy

    session = EditSession(read_only, offer_copy=offer)
    assert session.push(Note("in the copy"))
    assert offered and session.stack.count() == 0 and copy.stack.count() == 1
    assert title(copy_db) == "in the copy"
    assert title(read_only) == "Small <timeline>"
    declined = EditSession(read_only, offer_copy=lambda: None)
    assert not declined.push(Note("nowhere"))
    read_only.close()
    copy_db.close()


def test_not_writable_from_the_store_also_offers_the_copy(session, db, qapp):
    class Unwritable(Note):
        def apply(self, db):
            raise DatabaseNotWritable("the file is read-only")

    offered = []
    session._offer_copy = lambda: offered.append(True)
    assert not session.push(Unwritable("x"))
    assert offered
