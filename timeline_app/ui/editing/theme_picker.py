"""The themes of an event being edited: tick the ones it belongs to, in order (the first ticked
is its main theme, whose colour it has on the timeline)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from timeline_app.timeline.events import Theme
from timeline_app.ui.focus_ring import FocusRingDelegate
from timeline_app.ui.theme_chips import swatch_icon

SLUG = Qt.ItemDataRole.UserRole
MOST_ROWS = 14  # themes shown at once; a longer list scrolls


class ThemePicker(QListWidget):
    """Space ticks a theme; Alt+Up and Alt+Down move it up or down the order."""

    def __init__(
        self, themes: Sequence[Theme], ticked: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("themePicker")
        self.setAccessibleName(self.tr("Themes"))
        self.setAccessibleDescription(
            self.tr(
                "Space ticks a theme; Alt+Up and Alt+Down change the order. The first ticked "
                "theme is the event's main theme."
            )  # fmt: skip
        )
        by_slug = {theme.slug: theme for theme in themes}
        ordered = [by_slug[slug] for slug in ticked if slug in by_slug]
        ordered += [theme for theme in themes if theme.slug not in ticked]
        for theme in ordered:
            item = QListWidgetItem(swatch_icon(theme.colour), theme.name, self)
            item.setData(SLUG, theme.slug)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if theme.slug in ticked else Qt.CheckState.Unchecked
            )
        if self.count():
            self.setCurrentRow(0)
        self.setItemDelegate(FocusRingDelegate(self))
        # Every theme in sight while there are not too many (the editor scrolls, not the list).
        rows = min(max(self.count(), 3), MOST_ROWS)
        self.setFixedHeight(self.sizeHintForRow(0) * rows + 2 * self.frameWidth() + 2)

    def ticked(self) -> tuple[str, ...]:
        """The slugs of the ticked themes, in the order shown."""
        return tuple(
            self.item(row).data(SLUG)
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        )

    def move_current(self, step: int) -> None:
        row = self.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.count():
            return
        item = self.takeItem(row)
        self.insertItem(target, item)
        self.setCurrentRow(target)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        super().keyPressEvent(event)
