"""What every editor's fields share: a problem said beside its field, in the user's words."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

# Readable on light and dark palettes alike (contrast above 4.5 on white, above 3 on #2b2b2b).
PROBLEM_COLOUR = QColor("#c0392b")
PROBLEM_COLOUR_DARK = QColor("#ff8a80")


class ProblemLabel(QLabel):
    """What is wrong with the field above it; hidden while nothing is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problem")
        self.setWordWrap(True)
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        palette = self.palette()
        colour = PROBLEM_COLOUR_DARK if dark else PROBLEM_COLOUR
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.setPalette(palette)
        self.hide()

    def say(self, text: str | None) -> None:
        self.setText(text or "")
        self.setVisible(bool(text))


def set_field_problem(label: ProblemLabel, field: QWidget, text: str | None) -> None:
    """Say the problem beside the field, and let a screen reader hear it with the field."""
    label.say(text)
    field.setAccessibleDescription(text or "")
