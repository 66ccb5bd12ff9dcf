"""Edit > Themes… and Edit > Sources…: the actions that open the managers, one of each per
window, loaded on first use (the window starts without them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu

from timeline_app.ui.editing.read_only import ready_to_edit

if TYPE_CHECKING:
    from timeline_app.ui.main_window import MainWindow


class ManagerActions(QObject):
    """The window's theme and source managers, and the menu actions that open them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("managerActions")
        self.window_ = window
        self.theme_manager: QDialog | None = None
        self.source_manager: QDialog | None = None
        self.themes_action = QAction(self.tr("&Themes…"), window)
        self.themes_action.setObjectName("themesAction")
        self.themes_action.setStatusTip(self.tr("Add, rename, recolour, reorder or delete themes"))
        self.themes_action.triggered.connect(self.open_themes)
        self.sources_action = QAction(self.tr("&Sources…"), window)
        self.sources_action.setObjectName("sourcesAction")
        self.sources_action.setStatusTip(
            self.tr("Add, edit or delete sources and the archived text quotes are checked against")
        )
        self.sources_action.triggered.connect(lambda: self.open_sources())

    def open_themes(self) -> QDialog | None:
        """The theme manager; None when the file is read-only and no copy was saved to edit."""
        from timeline_app.ui.editing.theme_manager import ThemeManager

        if not ready_to_edit(self.window_):
            return None
        if self.theme_manager is None:
            self.theme_manager = ThemeManager(self.window_)
        else:
            self.theme_manager.reload()
        return _raised(self.theme_manager)

    def open_sources(self, source_id: str | None = None) -> QDialog | None:
        """The source manager, with this source selected when one is given; None when the file
        is read-only and no copy was saved to edit."""
        from timeline_app.ui.editing.source_manager import SourceManager

        if not ready_to_edit(self.window_):
            return None
        if self.source_manager is None:
            self.source_manager = SourceManager(self.window_)
        else:
            self.source_manager.reload()
        if source_id is not None:
            self.source_manager.select_source(source_id)
        return _raised(self.source_manager)

    def follow_file(self) -> None:
        """Each open manager shows the file as it is now: the window's check found it changed
        elsewhere, and a manager with the focus gets no WindowActivate to look for itself."""
        for manager in (self.theme_manager, self.source_manager):
            if manager is not None and manager.isVisible():
                manager.follow_file()


def _raised(dialog: QDialog) -> QDialog:
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def add_manager_actions(window: MainWindow, menu: QMenu) -> ManagerActions:
    """Put Themes… and Sources… at the end of the window's Edit menu."""
    actions = ManagerActions(window)
    menu.addSeparator()
    menu.addAction(actions.themes_action)
    menu.addAction(actions.sources_action)
    return actions


def manager_actions(window: QObject | None) -> ManagerActions | None:
    """The managers of the window a dialog belongs to, if it has them."""
    return window.findChild(ManagerActions, "managerActions") if window is not None else None
