"""The Edit menu's state and reach: actions disabled when nothing applies, shortcuts from a text
field, the undo history, and changes made by another program shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from timeline_app.store import editing, queries
from timeline_app.store.database import open_database
from timeline_app.timeline.drafts import EventDraft
from timeline_app.timeline.events import DOCUMENTS


def active(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window


def draft(title: str, start: str = "2002") -> EventDraft:
    return EventDraft(title, "", start, None, False, None, DOCUMENTS, ("energy",))


def test_edit_and_delete_need_a_selection_and_undo_a_change(open_window, small_db_path):
    window = open_window(small_db_path)
    actions = window.edit_actions
    window.select_event(None)
    assert not actions.edit_event_action.isEnabled()
    assert not actions.delete_action.isEnabled()
    assert not actions.undo_action.isEnabled() and not actions.redo_action.isEnabled()
    assert actions.new_event_action.isEnabled()
    window.select_event(window.model.ids[0])
    assert actions.edit_event_action.isEnabled() and actions.delete_action.isEnabled()
    window.edit_session.build_and_push(lambda: editing.add_event(window.db, draft("Made")))
    assert actions.undo_action.isEnabled()
    names = [action.text() for action in window.menuBar().actions()[1].menu().actions()]
    assert names[:3] == ["&Undo Add “Made”", "&Redo", "Undo &History"]


def test_ctrl_n_works_from_the_search_field_at_the_selected_events_date(
    qtbot, open_window, small_db_path
):
    window = active(qtbot, open_window(small_db_path))
    oil = next(e for e in queries.events(window.db, window.model.ids) if e.title.startswith("Oil"))
    window.select_event(oil.id)
    window.filter_panel.search_box.setFocus()
    qtbot.keyClick(
        window.filter_panel.search_box, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
    )
    editor = window.edit_actions.editor
    assert editor is not None and editor.isVisible()
    assert editor.start_field.text() == "2003-02-01"
    assert editor.windowTitle() == "New Event"


def test_delete_in_the_search_field_deletes_text_not_the_event(qtbot, open_window, small_db_path):
    window = active(qtbot, open_window(small_db_path))
    window.select_event(window.model.ids[0])
    box = window.filter_panel.search_box
    box.setFocus()
    qtbot.keyClicks(box, "oil")
    box.setCursorPosition(0)
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    assert box.text() == "il"
    assert window.edit_session.stack.count() == 0


def test_the_undo_history_lists_each_change_and_goes_back_to_one(qtbot, open_window, small_db_path):
    window = open_window(small_db_path)
    session = window.edit_session
    for title in ("One", "Two", "Three"):
        session.build_and_push(lambda title=title: editing.add_event(window.db, draft(title)))
    window.edit_actions.history_action.trigger()
    view = window.edit_actions.history_view
    assert view.isVisible()
    model = view.model()
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == [
        "The file as opened", "Add “One”", "Add “Two”", "Add “Three”",
    ]  # fmt: skip
    view.setCurrentIndex(model.index(1, 0))  # back to just after "One"
    titles = {
        e.title
        for e in queries.events(window.db, queries.event_ids(window.db, window.current_filter()))
    }
    assert "One" in titles and not titles & {"Two", "Three"}


def test_a_change_made_by_another_program_is_shown(qtbot, open_window, small_db_path):
    window = open_window(small_db_path)
    assert window.count_label.text().startswith("2 of 2")
    window.edit_session.build_and_push(lambda: editing.add_event(window.db, draft("Mine")))
    assert not window.outside_changes.check()  # the window's own change is not news
    other = open_database(small_db_path)
    try:
        editing.add_event(other, draft("From elsewhere")).apply(other)
    finally:
        other.close()
    assert window.outside_changes.check()
    assert window.count_label.text().startswith("4 of 4")
    titles = [window.model.data(window.model.index(row, 0)) for row in range(4)]
    assert any("From elsewhere" in title for title in titles)
    assert not window.outside_changes.check()  # once told, not again


def test_return_on_the_timeline_edits_the_selected_event(qtbot, open_window, small_db_path):
    window = active(qtbot, open_window(small_db_path))
    window.select_event(window.model.ids[1])
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Return)
    editor = window.edit_actions.editor
    assert editor is not None and editor.isVisible()
    assert editor.windowTitle() == "Edit Event"
    assert editor.title_field.text() == "Oil deal signed"
    assert [row.draft().quote for row in editor.citations.rows] == [
        "Oil was agreed.", "Another oil quote.",
    ]  # fmt: skip


def test_a_source_added_is_in_the_next_editors_picker(open_window, small_db_path):
    from timeline_app.timeline.drafts import SourceDraft

    window = open_window(small_db_path)
    window.select_event(window.model.ids[0])
    window.edit_actions.edit_selected()
    window.edit_actions.editor.reject()
    source = SourceDraft("A new report", None, None, None, False, None, None, None)
    assert window.edit_session.build_and_push(lambda: editing.add_source(window.db, source))
    window.edit_actions.edit_selected()
    picker = window.edit_actions.editor.citations.add_row().source_box
    assert picker.findText("“A new report”") >= 0
