"""Issue 12's "Done when", the whole way in the real window: a timeline built from nothing —
a theme, a source with its archived text pasted, two events quoting it (one quote found, one
not) — undone step by step to the empty file and redone, then exported to PDF. Keyboard where
a user would use it; only the questions for a file name are answered by the test."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pypdf
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog

from timeline_app.store import queries
from timeline_app.timeline.quotes import NOT_FOUND, VERIFIED
from timeline_app.ui import file_actions

CONTROL = Qt.KeyboardModifier.ControlModifier
CONTROL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

ARCHIVED = (
    "The two ministers met in Baku on a cold morning. They agreed to open a trade office in "
    "each capital before the summer. Neither side gave a date for the embassy."
)
FOUND = "They agreed to open a trade office in each capital before the summer."
NOT_IN_TEXT = "The embassy opened the next week."
FIRST, SECOND = "Trade offices agreed", "Embassy said to open"


# -- the keyboard ------------------------------------------------------------------------------


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier):
    assert focused() is not None, "nothing has the keyboard"
    qtbot.keyClick(focused(), key, modifiers)


def active(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window


def tab_to(qtbot, widget, limit: int = 40) -> None:
    """Press Tab until the widget has the keyboard, as a keyboard user would."""
    for _ in range(limit):
        if focused() is widget:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget.accessibleName() or widget}")


def push(qtbot, button) -> None:
    tab_to(qtbot, button)
    press(qtbot, Qt.Key.Key_Space)


def close_the_next_message(key=Qt.Key.Key_Escape) -> None:
    """Press a key in the next modal box as soon as it has the keyboard."""

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


def edit_menu_action(window, name: str):
    """The Edit menu's action with this text: the test opens what the menu holds."""
    edit_menu = window.menuBar().actions()[1].menu()
    (action,) = [a for a in edit_menu.actions() if a.text().replace("&", "") == name]
    return action


# -- the file ----------------------------------------------------------------------------------


# Not the file's content: the index cache and the search index's inner tables (derived, laid
# out by the order of writes), and the id counters, which an undo keeps on purpose so that no
# later row takes an id a redo will give back (store/change.py, LAST_ID).
NOT_CONTENT = ("index_cache", "_fts_", "VALUES('last id ")


def dump(path) -> list[str]:
    """The file's content as SQL."""
    with closing(sqlite3.connect(path)) as connection:
        return [
            line for line in connection.iterdump() if not any(part in line for part in NOT_CONTENT)
        ]  # fmt: skip


def counts(path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as connection:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("events", "sources", "themes", "citations")
        }


# -- the steps ---------------------------------------------------------------------------------


def new_timeline(qtbot, window, path, monkeypatch):
    """1. File > New Timeline (Ctrl+Shift+N), the name answered: an empty timeline shows."""
    monkeypatch.setattr(file_actions, "ask_save_path", lambda *args: path)
    active(qtbot, window)
    window.list_pane.view.setFocus()
    press(qtbot, Qt.Key.Key_N, CONTROL_SHIFT)
    assert window.db.path == path and not window.db.read_only
    assert window.windowTitle() == f"{path.stem} — {path.name}"
    assert counts(path) == {"events": 0, "sources": 0, "themes": 0, "citations": 0}
    assert window.model.rowCount() == 0
    assert window.count_label.text().startswith("0 of 0"), window.count_label.text()
    assert window.detail_pane.shown_event is None
    assert not window.edit_actions.undo_action.isEnabled()


