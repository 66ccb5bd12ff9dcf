"""Closing the Themes window with typing not saved asks first (Escape, Close and the window's
close button alike), as the Sources window does; opened again, a manager starts on its list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.editing.test_source_manager import answer, unsaved_question
from tests.ui.editing.test_theme_manager import press, type_into
from timeline_app.store import queries


@pytest.fixture
def window(open_window, small_db_path):
    return open_window(small_db_path)


def opened_themes(window, qtbot):
    window.manager_actions.themes_action.trigger()
    dialog = window.manager_actions.theme_manager
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_escape_with_a_typed_name_asks_and_cancel_keeps_the_typing(window, qtbot):
    manager = opened_themes(window, qtbot)
    type_into(qtbot, manager.name_field, "Foreign affairs")
    qtbot.keyClick(manager.name_field, Qt.Key.Key_Escape)
    box = unsaved_question(qtbot)
    assert "Diplomacy" in box.text()
    answer(qtbot, box, "Cancel")
    assert manager.isVisible()
    assert manager.name_field.text() == "Foreign affairs"
    qtbot.waitUntil(lambda: manager.focusWidget() is manager.name_field)


def test_the_close_button_asks_and_save_changes_saves_then_closes(window, qtbot):
    manager = opened_themes(window, qtbot)
    type_into(qtbot, manager.name_field, "Foreign affairs")
    press(qtbot, manager, manager.close_button)
    answer(qtbot, unsaved_question(qtbot), "Save Changes")
    qtbot.waitUntil(lambda: not manager.isVisible())
    assert [theme.name for theme in queries.themes(window.db)][0] == "Foreign affairs"


def test_closing_the_window_itself_asks_and_discard_drops_the_typing(window, qtbot):
    manager = opened_themes(window, qtbot)
    type_into(qtbot, manager.name_field, "Foreign affairs")
    manager.close()  # what Alt+F4 or the title bar's close button does
    box = unsaved_question(qtbot)
    assert manager.isVisible()
    answer(qtbot, box, "Discard Changes")
    qtbot.waitUntil(lambda: not manager.isVisible())
    assert window.edit_session.stack.count() == 0
    assert [theme.name for theme in queries.themes(window.db)][0] == "Diplomacy"
    again = opened_themes(window, qtbot)  # and the discarded typing is not in the form
    assert again.name_field.text() == "Diplomacy"
    assert not again.unsaved()


def test_escape_and_discard_in_the_sources_window_drops_the_typing(window, qtbot):
    window.manager_actions.sources_action.trigger()
    manager = window.manager_actions.source_manager
    qtbot.waitExposed(manager)
    stored = manager.title_field.text()
    type_into(qtbot, manager.title_field, " ZZ")
    qtbot.keyClick(manager, Qt.Key.Key_Escape)
    answer(qtbot, unsaved_question(qtbot), "Discard Changes")
    qtbot.waitUntil(lambda: not manager.isVisible())
    window.manager_actions.sources_action.trigger()
    qtbot.waitExposed(manager)
    assert manager.title_field.text() == stored
    assert not manager.unsaved()


def test_opened_again_the_themes_window_starts_on_its_list(window, qtbot):
    manager = opened_themes(window, qtbot)
    manager.colour_field.setFocus()
    qtbot.keyClick(manager.colour_field, Qt.Key.Key_Escape)  # nothing typed: closes at once
    assert not manager.isVisible()
    assert opened_themes(window, qtbot) is manager
    qtbot.waitUntil(lambda: QApplication.focusWidget() is manager.theme_list)
    qtbot.keyClick(manager.theme_list, Qt.Key.Key_Space)  # no button pressed by surprise
    assert QApplication.activeModalWidget() is None


def test_opened_again_the_sources_window_starts_on_its_list(window, qtbot):
    window.manager_actions.sources_action.trigger()
    manager = window.manager_actions.source_manager
    qtbot.waitExposed(manager)
    manager.title_field.setFocus()
    manager.reject()
    window.manager_actions.sources_action.trigger()
    qtbot.waitExposed(manager)
    qtbot.waitUntil(lambda: manager.focusWidget() is manager.source_list)
