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


def readable(box: QMessageBox) -> QMessageBox:
    """Widen a message box's text for what it says; call it after setting the text."""
    screen = box.screen() or QGuiApplication.primaryScreen()
    screen_width = screen.availableGeometry().width() if screen else 1024
    for name in ("qt_msgbox_label", "qt_msgbox_informativelabel"):
        label = box.findChild(QLabel, name)
        if label is not None and label.text():
            width = text_width_for(label.text(), label.fontMetrics(), screen_width)
            label.setMinimumWidth(min(width, label.fontMetrics().horizontalAdvance(label.text())))
    return box
