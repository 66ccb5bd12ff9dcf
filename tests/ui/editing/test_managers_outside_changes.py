"""An open Themes or Sources window follows the main window's check for changes made by another
program, even while it has the focus (it gets no WindowActivate then); its typing is kept."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.editing.test_theme_manager import type_into
from timeline_app.store import editing, queries
from timeline_app.store.database import open_database
from timeline_app.timeline.drafts import SourceDraft, ThemeDraft


@pytest.fixture
def window(open_window, small_db_path):
    return open_window(small_db_path)


def focused(dialog, qtbot):
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def elsewhere(window, change) -> None:
    """Another program's connection makes the change and commits it."""
    other = open_database(window.db.path)
    try:
        change(other).apply(other)
    finally:
        other.close()


def listed(widget) -> list[str]:
    return [widget.item(row).text() for row in range(widget.count())]


def test_the_themes_window_with_the_focus_shows_a_theme_renamed_elsewhere(window, qtbot):
    window.manager_actions.themes_action.trigger()
    manager = focused(window.manager_actions.theme_manager, qtbot)
    type_into(qtbot, manager.name_field, "Foreign affairs")  # typing on Diplomacy, not saved
    elsewhere(window, lambda db: editing.edit_theme(db, "energy", ThemeDraft("Oil", "#E69F00")))

    assert window.outside_changes.check()  # what the window's 2 s timer runs
    assert listed(manager.theme_list) == ["Diplomacy", "Oil"]
    assert manager.isActiveWindow()
    assert manager.name_field.text() == "Foreign affairs"  # the typing kept
    assert manager.unsaved()


def test_the_two_second_check_reaches_the_themes_window_without_reactivating_it(window, qtbot):
    window.manager_actions.themes_action.trigger()
    manager = focused(window.manager_actions.theme_manager, qtbot)
    elsewhere(window, lambda db: editing.edit_theme(db, "energy", ThemeDraft("Oil", "#E69F00")))
    qtbot.waitUntil(lambda: listed(manager.theme_list) == ["Diplomacy", "Oil"], timeout=6000)
    assert QApplication.activeWindow() is manager


def test_the_sources_window_with_the_focus_shows_a_source_added_elsewhere(window, qtbot):
    window.manager_actions.sources_action.trigger()
    manager = focused(window.manager_actions.source_manager, qtbot)
    before = listed(manager.source_list)
    gazette = SourceDraft("Caspian Gazette", None, None, None, False, None, None, None)
    elsewhere(window, lambda db: editing.add_source(db, gazette))

    assert window.outside_changes.check()
    assert len(listed(manager.source_list)) == len(before) + 1
    assert any("Caspian Gazette" in text for text in listed(manager.source_list))
    stored = sorted(source.title for source in queries.sources(window.db))
    assert stored == sorted(source.title for source in manager.shown)
