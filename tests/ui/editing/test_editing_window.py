"""Editing in the real window, by keyboard: add, undo, redo, delete, the read-only offer, a
refused edit, and quotes checked against the archived text."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from timeline_app.store import editing, queries
from timeline_app.store.database import open_database
from timeline_app.timeline.drafts import SourceDraft
from timeline_app.ui import file_actions
from timeline_app.ui.editing import edit_actions, read_only

ARCHIVED = "The treaty was signed at noon. Both sides called it a new beginning. Then they left."


def active(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier):
    assert focused() is not None, "nothing has the keyboard"
    qtbot.keyClick(focused(), key, modifiers)


def answer_next_question(key=Qt.Key.Key_Return):
    """Press a key in the next modal question as soon as it is shown."""

    def answer():
        box = QApplication.activeModalWidget()
        if box is None or QApplication.activeWindow() is not box:
            if box is not None:
                box.activateWindow()  # as a window manager would: the keys go to it
            QTimer.singleShot(10, answer)
            return
        from PySide6.QtTest import QTest

        QTest.keyClick(box, key)

    QTimer.singleShot(0, answer)


def dump(path) -> list[str]:
    """The file's tables as SQL, but what is derived from them (the index cache, the search
    index's inner tables, whose layout depends on the order of writes)."""
    with closing(sqlite3.connect(path)) as connection:
        return [
            line for line in connection.iterdump()
            if "index_cache" not in line and "_fts_" not in line
        ]  # fmt: skip


def titles_in_file(path) -> set[str]:
    with closing(sqlite3.connect(path)) as connection:
        return {title for (title,) in connection.execute("SELECT title FROM events")}


def new_event_by_keyboard(qtbot, window, title, date, end=None):
    """Ctrl+N, a title, a date (and an end), the first theme ticked; the editor is left open."""
    active(qtbot, window)
    window.list_pane.view.setFocus()
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = window.edit_actions.editor
    qtbot.waitUntil(lambda: focused() is editor.title_field, timeout=2000)
    qtbot.keyClicks(focused(), title)
    press(qtbot, Qt.Key.Key_Tab)  # summary
    press(qtbot, Qt.Key.Key_Tab)  # date
    focused().selectAll()
    qtbot.keyClicks(focused(), date)
    press(qtbot, Qt.Key.Key_Tab)  # "a period"
    if end is not None:
        press(qtbot, Qt.Key.Key_Space)
        press(qtbot, Qt.Key.Key_Tab)
        qtbot.keyClicks(focused(), end)
    press(qtbot, Qt.Key.Key_Tab)  # approximate
    press(qtbot, Qt.Key.Key_Tab)  # importance
    press(qtbot, Qt.Key.Key_Tab)  # themes
    assert focused() is editor.theme_picker
    press(qtbot, Qt.Key.Key_Space)
    return editor


def test_add_undo_redo_by_keyboard(qtbot, open_window, small_db_path):
    window = open_window(small_db_path)
    editor = new_event_by_keyboard(qtbot, window, "Embassy opens", "2002-04-09")
    press(qtbot, Qt.Key.Key_Return)
    assert not editor.isVisible()
    new_id = window.selected_id
    assert new_id is not None and window.model.row_of(new_id) is not None
    shown = queries.events(window.db, [new_id])[0]
    assert shown.title == "Embassy opens" and [t.slug for t in shown.themes] == ["diplomacy"]
    assert window.detail_pane.shown_event.title == "Embassy opens"
    assert "Embassy opens" in titles_in_file(small_db_path)
    assert window.edit_actions.undo_action.text() == "&Undo Add “Embassy opens”"
    assert not window.edit_actions.redo_action.isEnabled()
    saved = dump(small_db_path)

    active(qtbot, window)
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Embassy opens" not in titles_in_file(small_db_path)
    assert window.model.row_of(new_id) is None and window.selected_id is None
    assert window.count_label.text().startswith("2 of 2")

    control_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    press(qtbot, Qt.Key.Key_Z, control_shift)
    assert dump(small_db_path) == saved  # the same content, the same id
    assert window.selected_id == new_id
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert dump(small_db_path) == saved


def test_delete_says_what_goes_with_it_and_undo_brings_it_back(
    qtbot, open_window, small_db_path, monkeypatch
):
    window = open_window(small_db_path)
    active(qtbot, window)
    event_id = next(e.id for e in queries.events(window.db, window.model.ids)
                    if e.title == "Oil deal signed")  # fmt: skip
    window.select_event(event_id)
    before = dump(small_db_path)
    asked = []
    real_confirm = edit_actions.confirm_deletion

    def confirm(parent, question, text):
        asked.append((question, text))
        return real_confirm(parent, question, text)

    monkeypatch.setattr(edit_actions, "confirm_deletion", confirm)
    window.list_pane.view.setFocus()
    answer_next_question(Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Delete)
    ((question, text),) = asked
    assert question == "Delete “Oil deal signed”?"
    assert "It is deleted with its 2 quotes." in text
    assert "Oil deal signed" not in titles_in_file(small_db_path)
    assert window.model.row_of(event_id) is None
    # It was the last: the one before it takes its place, never nothing to come back to.
    assert window.selected_id == window.model.ids[-1] and window.selected_id != event_id

    active(qtbot, window)
    window.list_pane.view.setFocus()
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dump(small_db_path) == before
    assert window.selected_id == event_id
    assert len(window.detail_pane.shown_event.citations) == 2


