"""Edit > Sources… driven from the keyboard: a source added with its archived text pasted or read
from a file (a binary one refused), edited, deleted with what goes with it, and undone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from timeline_app.store import editing, queries
from timeline_app.ui.editing import source_manager as source_manager_module
from timeline_app.ui.source_dialog import SourceDialog

ARTICLE = "The embassy opened on Tuesday. “We are here to stay,” the envoy said."


@pytest.fixture
def window(open_window, small_db_path):
    return open_window(small_db_path)


@pytest.fixture
def manager(window, qtbot):
    window.manager_actions.sources_action.trigger()
    dialog = window.manager_actions.source_manager
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # the keys go to it
    return dialog


def assert_not_cut(box: QMessageBox) -> None:
    """The whole question shows, wrapped if long, not cut at the box's edge."""
    label = box.findChild(QLabel, "qt_msgbox_label")
    flags = Qt.TextFlag.TextWordWrap if label.wordWrap() else Qt.TextFlag.TextSingleLine
    needed = label.fontMetrics().boundingRect(QRect(0, 0, label.width(), 10_000),
                                              flags, label.text())  # fmt: skip
    assert needed.width() <= label.width() and needed.height() <= label.height()


def titles(window) -> list[str]:
    return sorted(source.title for source in queries.sources(window.db))


def press(qtbot, dialog, button, limit: int = 40) -> None:
    """Tab to the button, as a keyboard user would, and press Space."""
    for _ in range(limit):
        if QApplication.focusWidget() is button:
            qtbot.keyClick(button, Qt.Key.Key_Space)
            return
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {button.text()}")


def answer_file_dialog(monkeypatch, path) -> None:
    monkeypatch.setattr(source_manager_module, "ask_document_file", lambda parent: path)


