"""What a reviewer found driving the editing UI by keyboard alone, each kept fixed by a test
that drives it the same way: the selection after a delete, problems re-checked as typed, where
the focus goes after OK, and the words of the questions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import PAPER, THEMES, WEB
from tests.ui.editing.test_editing_window import (
    active,
    answer_next_question,
    focused,
    new_event_by_keyboard,
    press,
    titles_in_file,
)
from timeline_app.store import editing, queries
from timeline_app.store.database import open_database
from timeline_app.store.writing import write_timeline
from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.drafts import SourceDraft
from timeline_app.timeline.events import Event, Theme

TITLES = [f"Event {number}" for number in range(1, 31)]


@pytest.fixture
def thirty_path(tmp_path):
    """Thirty events, a year apart: enough that the list scrolls."""
    path = tmp_path / "thirty.db"
    db = open_database(path, create=True)
    events = tuple(
        Event(f"e{number}", DateSpan.parse(str(1990 + number)), title, "", (THEMES[0],), ())
        for number, title in enumerate(TITLES)
    )
    write_timeline(db, "Thirty", THEMES, (PAPER, WEB), events)
    db.close()
    return path


def title_of(window, event_id):
    return queries.events(window.db, [event_id])[0].title if event_id is not None else None


def row_is_in_view(view, row):
    rect = view.visualRect(view.model().index(row, 0))
    return rect.isValid() and view.viewport().rect().intersects(rect)


def test_delete_selects_the_next_event_in_view_and_asks_each_time(qtbot, open_window, thirty_path):
    window = open_window(thirty_path)
    active(qtbot, window)
    view = window.list_pane.view
    window.select_event(window.model.ids[20])
    view.setFocus()
    for expected in ("Event 22", "Event 23"):
        answer_next_question(Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_Delete)
        qtbot.wait(50)  # the question's window gone, the focus back
        assert title_of(window, window.selected_id) == expected
        assert row_is_in_view(view, window.model.row_of(window.selected_id))
        assert view.currentIndex().row() == window.model.row_of(window.selected_id)
        active(qtbot, window)
        assert focused() is view
    assert {"Event 21", "Event 22"}.isdisjoint(titles_in_file(thirty_path))
    assert "Event 1" in titles_in_file(thirty_path)

    window.select_event(window.model.ids[-1])  # the last: the one before it takes its place
    view.setFocus()
    answer_next_question(Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Delete)
    assert title_of(window, window.selected_id) == "Event 29"


def test_focus_on_the_list_with_nothing_selected_selects_nothing(qtbot, open_window, thirty_path):
    window = open_window(thirty_path)
    active(qtbot, window)
    window.select_event(None)
    window.find_action.trigger()
    window.list_pane.view.setFocus()
    qtbot.wait(20)
    assert window.selected_id is None
    assert not window.edit_actions.delete_action.isEnabled()
    press(qtbot, Qt.Key.Key_Down)  # the keys still reach the events
    assert title_of(window, window.selected_id) == "Event 1"


def test_a_problem_goes_as_soon_as_its_field_is_put_right(qtbot, open_window, small_db_path):
    window = open_window(small_db_path)
    editor = new_event_by_keyboard(qtbot, window, "Backwards", "2005-06-01", end="2004")
    end_problem = editor.problem_labels["end"]
    editor.end_field.setFocus()
    press(qtbot, Qt.Key.Key_Tab)  # the end typed and left: its problem is said
    assert end_problem.isVisibleTo(editor) and "ends before it starts" in end_problem.text()
    editor.end_field.setFocus()
    focused().selectAll()
    qtbot.keyClicks(focused(), "2006")
    assert not end_problem.isVisibleTo(editor)  # while the field still has the focus

    start_problem = editor.problem_labels["start"]
    editor.start_field.setFocus()
    focused().selectAll()
    qtbot.keyClicks(focused(), "2005-13-01")
    press(qtbot, Qt.Key.Key_Return)  # OK refused
    assert editor.isVisible() and start_problem.isVisibleTo(editor)
    assert focused() is editor.start_field
    press(qtbot, Qt.Key.Key_End)
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Backspace)
    assert focused().text() == "2005-1"
    qtbot.keyClicks(focused(), "2-01")
    assert not start_problem.isVisibleTo(editor)


def test_an_untouched_field_keeps_quiet_until_ok(qtbot, open_window, small_db_path):
    window = open_window(small_db_path)
    active(qtbot, window)
    window.list_pane.view.setFocus()
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = window.edit_actions.editor
    qtbot.waitUntil(lambda: focused() is editor.title_field, timeout=2000)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)  # the date, past the empty title
    qtbot.keyClicks(focused(), "x")
    press(qtbot, Qt.Key.Key_Tab)
    assert editor.problem_labels["start"].isVisibleTo(editor)
    assert not editor.problem_labels["title"].isVisibleTo(editor)


def test_a_failed_ok_puts_the_focus_on_a_citation_without_a_source(
    qtbot, open_window, small_db_path
):
    window = open_window(small_db_path)
    editor = new_event_by_keyboard(qtbot, window, "Cited", "2004")
    press(qtbot, Qt.Key.Key_Tab)  # date from
    press(qtbot, Qt.Key.Key_Tab)  # Add Citation
    press(qtbot, Qt.Key.Key_Space)
    row = editor.citations.rows[0]
    assert focused() is row.source_box
    editor.title_field.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert editor.isVisible()
    assert not row.source_problem.isHidden()
    assert focused() is row.source_box


def test_after_adding_an_event_the_list_has_the_focus_on_it(qtbot, open_window, small_db_path):
    window = open_window(small_db_path)
    editor = new_event_by_keyboard(qtbot, window, "Listed", "2002")
    window.filter_panel.focus_search()  # where the reviewer found the focus
    editor.activateWindow()
    editor.theme_picker.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert not editor.isVisible()
    active(qtbot, window)
    view = window.list_pane.view
    assert focused() is view
    assert title_of(window, window.selected_id) == "Listed"
    assert view.currentIndex().row() == window.model.row_of(window.selected_id)


def test_the_delete_question_says_in_a_sentence_what_goes_and_how_to_undo(
    qtbot, open_window, small_db_path
):
    window = open_window(small_db_path)
    active(qtbot, window)
    event_id = window.model.ids[-1]  # "Oil deal signed", two quotes
    window.select_event(event_id)
    window.list_pane.view.setFocus()
    said = []

    def read_and_cancel():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(10, read_and_cancel)
            return
        said.append(box.informativeText())
        box.reject()

    QTimer.singleShot(0, read_and_cancel)
    press(qtbot, Qt.Key.Key_Delete)
    assert said == ["It is deleted with its 2 quotes. You can undo this with Ctrl+Z (Edit > Undo)."]
    assert window.model.row_of(event_id) is not None


def test_a_quote_not_found_is_said_to_be_kept_and_marked(qtbot, open_window, small_db_path):
    db = open_database(small_db_path)
    editing.add_source(
        db, SourceDraft("Treaty report", None, None, None, False, None, "Words here.", None)
    ).apply(db)
    db.close()
    window = open_window(small_db_path)
    editor = new_event_by_keyboard(qtbot, window, "Quoted", "2004")
    editor.citations.add_button.click()
    row = editor.citations.rows[-1]
    row.source_box.setCurrentIndex(row.source_box.findText("“Treaty report”"))
    row.quote_field.setFocus()
    qtbot.keyClicks(focused(), "other words")
    text = row.check_label.text()
    assert "Not found in the archived text." in text
    assert "kept" in text and "marked as not verified" in text


LONG = "The embassy reopens after eleven years of negotiations behind closed doors in Baku"


def add_long_events(window):
    from tests.ui.editing.test_edit_menu import draft

    for title in (LONG, "Short"):
        window.edit_session.build_and_push(lambda t=title: editing.add_event(window.db, draft(t)))


def test_undo_and_redo_items_cut_a_long_change_short(qtbot, open_window, small_db_path):
    window = open_window(small_db_path)
    add_long_events(window)
    actions = window.edit_actions
    assert actions.undo_action.text() == "&Undo Add “Short”"
    active(qtbot, window)
    window.list_pane.view.setFocus()
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    undo, redo = actions.undo_action.text(), actions.redo_action.text()
    assert redo == "&Redo Add “Short”"
    assert undo.startswith("&Undo Add “The embassy") and undo.endswith("…")
    assert len(undo) <= len("&Undo ") + 40
    assert actions.undo_action.statusTip() == f"Add “{LONG}”"
    model = actions.history_view.model()
    assert model.index(1, 0).data() == f"Add “{LONG}”"  # whole in the history


def test_the_undo_history_fits_its_entries_and_leaves_the_list_its_width(
    qtbot, open_window, small_db_path
):
    window = open_window(small_db_path)
    window.resize(1280, 720)
    add_long_events(window)
    qtbot.wait(50)
    list_width = window.list_pane.width()
    window.edit_actions.history_action.trigger()
    view = window.edit_actions.history_view
    qtbot.waitUntil(view.isVisible)
    qtbot.wait(50)
    assert window.list_pane.width() >= list_width  # the dates keep their room
    view.parentWidget().resize(300, view.parentWidget().height())
    view.resize(260, view.height())
    qtbot.wait(50)
    assert not view.horizontalScrollBar().isVisible()
    assert view.horizontalScrollBar().maximum() == 0
    assert view.height() >= 3 * view.sizeHintForRow(0)


SEVEN = tuple(Theme(f"theme-{number}", f"Theme {number}", "#0072B2") for number in range(1, 8))


def test_the_editor_shows_every_theme_and_how_to_order_them(qtbot, open_window, tmp_path):
    path = tmp_path / "seven.db"
    db = open_database(path, create=True)
    write_timeline(db, "Seven", SEVEN, (PAPER,), ())
    db.close()
    window = open_window(path)
    editor = new_event_by_keyboard(qtbot, window, "Themed", "2004")
    picker = editor.theme_picker
    assert picker.count() == 7
    assert picker.verticalScrollBar().maximum() == 0  # all seven without scrolling
    hint = editor.theme_hint
    assert hint.isVisibleTo(editor) and "Alt+↑/↓" in hint.text()
    assert "main theme" in hint.text()


def test_a_long_source_is_cut_with_an_ellipsis_and_whole_in_the_tooltip(
    qtbot, open_window, small_db_path
):
    long_title = "A report of many words on the negotiations " * 4
    db = open_database(small_db_path)
    editing.add_source(
        db, SourceDraft(long_title.strip(), None, None, None, False, None, None, None)
    ).apply(db)
    db.close()
    window = open_window(small_db_path)
    editor = new_event_by_keyboard(qtbot, window, "Cited", "2004")
    press(qtbot, Qt.Key.Key_Tab)  # date from
    press(qtbot, Qt.Key.Key_Tab)  # Add Citation
    press(qtbot, Qt.Key.Key_Space)
    box = editor.citations.rows[0].source_box
    assert focused() is box
    box.setCurrentIndex(box.findText("“A report", Qt.MatchFlag.MatchStartsWith))
    qtbot.wait(20)
    assert box.toolTip() == box.currentText() and long_title.strip() in box.toolTip()
    shown = box.shown_text()
    assert shown.endswith("…") and box.currentText().startswith(shown[:-1])
    assert box.fontMetrics().horizontalAdvance(shown) <= box.width()


def ringed(view) -> bool:
    """Whether the current row, while the list has the keyboard, is edged top and bottom in
    the row's text colour (white on a selected row): a ring that shows, not a faint shade."""
    index = view.currentIndex()
    rect = view.visualRect(index)
    view.setFocus()
    QApplication.processEvents()
    image = view.viewport().grab(rect).toImage()
    selected = view.selectionModel().isSelected(index)
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    ring = view.palette().color(role)

    def near(x, y):
        pixel = QColor(image.pixel(x, y))
        return max(abs(pixel.red() - ring.red()), abs(pixel.green() - ring.green()),
                   abs(pixel.blue() - ring.blue())) < 60  # fmt: skip

    edges = [(x, y) for x in range(4, image.width() - 4) for y in (1, image.height() - 2)]
    return sum(near(x, y) for x, y in edges) >= 0.9 * len(edges)


