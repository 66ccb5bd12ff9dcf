"""Message boxes people can read: wide enough for a sentence and for the file paths they name."""

from __future__ import annotations

import re

from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QLabel, QMessageBox

MIN_TEXT_WIDTH_CHARS = 60  # about a sentence
SCREEN_SHARE = 2 / 3  # a message never takes more of the screen's width than this
_PATH = re.compile(r"\S*[/\\]\S*")  # a word with a folder separator in it: a path or address


def text_width_for(text: str, metrics: QFontMetrics, screen_width: int) -> int:
    """How wide a message's text should be: a sentence's width, or its longest path's, so the
    path stays on one line (and wraps after a separator only when the screen is too narrow)."""
    paths = [metrics.horizontalAdvance(path) for path in _PATH.findall(text)]
    wanted = max([metrics.averageCharWidth() * MIN_TEXT_WIDTH_CHARS, *paths])
    return min(wanted + metrics.averageCharWidth(), int(screen_width * SCREEN_SHARE))


def qt_wraps_above(screen_width: int) -> int:
    """QMessageBox wraps its main text only when the text, laid out on one line, is wider than
    this (its "soft limit", min(half the screen, 500 px), in Qt's qmessagebox.cpp). A minimum
    width set below it hides how long the text is, so Qt does not wrap and cuts the text."""
    return min(screen_width // 2, 500)


def readable(box: QMessageBox) -> QMessageBox:
    """Widen a message box's text for what it says; call it after setting the text. A text
    longer than a line is still wrapped."""
    screen = box.screen() or QGuiApplication.primaryScreen()
    screen_width = screen.availableGeometry().width() if screen else 1024
    for name in ("qt_msgbox_label", "qt_msgbox_informativelabel"):
        label = box.findChild(QLabel, name)
        if label is None or not label.text():
            continue
        metrics = label.fontMetrics()
        width = text_width_for(label.text(), metrics, screen_width)
        one_line = max(metrics.horizontalAdvance(line) for line in label.text().splitlines())
        if one_line <= width:
            label.setMinimumWidth(one_line)
        elif name == "qt_msgbox_label":  # Qt wraps the informative text always, this one not
            label.setMinimumWidth(max(width, qt_wraps_above(screen_width) + 1))
        else:
            label.setMinimumWidth(width)
    return box