def new_source_typed(qtbot, manager, title: str) -> None:
    press(qtbot, manager, manager.new_button)
    assert QApplication.focusWidget() is manager.title_field
    qtbot.keyClicks(manager.title_field, title)
    qtbot.keyClick(manager.title_field, Qt.Key.Key_Return)  # Enter neither closes nor opens
    assert manager.isVisible() and QApplication.activeModalWidget() is None
    qtbot.keyClick(manager.title_field, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Caspian Gazette")  # publisher
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # author, then the date
    assert QApplication.focusWidget() is manager.published_field
    qtbot.keyClicks(manager.published_field, "2023-03-29")


def test_a_source_added_with_pasted_archived_text_is_one_undoable_change(manager, window, qtbot):
    new_source_typed(qtbot, manager, "Embassy report")
    QGuiApplication.clipboard().setText(ARTICLE)
    manager.text_field.setFocus()
    qtbot.keyClick(manager.text_field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "characters" in manager.text_count.text()
    press(qtbot, manager, manager.save_button)

    added = manager.current_source()
    assert added is not None and added.title == "Embassy report"
    draft = editing.source_draft(window.db, added.id)
    assert (draft.publisher, draft.published, draft.archived_text) == (
        "Caspian Gazette", "2023-03-29", ARTICLE
    )  # fmt: skip
    assert editing.archived_text(window.db, added.id) == ARTICLE
    assert window.edit_session.stack.count() == 1
    window.edit_session.stack.undo()
    assert "Embassy report" not in titles(window)
    assert "Embassy report" not in [s.title for s in manager.shown]
    window.edit_session.stack.redo()
    assert editing.archived_text(window.db, added.id) == ARTICLE


def test_archived_text_is_read_from_an_html_file_without_its_markup(
    manager, qtbot, tmp_path, monkeypatch
):
    page = tmp_path / "article.html"
    page.write_text(
        "<html><head><script>steal()</script></head><body><h1>Embassy</h1>"
        f"<p>{ARTICLE}</p></body></html>",
        encoding="utf-8",
    )
    answer_file_dialog(monkeypatch, page)
    new_source_typed(qtbot, manager, "Saved page")
    press(qtbot, manager, manager.read_button)
    text = manager.text_field.toPlainText()
    assert text == f"Embassy\n\n{ARTICLE}"
    assert not manager.problems.labels["archived_text"].isVisible()


def test_a_binary_file_is_refused_beside_the_field_and_the_text_is_kept(
    manager, qtbot, tmp_path, monkeypatch
):
    picture = tmp_path / "scan.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    answer_file_dialog(monkeypatch, picture)
    manager.text_field.setPlainText("What was there before.")
    press(qtbot, manager, manager.read_button)
    beside = manager.problems.labels["archived_text"]
    assert beside.isVisible()
    assert "scan.png" in beside.text() and "not text" in beside.text()
    assert manager.text_field.toPlainText() == "What was there before."


def test_a_source_without_a_title_is_not_added_and_the_field_says_why(manager, window, qtbot):
    before = titles(window)
    press(qtbot, manager, manager.new_button)
    manager.published_field.setFocus()
    qtbot.keyClicks(manager.published_field, "2023-02-30")
    press(qtbot, manager, manager.save_button)
    assert manager.problems.labels["title"].isVisible()
    assert manager.problems.labels["published"].isVisible()
    assert titles(window) == before
    assert window.edit_session.stack.count() == 0


def test_editing_a_source_saves_its_fields_as_one_change(manager, window, qtbot):
    manager.select_source("paper")
    manager.author_field.setFocus()
    qtbot.keyClicks(manager.author_field, "A. Reporter")
    press(qtbot, manager, manager.save_button)
    assert editing.source_draft(window.db, "paper").author == "A. Reporter"
    window.edit_session.stack.undo()
    assert editing.source_draft(window.db, "paper").author is None
    assert manager.author_field.text() == ""


def test_deleting_a_source_says_how_many_quotes_go_with_it_and_undo_brings_them_back(
    manager, window, qtbot
):
    new_source_typed(
        qtbot, manager, "A title long enough to run past the edge of a message box " * 2
    )
    press(qtbot, manager, manager.save_button)
    press(qtbot, manager, manager.delete_button)
    box = [b for b in manager.findChildren(QMessageBox) if b.isVisible()][0]
    qtbot.waitExposed(box)
    assert_not_cut(box)
    qtbot.keyClick(box, Qt.Key.Key_Escape)

    manager.select_source("paper")
    cited = len(queries.events_citing(window.db, "paper"))
    assert cited == 2
    press(qtbot, manager, manager.delete_button)
    box = [b for b in manager.findChildren(QMessageBox) if b.isVisible()][0]
    assert "A <i>printed</i> report" in box.text()
    assert "2 quotes" in box.informativeText()
    assert_not_cut(box)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert "A <i>printed</i> report" not in titles(window)
    assert queries.events_citing(window.db, "paper") == []

    window.edit_session.stack.undo()
    assert len(queries.events_citing(window.db, "paper")) == 2
    assert "A <i>printed</i> report" in [s.title for s in manager.shown]


def test_a_source_opened_from_the_detail_pane_offers_to_edit_it(window, qtbot):
    paper = next(source for source in queries.sources(window.db) if source.id == "paper")
    window.show_source(paper)
    dialog = window.findChild(SourceDialog)
    qtbot.waitExposed(dialog)
    assert dialog.edit_button is not None and dialog.edit_button.text() == "&Edit Source…"
    dialog.edit_button.setFocus()
    qtbot.keyClick(dialog.edit_button, Qt.Key.Key_Space)
    manager = window.manager_actions.source_manager
    assert manager is not None and manager.isVisible()
    assert manager.current_source().id == "paper"
    assert manager.title_field.text() == "A <i>printed</i> report"


def test_archived_text_given_to_a_source_marks_its_quotes_in_the_detail_pane(
    manager, window, qtbot
):
    """The whole way: the source's text saved here, the quote checked, the mark shown."""
    from timeline_app.timeline.quotes import NOT_FOUND, UNVERIFIABLE, VERIFIED

    event_id = next(e.id for e in queries.events_citing(window.db, "web"))
    window.select_event(event_id)
    marks = {b.citation.quote: b.status_label.text() for b in window.detail_pane.quote_blocks}
    assert all(mark.startswith("?") for mark in marks.values())  # no archived text yet

    manager.select_source("web")
    manager.text_field.setFocus()
    qtbot.keyClicks(manager.text_field, "In the end, Oil was agreed. Prices fell.")
    press(qtbot, manager, manager.save_button)
    statuses = {b.citation.quote: b.status_label.property("quoteStatus")
                for b in window.detail_pane.quote_blocks}  # fmt: skip
    assert statuses == {"Oil was agreed.": VERIFIED, "Another oil quote.": UNVERIFIABLE}

    manager.text_field.setPlainText("Nothing about it.")
    press(qtbot, manager, manager.save_button)
    statuses = {b.citation.quote: b.status_label.property("quoteStatus")
                for b in window.detail_pane.quote_blocks}  # fmt: skip
    assert statuses["Oil was agreed."] == NOT_FOUND
    window.edit_session.stack.undo()
    assert window.detail_pane.quote_blocks[0].status_label.property("quoteStatus") == VERIFIED


def unsaved_question(qtbot) -> QMessageBox:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    qtbot.waitExposed(box)
    qtbot.waitUntil(box.isActiveWindow)  # the keys go to it
    assert "not saved" in box.text()
    return box


def answer(qtbot, box: QMessageBox, text: str) -> None:
    """Tab to the answer in the question and press Space."""
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    for _ in range(10):
        if QApplication.focusWidget() is button:
            qtbot.keyClick(button, Qt.Key.Key_Space)
            qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not box)
            return
        qtbot.keyClick(QApplication.focusWidget() or box, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {text}")


def typed_into_paper(manager, qtbot) -> None:
    manager.select_source("paper")
    manager.text_field.setFocus()
    qtbot.keyClicks(manager.text_field, "A long archived text, typed and not saved.")
    manager.source_list.setFocus()


def test_moving_in_the_list_with_unsaved_changes_asks_and_cancel_keeps_list_and_form_together(
    manager, window, qtbot
):
    typed_into_paper(manager, qtbot)
    qtbot.keyClick(manager.source_list, Qt.Key.Key_Down)
    box = unsaved_question(qtbot)
    assert "A <i>printed</i> report" in box.text()
    # While it asks, the list still highlights the source the form shows.
    assert [item.text() for item in manager.source_list.selectedItems()] == [
        "A <i>printed</i> report"
    ]
    assert manager.current_source().id == "paper"
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Cancel
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert manager.current_source().id == "paper"
    assert manager.source_list.currentItem().text() == manager.title_field.text()
    assert manager.text_field.toPlainText() == "A long archived text, typed and not saved."
    assert window.edit_session.stack.count() == 0


def test_discard_shows_the_source_chosen_in_the_list(manager, window, qtbot):
    typed_into_paper(manager, qtbot)
    row = manager.source_list.currentRow()
    qtbot.keyClick(manager.source_list, Qt.Key.Key_Down)
    answer(qtbot, unsaved_question(qtbot), "Discard Changes")
    chosen = manager.shown[row + 1]
    assert manager.current_source().id == chosen.id
    assert manager.title_field.text() == chosen.title
    assert manager.source_list.currentItem().text() == manager.title_field.text()
    assert editing.archived_text(window.db, "paper") is None
    assert window.edit_session.stack.count() == 0


def test_save_in_the_question_saves_then_shows_the_source_chosen(manager, window, qtbot):
    typed_into_paper(manager, qtbot)
    row = manager.source_list.currentRow()
    chosen = manager.shown[row + 1]
    qtbot.keyClick(manager.source_list, Qt.Key.Key_Down)
    qtbot.keyClick(unsaved_question(qtbot), Qt.Key.Key_Return)  # Save Changes is the default
    qtbot.waitUntil(lambda: manager.current_source().id == chosen.id)
    assert editing.archived_text(window.db, "paper") == "A long archived text, typed and not saved."
    assert manager.title_field.text() == chosen.title


def test_escape_with_unsaved_changes_asks_before_closing(manager, window, qtbot):
    typed_into_paper(manager, qtbot)
    qtbot.keyClick(manager.source_list, Qt.Key.Key_Escape)
    box = unsaved_question(qtbot)
    assert manager.isVisible()
    answer(qtbot, box, "Discard Changes")
    qtbot.waitUntil(lambda: not manager.isVisible())
    assert window.edit_session.stack.count() == 0


def test_with_no_changes_escape_closes_at_once(manager, qtbot):
    qtbot.keyClick(manager.source_list, Qt.Key.Key_Down)
    qtbot.keyClick(manager.source_list, Qt.Key.Key_Escape)
    assert not manager.isVisible()


def test_one_button_starts_a_new_source_and_save_says_it_adds_it(manager, window, qtbot):
    buttons = [b.text().replace("&", "") for b in manager.findChildren(QPushButton)
               if b.isVisible()]  # fmt: skip
    assert "New Source" in buttons and "Add" not in buttons and "New" not in buttons
    assert "selected source" in manager.save_button.toolTip()
    new_source_typed(qtbot, manager, "Fresh report")
    assert "adds" in manager.save_says.text() and "Add" in manager.save_button.toolTip()
    press(qtbot, manager, manager.save_button)
    assert "Fresh report" in titles(window)
    assert manager.current_source().title == "Fresh report"
    assert "changes the selected source" in manager.save_says.text()
