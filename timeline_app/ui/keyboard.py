"""The window by keyboard alone: Tab in the order the panes are seen, and the app's shortcuts
honoured in the fields that would otherwise keep them for themselves."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

# A field keeps these keys even where a window action has them too: they are what a reader
# expects inside text. Everything else (Ctrl+E, which a line edit takes for "end of line" on
# Linux, say) goes to the window's actions.
FIELD_KEYS = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.SelectAll,
)

# Only these actions are the window's: one bound to a widget (Delete in the event list) is not,
# and its key stays the field's.
WINDOW_WIDE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


def set_tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab goes through the widgets in this order (hidden or unfocusable ones are skipped)."""
    for before, after in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(before, after)


class WindowShortcutsFirst(QObject):
    """An event filter for fields: the window's shortcuts work while the field has focus."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window

    def watch(self, fields: Sequence[QWidget]) -> None:
        for field in fields:
            field.installEventFilter(self)

    def is_window_shortcut(self, event: QKeyEvent) -> bool:
        pressed = QKeySequence(event.keyCombination())
        if any(pressed in QKeySequence.keyBindings(key) for key in FIELD_KEYS):
            return False
        return any(
            shortcut.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
            for action in self.window.findChildren(QAction)
            if action.isEnabled() and action.shortcutContext() in WINDOW_WIDE
            for shortcut in action.shortcuts()
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        overridden = event.type() == QEvent.Type.ShortcutOverride
        if overridden and isinstance(event, QKeyEvent) and self.is_window_shortcut(event):
            event.ignore()  # not overridden: the shortcut map gives it to the action
            return True
        return False
