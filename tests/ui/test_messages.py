"""Messages are wide enough that the file paths they name stay on one line."""

from __future__ import annotations

import pytest
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


# Run in a process of its own: the screen's width is fixed when Qt starts.
_ON_A_SCREEN = """
import json, sys
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from timeline_app.messages import readable

app = QApplication([])
box = QMessageBox(QMessageBox.Icon.Question, "Delete event", sys.argv[1])
box.setInformativeText(sys.argv[2])
readable(box)
box.show()
app.processEvents()
shown = {}
for name in ("qt_msgbox_label", "qt_msgbox_informativelabel"):
    label = box.findChild(QLabel, name)
    flags = Qt.TextFlag.TextWordWrap if label.wordWrap() else Qt.TextFlag.TextSingleLine
    needed = label.fontMetrics().boundingRect(QRect(0, 0, label.width(), 10_000), flags,
                                              label.text())
    shown[name] = {"width": label.width(), "height": label.height(),
                   "needed": [needed.width(), needed.height()], "text": label.text(),
                   "path": label.fontMetrics().horizontalAdvance(sys.argv[3])}
shown["screen"] = box.screen().availableGeometry().width()
print(json.dumps(shown))
"""


def shown_on_a_screen(tmp_path, width: int, text: str, informative: str, path: str = "") -> dict:
    import json
    import os
    import subprocess
    import sys

    config = tmp_path / f"screen-{width}.json"
    config.write_text(json.dumps({"screens": [{
        "name": "screen", "x": 0, "y": 0, "width": width, "height": 900,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1,
    }]}))  # fmt: skip
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run(
        [sys.executable, "-c", _ON_A_SCREEN, text, informative, path or "x"],
        env=env, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown["screen"] == width
    return shown


@pytest.mark.parametrize("screen_width", [1440, 1024])
def test_a_long_one_line_question_is_wrapped_not_cut(tmp_path, screen_width):
    title = ("Embassy opens in Tel Aviv after years of quiet talks between the two " * 5)[:300]
    question = f"Delete the event “{title}”?"
    shown = shown_on_a_screen(tmp_path, screen_width, question, "3 quotes are deleted with it.")
    for label in ("qt_msgbox_label", "qt_msgbox_informativelabel"):
        needed_width, needed_height = shown[label]["needed"]
        assert needed_width <= shown[label]["width"], label
        assert needed_height <= shown[label]["height"], label
    assert shown["qt_msgbox_label"]["text"] == question  # wrapped by Qt, the text unchanged
    assert shown["qt_msgbox_label"]["height"] > QFontMetrics(QFont()).height()  # more than a line


@pytest.mark.parametrize("screen_width", [1440, 1024])
def test_a_long_question_naming_a_path_keeps_the_path_on_a_line(tmp_path, screen_width):
    text = f"The timeline in {PATH} was changed by another program while you were editing it."
    shown = shown_on_a_screen(tmp_path, screen_width, text, "Read it again?", PATH)
    label = shown["qt_msgbox_label"]
    assert label["needed"][0] <= label["width"] and label["needed"][1] <= label["height"]
    assert label["width"] >= label["path"]
