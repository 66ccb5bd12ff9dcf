"""Ctrl+Y that deletes an event again selects the next event, as the delete itself did (it
used to leave nothing selected, so a second Delete did nothing and the details went blank)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.editing.test_editing_window import active, answer_next_question, press
from tests.ui.editing.test_review_findings import thirty_path, title_of  # noqa: F401


def test_redo_of_a_delete_selects_the_next_event_as_the_delete_did(
    qtbot,
    open_window,
    thirty_path,  # noqa: F811
):
    window = open_window(thirty_path)
    active(qtbot, window)
    view = window.list_pane.view
    window.select_event(window.model.ids[9])
    assert title_of(window, window.selected_id) == "Event 10"
    view.setFocus()
    answer_next_question(Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Delete)
    assert title_of(window, window.selected_id) == "Event 11"

    active(qtbot, window)
    view.setFocus()
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert title_of(window, window.selected_id) == "Event 10"  # brought back, selected
    press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert title_of(window, window.selected_id) == "Event 11"
    assert view.currentIndex().row() == window.model.row_of(window.selected_id)
    assert window.detail_pane.shown_event.title == "Event 11"
    assert window.edit_actions.delete_action.isEnabled()


def test_redo_of_deleting_the_last_event_selects_the_one_before(
    qtbot,
    open_window,
    thirty_path,  # noqa: F811
):
    window = open_window(thirty_path)
    active(qtbot, window)
    view = window.list_pane.view
    window.select_event(window.model.ids[-1])
    view.setFocus()
    answer_next_question(Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Delete)
    active(qtbot, window)
    view.setFocus()
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert title_of(window, window.selected_id) == "Event 29"