def test_cancelling_the_question_deletes_nothing(qtbot, open_window, small_db_path):
    window = open_window(small_db_path)
    active(qtbot, window)
    window.select_event(window.model.ids[0])
    before = dump(small_db_path)
    window.canvas.setFocus()
    answer_next_question(Qt.Key.Key_Escape)
    press(qtbot, Qt.Key.Key_Delete)
    assert dump(small_db_path) == before
    assert window.edit_session.stack.count() == 0


def test_a_refused_edit_is_said_beside_the_field_and_writes_nothing(
    qtbot, open_window, small_db_path
):
    window = open_window(small_db_path)
    before = dump(small_db_path)
    editor = new_event_by_keyboard(qtbot, window, "Backwards", "2005-06-01", end="2004")
    press(qtbot, Qt.Key.Key_Return)
    assert editor.isVisible()
    problem = editor.problem_labels["end"]
    assert problem.isVisibleTo(editor) and "ends before it starts" in problem.text()
    assert dump(small_db_path) == before
    assert window.edit_session.stack.count() == 0
    press(qtbot, Qt.Key.Key_Escape)
    assert not editor.isVisible()


def test_return_on_the_list_edits_the_event_and_one_undo_takes_it_back(
    qtbot, open_window, small_db_path
):
    window = open_window(small_db_path)
    active(qtbot, window)
    event_id = window.model.ids[1]
    window.select_event(event_id)
    before = dump(small_db_path)
    window.list_pane.view.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    editor = window.edit_actions.editor
    assert editor is not None and editor.isVisible()
    qtbot.waitUntil(lambda: focused() is editor.title_field, timeout=2000)
    focused().selectAll()
    qtbot.keyClicks(focused(), "Oil deal renamed")
    editor.citations.rows[0].remove_button.click()  # and a quote removed: one command
    editor.title_field.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert not editor.isVisible()
    assert window.selected_id == event_id
    shown = window.detail_pane.shown_event
    assert shown.title == "Oil deal renamed" and len(shown.citations) == 1
    assert window.edit_session.stack.count() == 1
    active(qtbot, window)  # back from the editor, as a window manager would
    window.list_pane.view.setFocus()
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dump(small_db_path) == before
    assert window.selected_id == event_id
    assert window.detail_pane.shown_event.title == "Oil deal signed"


def test_the_quote_field_says_found_or_not_found(qtbot, open_window, small_db_path):
    db = open_database(small_db_path)
    editing.add_source(
        db, SourceDraft("Treaty report", None, None, None, False, None, ARCHIVED, None)
    ).apply(db)
    db.close()
    window = open_window(small_db_path)
    active(qtbot, window)
    window.select_event(window.model.ids[0])
    window.detail_pane.edit_button.click()
    editor = active(qtbot, window.edit_actions.editor)
    editor.citations.add_button.click()
    row = editor.citations.rows[-1]
    row.source_box.setCurrentIndex(row.source_box.findText("“Treaty report”"))
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "called it a new")
    assert "Found in the archived text" in row.check_label.text()
    shown = row.check_label.text()
    assert "<i>Both sides <span" in shown and ">called it a new</span> beginning.</i>" in shown
    qtbot.keyClicks(focused(), " end")
    assert "Not found in the archived text" in row.check_label.text()
    web = row.source_box.findText("“On the web”", Qt.MatchFlag.MatchStartsWith)
    row.source_box.setCurrentIndex(web)
    assert "no archived text" in row.check_label.text()


@pytest.fixture
def read_only_window(open_window, small_db_path):
    """A window on a file opened read-only, as the bundled timeline is."""
    from timeline_app.ui.main_window import MainWindow

    window = open_window(small_db_path)
    window.open_database_file(small_db_path, read_only=True)
    assert window.db.read_only and isinstance(window, MainWindow)
    return window


def test_the_read_only_timeline_offers_a_copy_before_the_editor_opens_and_the_edit_goes_there(
    qtbot, read_only_window, small_db_path, tmp_path, monkeypatch
):
    window = read_only_window
    before = dump(small_db_path)
    copy = tmp_path / "mine.tldb"
    monkeypatch.setattr(file_actions, "ask_save_path", lambda *args: copy)
    asked = []  # (before an editor opened?, was the editor open?)

    def save_a_copy(parent, read_only_file, *, before_editing=False):
        asked.append((before_editing, window.edit_actions.editor is not None))
        return True

    monkeypatch.setattr(read_only, "ask_to_save_copy", save_a_copy)
    editor = new_event_by_keyboard(qtbot, window, "In my copy", "2004")
    assert asked == [(True, False)]  # at Ctrl+N, before the editor opened
    assert window.db.path == copy and not window.db.read_only
    press(qtbot, Qt.Key.Key_Return)
    assert not editor.isVisible() and len(asked) == 1  # OK saved, with no second question
    assert "In my copy" in titles_in_file(copy)
    assert dump(small_db_path) == before
    assert window.detail_pane.shown_event.title == "In my copy"
    active(qtbot, window)
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "In my copy" not in titles_in_file(copy)


def test_declining_the_copy_opens_no_editor_and_writes_nothing(
    qtbot, read_only_window, small_db_path
):
    window = read_only_window
    before = dump(small_db_path)
    active(qtbot, window)
    window.list_pane.view.setFocus()
    answer_next_question(Qt.Key.Key_Escape)
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.edit_actions.editor is None and window.db.read_only
    assert QApplication.activeModalWidget() is None
    assert dump(small_db_path) == before