def test_the_lists_show_which_row_has_the_keyboard(qtbot, open_window, small_db_path):
    window = open_window(small_db_path)
    active(qtbot, window)
    window.select_event(window.model.ids[0])
    assert ringed(window.list_pane.view)

    editor = new_event_by_keyboard(qtbot, window, "Ringed", "2004")
    assert ringed(editor.theme_picker)


def test_ticking_a_period_waits_for_the_end_to_be_left(qtbot, open_window, small_db_path):
    window = open_window(small_db_path)
    editor = new_event_by_keyboard(qtbot, window, "A span", "2004")
    editor.period_box.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    end_problem = editor.problem_labels["end"]
    assert not end_problem.isVisibleTo(editor)  # not before the end could be written
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is editor.end_field
    press(qtbot, Qt.Key.Key_Tab)
    assert end_problem.isVisibleTo(editor)  # left empty
    editor.period_box.setFocus()
    press(qtbot, Qt.Key.Key_Space)  # no period after all
    assert not end_problem.isVisibleTo(editor)


def test_the_theme_hint_is_as_wide_as_the_themes(qtbot, open_window, small_db_path):
    window = open_window(small_db_path)
    editor = new_event_by_keyboard(qtbot, window, "Hinted", "2004")
    qtbot.wait(20)
    assert editor.theme_hint.width() >= editor.theme_picker.width() - 2
