"""Edit > Themes… driven from the keyboard: add, rename, recolour, reorder and delete themes,
each one undoable change; a name taken already is said beside the field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from timeline_app.store import queries
from timeline_app.ui.editing import theme_manager as theme_manager_module


@pytest.fixture
def window(open_window, small_db_path):
    return open_window(small_db_path)


@pytest.fixture
def manager(window, qtbot):
    window.manager_actions.themes_action.trigger()
    dialog = window.manager_actions.theme_manager
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # the keys go to it
    return dialog


def names(window) -> list[str]:
    return [theme.name for theme in queries.themes(window.db)]


def themes_of(window, key: str) -> list[str]:
    (event_id,) = [e.id for e in queries.filtered_events(window.db, window.current_filter())
                   if e.key == key]  # fmt: skip
    return [theme.slug for theme in queries.events(window.db, [event_id])[0].themes]


def tab_to(qtbot, dialog, widget, limit: int = 30) -> None:
    """Press Tab until the widget has the focus, as a keyboard user would."""
    for _ in range(limit):
        if QApplication.focusWidget() is widget:
            return
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget.objectName() or widget.text()}")


def type_into(qtbot, field, text: str) -> None:
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def press(qtbot, dialog, button) -> None:
    tab_to(qtbot, dialog, button)
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_the_themes_are_listed_in_order_and_the_menu_opens_them(manager, window):
    assert window.manager_actions.themes_action in window.menuBar().actions()[1].menu().actions()
    listed = [manager.theme_list.item(row).text() for row in range(manager.theme_list.count())]
    assert listed == names(window) == ["Diplomacy", "Energy"]


def test_a_theme_added_from_the_keyboard_is_one_undoable_change(manager, window, qtbot):
    type_into(qtbot, manager.name_field, "Trade & Economy")
    qtbot.keyClick(manager.name_field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is manager.colour_field
    qtbot.keyClick(manager.colour_field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(manager.colour_field, "#009E73")
    press(qtbot, manager, manager.add_button)

    assert names(window) == ["Diplomacy", "Energy", "Trade & Economy"]
    assert queries.themes(window.db)[-1].colour.lower() == "#009e73"
    assert manager.current_theme().name == "Trade & Economy"
    assert window.edit_session.stack.count() == 1
    window.edit_session.stack.undo()
    assert names(window) == ["Diplomacy", "Energy"]
    assert manager.theme_list.count() == 2  # the manager follows the undo
    window.edit_session.stack.redo()
    assert names(window)[-1] == "Trade & Economy"


def test_renaming_to_a_name_taken_says_so_beside_the_field_and_changes_nothing(
    manager, window, qtbot
):
    manager.theme_list.setFocus()
    qtbot.keyClick(manager.theme_list, Qt.Key.Key_Down)
    assert manager.current_theme().name == "Energy"
    type_into(qtbot, manager.name_field, "diplomacy")
    qtbot.keyClick(manager.name_field, Qt.Key.Key_Return)  # Enter neither saves nor closes
    assert manager.isVisible() and window.edit_session.stack.count() == 0
    press(qtbot, manager, manager.save_button)

    beside = manager.problems.labels["name"]
    assert beside.isVisible()
    assert "Diplomacy" in beside.text() or "diplomacy" in beside.text()
    assert manager.name_field.accessibleDescription() == beside.text()
    assert names(window) == ["Diplomacy", "Energy"]
    assert window.edit_session.stack.count() == 0
    assert not any(isinstance(w, QMessageBox) and w.isVisible()
                   for w in QApplication.topLevelWidgets())  # fmt: skip


def test_rename_and_recolour_in_one_change_and_a_bad_colour_said_beside_its_field(
    manager, window, qtbot
):
    type_into(qtbot, manager.colour_field, "blue")
    press(qtbot, manager, manager.save_button)
    assert manager.problems.labels["colour"].isVisible()
    assert "#" in manager.problems.labels["colour"].text()
    assert window.edit_session.stack.count() == 0

    type_into(qtbot, manager.name_field, "Foreign affairs")
    type_into(qtbot, manager.colour_field, "#CC79A7")
    press(qtbot, manager, manager.save_button)
    assert not manager.problems.labels["colour"].isVisible()
    assert [(t.name, t.colour.lower()) for t in queries.themes(window.db)][0] == (
        "Foreign affairs", "#cc79a7"
    )  # fmt: skip
    assert window.edit_session.stack.count() == 1
    window.edit_session.stack.undo()
    assert queries.themes(window.db)[0].name == "Diplomacy"
    assert manager.name_field.text() == "Diplomacy"


def test_the_colour_picker_fills_the_hex_field(manager, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(theme_manager_module, "ask_colour",
                        lambda parent, colour: asked.append(colour) or "#d55e00")  # fmt: skip
    press(qtbot, manager, manager.choose_button)
    assert asked == [queries.themes(manager.window_.db)[0].colour]
    assert manager.colour_field.text() == "#d55e00"


def test_moving_a_theme_up_changes_the_order_and_undo_puts_it_back(manager, window, qtbot):
    manager.theme_list.setFocus()
    qtbot.keyClick(manager.theme_list, Qt.Key.Key_Down)
    press(qtbot, manager, manager.up_button)
    assert names(window) == ["Energy", "Diplomacy"]
    assert manager.current_theme().name == "Energy"
    assert not manager.up_button.isEnabled()
    window.edit_session.stack.undo()
    assert names(window) == ["Diplomacy", "Energy"]


def test_deleting_says_how_many_events_lose_the_theme_and_undo_brings_the_links_back(
    manager, window, qtbot
):
    assert themes_of(window, "html-title") == ["diplomacy"]
    press(qtbot, manager, manager.delete_button)
    box = manager.findChild(QMessageBox)
    qtbot.waitExposed(box)
    assert "Diplomacy" in box.text()
    assert "1 event" in box.informativeText()
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # cancelled: nothing happens
    assert names(window) == ["Diplomacy", "Energy"]

    press(qtbot, manager, manager.delete_button)
    box = [b for b in manager.findChildren(QMessageBox) if b.isVisible()][0]
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the default button deletes
    assert names(window) == ["Energy"]
    assert themes_of(window, "html-title") == []
    assert [manager.theme_list.item(r).text() for r in range(manager.theme_list.count())] == [
        "Energy"
    ]

    window.edit_session.stack.undo()
    assert names(window) == ["Diplomacy", "Energy"]
    assert themes_of(window, "html-title") == ["diplomacy"]


def test_brought_to_the_front_it_shows_a_change_made_by_another_program(manager, window):
    from PySide6.QtCore import QEvent

    from timeline_app.store import editing
    from timeline_app.store.database import open_database
    from timeline_app.timeline.drafts import ThemeDraft

    other = open_database(window.db.path)
    try:
        editing.edit_theme(other, "energy", ThemeDraft("Oil and gas", "#E69F00")).apply(other)
    finally:
        other.close()
    assert "Oil and gas" not in [manager.theme_list.item(r).text() for r in range(2)]
    QApplication.sendEvent(manager, QEvent(QEvent.Type.WindowActivate))
    assert [manager.theme_list.item(r).text() for r in range(2)] == ["Diplomacy", "Oil and gas"]


def test_on_a_read_only_timeline_the_theme_goes_to_the_copy_the_user_saves(
    small_db_path, qtbot, tmp_path, monkeypatch
):
    from timeline_app.store.database import open_database
    from timeline_app.ui import file_actions
    from timeline_app.ui.editing import read_only
    from timeline_app.ui.main_window import MainWindow

    monkeypatch.setattr(read_only, "ask_to_save_copy", lambda parent, read_only_file, **_: True)
    copy = tmp_path / "mine.tldb"
    monkeypatch.setattr(file_actions, "ask_save_path", lambda *args: copy)
    original = open_database(small_db_path, read_only=True)
    window = MainWindow(original)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    manager = window.manager_actions.open_themes()
    qtbot.waitExposed(manager)
    manager.activateWindow()
    qtbot.waitUntil(manager.isActiveWindow)
    try:
        type_into(qtbot, manager.name_field, "Trade")
        press(qtbot, manager, manager.add_button)
        assert window.db.path == copy and not window.db.read_only
        assert names(window) == ["Diplomacy", "Energy", "Trade"]
        assert manager.current_theme().name == "Trade"
        window.edit_session.stack.undo()
        assert names(window) == ["Diplomacy", "Energy"]
        assert manager.theme_list.count() == 2  # it follows the copy's session now
    finally:
        manager.close()
        window.close()
        window.db.close()


def test_a_problem_is_said_in_the_event_editors_style(manager, window, qtbot):
    """One style for a problem beside a field in every editor: the event editor's colour,
    not bold black."""
    from timeline_app.ui.editing.fields import ProblemLabel

    taken = names(window)[1]
    manager.theme_list.setFocus()
    tab_to(qtbot, manager, manager.name_field)
    type_into(qtbot, manager.name_field, taken)
    press(qtbot, manager, manager.save_button)
    label = manager.problems.labels["name"]
    assert label.isVisible() and taken in label.text()
    editors = ProblemLabel(manager)
    role = editors.foregroundRole()
    assert label.palette().color(role) == editors.palette().color(role)
    assert label.palette().color(role) != manager.palette().color(role)
    assert label.font().weight() == editors.font().weight()
    assert label.fontInfo().bold() == editors.fontInfo().bold()


def test_undo_and_redo_keys_work_in_the_themes_window_and_it_shows_the_result(
    manager, window, qtbot
):
    manager.theme_list.setFocus()
    tab_to(qtbot, manager, manager.name_field)
    type_into(qtbot, manager.name_field, "Water")
    press(qtbot, manager, manager.add_button)
    assert "Water" in names(window)
    manager.theme_list.setFocus()
    assert manager.isActiveWindow()

    qtbot.keyClick(manager.theme_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Water" not in names(window)
    assert "Water" not in [manager.theme_list.item(i).text()
                           for i in range(manager.theme_list.count())]  # fmt: skip
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(manager.theme_list, Qt.Key.Key_Z, shift_ctrl)
    assert "Water" in names(window)
    assert "Water" in [manager.theme_list.item(i).text() for i in range(manager.theme_list.count())]
    qtbot.keyClick(manager.theme_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(manager.theme_list, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert "Water" in names(window) and manager.theme_list.count() == len(names(window))


def test_return_in_the_name_field_saves_the_theme(manager, window, qtbot):
    manager.theme_list.setFocus()
    manager.theme_list.setCurrentRow(0)
    tab_to(qtbot, manager, manager.name_field)
    type_into(qtbot, manager.name_field, "Renamed by Return")
    qtbot.keyClick(manager.name_field, Qt.Key.Key_Return)
    assert names(window)[0] == "Renamed by Return"
    assert manager.isVisible() and QApplication.activeModalWidget() is None  # not Choose…
