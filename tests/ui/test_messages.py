"""Messages are wide enough that the file paths they name stay on one line."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QMessageBox

from timeline_app.messages import MIN_TEXT_WIDTH_CHARS, readable, text_width_for

FOLDER = "/home/reader/Documents/research-notes/azerbaijan-israel/"
PATH = FOLDER + "timeline-2026-11-23.db"


def metrics() -> QFontMetrics:
    return QFontMetrics(QFont())


def test_a_short_message_gets_a_sentences_width(qapp):
    width = text_width_for("The timeline cannot be read.", metrics(), 1920)
    assert width >= metrics().averageCharWidth() * MIN_TEXT_WIDTH_CHARS


def test_a_long_path_gets_its_own_width_up_to_two_thirds_of_the_screen(qapp):
    long_path = FOLDER * 2 + "timeline.db"
    text = f"{long_path} is not a timeline database."
    assert text_width_for(text, metrics(), 1920) >= metrics().horizontalAdvance(long_path)
    assert text_width_for(text, metrics(), 600) == 400


def shown_box(qtbot, text: str, informative: str = "") -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, "Problem", text, QMessageBox.StandardButton.Ok)
    box.setInformativeText(informative)
    qtbot.addWidget(box)
    readable(box)
    box.show()
    qtbot.waitExposed(box)
    return box


def test_the_path_in_a_message_fits_on_one_line(qtbot):
    box = shown_box(qtbot, "The PDF was not exported.", f"Cannot write {PATH}: Permission denied.")
    label = box.findChild(QLabel, "qt_msgbox_informativelabel")
    assert label.width() >= label.fontMetrics().horizontalAdvance(PATH)
    assert label.text() == f"Cannot write {PATH}: Permission denied."  # the text is unchanged


def test_the_windows_error_message_is_wide_enough_for_the_file_it_names(window, tmp_path):
    folder = tmp_path / "a-folder-with-a-long-name" / "and-another-one-below-it"
    folder.mkdir(parents=True)
    garbage = folder / "notes-2026-11-23.db"
    garbage.write_text("these are notes, not a timeline")
    assert window.open_database_file(garbage) is False
    box = window._dialog
    label = box.findChild(QLabel, "qt_msgbox_label")
    named = next(word for word in label.text().split() if "notes-2026-11-23.db" in word)
    available = box.screen().availableGeometry().width() * 2 // 3
    assert label.minimumWidth() >= min(label.fontMetrics().horizontalAdvance(named), available)
    box.close()