def add_theme(qtbot, window):
    """2a. Edit > Themes…: a theme typed and added; Escape closes the manager."""
    edit_menu_action(window, "Themes…").trigger()
    manager = window.manager_actions.theme_manager
    qtbot.waitExposed(manager)
    active(qtbot, manager)
    tab_to(qtbot, manager.name_field)
    qtbot.keyClicks(manager.name_field, "Trade")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is manager.colour_field
    press(qtbot, Qt.Key.Key_A, CONTROL)
    qtbot.keyClicks(manager.colour_field, "#009E73")
    push(qtbot, manager.add_button)
    assert [(t.name, t.colour.lower()) for t in queries.themes(window.db)] == [
        ("Trade", "#009e73")
    ]  # fmt: skip
    press(qtbot, Qt.Key.Key_Escape)
    assert not manager.isVisible()


def add_source(qtbot, window):
    """2b. Edit > Sources…: a source typed, its archived text pasted, added."""
    edit_menu_action(window, "Sources…").trigger()
    manager = window.manager_actions.source_manager
    qtbot.waitExposed(manager)
    active(qtbot, manager)
    push(qtbot, manager.new_button)
    assert focused() is manager.title_field
    qtbot.keyClicks(manager.title_field, "Ministers meet in Baku")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "Caspian Gazette")  # publisher
    QGuiApplication.clipboard().setText(ARCHIVED)
    tab_to(qtbot, manager.text_field)
    press(qtbot, Qt.Key.Key_V, CONTROL)
    assert manager.text_field.toPlainText() == ARCHIVED
    push(qtbot, manager.save_button)  # a new source: Save adds it
    (source,) = queries.sources(window.db)
    assert source.title == "Ministers meet in Baku"
    from timeline_app.store import editing

    assert editing.archived_text(window.db, source.id) == ARCHIVED
    tab_to(qtbot, manager.close_button)
    press(qtbot, Qt.Key.Key_Space)
    assert not manager.isVisible()


def new_event(qtbot, window, title, date, quote, found: bool):
    """3. Ctrl+N: title, date, the theme (the only one, ticked already), a citation of the
    source whose quote the editor checks as it is typed; Return saves."""
    active(qtbot, window)
    window.list_pane.view.setFocus()
    press(qtbot, Qt.Key.Key_N, CONTROL)
    editor = window.edit_actions.editor
    assert editor is not None
    qtbot.waitUntil(lambda: focused() is editor.title_field, timeout=2000)
    qtbot.keyClicks(focused(), title)
    press(qtbot, Qt.Key.Key_Tab)  # summary
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is editor.start_field
    focused().selectAll()
    qtbot.keyClicks(focused(), date)
    tab_to(qtbot, editor.theme_picker)
    (trade,) = queries.themes(window.db)
    assert editor.draft().theme_slugs == (trade.slug,), "the one theme is ticked for a new event"
    push(qtbot, editor.citations.add_button)
    row = editor.citations.rows[-1]
    assert focused() is row.source_box
    press(qtbot, Qt.Key.Key_Down)  # the first (the only) source
    assert "Ministers meet in Baku" in row.source_box.currentText()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is row.quote_field
    qtbot.keyClicks(focused(), quote)
    if found:
        assert row.status == VERIFIED
        shown = row.check_label.text()
        assert "Found in the archived text" in shown and "trade office in each capital" in shown
        assert "cold morning" not in shown  # the sentence around it, not the whole text
    else:
        assert row.status == NOT_FOUND
        assert "Not found in the archived text" in row.check_label.text()
    editor.title_field.setFocus()  # Return in the quote field is a new line; in a field, OK
    press(qtbot, Qt.Key.Key_Return)
    assert not editor.isVisible()
    assert window.detail_pane.shown_event is not None
    assert window.detail_pane.shown_event.title == title


def build(qtbot, window, path, monkeypatch) -> list[str]:
    """Steps 1 to 3; the dump of the empty file, taken right after step 1."""
    new_timeline(qtbot, window, path, monkeypatch)
    empty = dump(path)
    add_theme(qtbot, window)
    add_source(qtbot, window)
    new_event(qtbot, window, FIRST, "2019-06-04", FOUND, found=True)
    new_event(qtbot, window, SECOND, "2019-07-15", NOT_IN_TEXT, found=False)
    return empty


def statuses_shown(window) -> dict[str, str]:
    return {
        block.citation.quote: block.status_label.property("quoteStatus")
        for block in window.detail_pane.quote_blocks
    }


# -- the tests ---------------------------------------------------------------------------------


@pytest.fixture
def window(open_window, small_db_path):
    """The window as it starts on some other timeline; the story begins with File > New."""
    return open_window(small_db_path)


def test_a_sourced_timeline_built_from_nothing_shows_its_quotes_checked(
    qtbot, window, tmp_path, monkeypatch
):
    path = tmp_path / "from-nothing.tldb"
    build(qtbot, window, path, monkeypatch)
    assert counts(path) == {"events": 2, "sources": 1, "themes": 1, "citations": 2}

    # 4. The list shows both events; the detail pane marks each quote.
    titles = [window.model.data(window.model.index(row, 0)) for row in range(2)]
    assert window.model.rowCount() == 2
    assert any(FIRST in t for t in titles) and any(SECOND in t for t in titles), titles
    assert window.count_label.text().startswith("2 of 2")
    assert statuses_shown(window) == {NOT_IN_TEXT: NOT_FOUND}  # the second, just saved
    assert "Not found" in window.detail_pane.quote_blocks[0].status_label.text()
    active(qtbot, window)
    window.list_pane.view.setFocus()
    press(qtbot, Qt.Key.Key_Up)  # to the first event, in date order above the second
    assert window.detail_pane.shown_event.title == FIRST
    assert statuses_shown(window) == {FOUND: VERIFIED}
    assert "Verified" in window.detail_pane.quote_blocks[0].status_label.text()


def test_every_step_undone_leaves_the_empty_file_and_redone_the_built_one(
    qtbot, window, tmp_path, monkeypatch
):
    path = tmp_path / "from-nothing.tldb"
    empty = build(qtbot, window, path, monkeypatch)
    built = dump(path)
    assert window.edit_session.stack.count() == 4  # theme, source, two events

    # 5. Ctrl+Z until there is nothing left to undo, then Ctrl+Shift+Z until nothing to redo.
    active(qtbot, window)
    window.list_pane.view.setFocus()
    undone = 0
    while window.edit_actions.undo_action.isEnabled():
        assert undone < 10, "Undo is still enabled after every change was undone"
        press(qtbot, Qt.Key.Key_Z, CONTROL)
        undone += 1
    assert undone == 4
    assert counts(path) == {"events": 0, "sources": 0, "themes": 0, "citations": 0}
    assert dump(path) == empty
    assert window.model.rowCount() == 0

    redone = 0
    while window.edit_actions.redo_action.isEnabled():
        assert redone < 10, "Redo is still enabled after every change was redone"
        press(qtbot, Qt.Key.Key_Z, CONTROL_SHIFT)
        redone += 1
    assert redone == 4
    assert dump(path) == built
    assert window.model.rowCount() == 2


def test_the_built_timeline_exports_to_a_pdf_with_its_quotes_marked(
    qtbot, window, tmp_path, monkeypatch
):
    path = tmp_path / "from-nothing.tldb"
    build(qtbot, window, path, monkeypatch)

    # 6. File > Export PDF… (Ctrl+E): the name answered; the offer to open it closed.
    pdf = tmp_path / "from nothing.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(pdf), args[-1]))
    )
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url) or True))  # fmt: skip
    active(qtbot, window)
    window.list_pane.view.setFocus()
    close_the_next_message(Qt.Key.Key_Escape)
    press(qtbot, Qt.Key.Key_E, CONTROL)
    assert pdf.is_file() and opened == []
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(pdf).pages)
    assert FIRST in text and SECOND in text
    assert f"“{FOUND}” [1] · verified in the archived source" in text, text
    assert f"“{NOT_IN_TEXT}” [1] · not found in the archived source" in text, text
