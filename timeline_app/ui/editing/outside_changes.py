"""Another window or program changed the open file: notice it when the window regains the
focus and every two seconds, and show the file as it is now."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

from timeline_app.logs import log
from timeline_app.store import queries
from timeline_app.store.errors import StoreError
from timeline_app.ui.editing.manager_actions import manager_actions

if TYPE_CHECKING:
    from timeline_app.ui.main_window import MainWindow

POLL_MS = 2000


@dataclass(frozen=True)
class ChangedElsewhere:
    """What a refresh needs to know of a change made elsewhere: not which events it touched."""

    themes_changed: bool
    description: str = ""
    affected_events: frozenset[int] = frozenset()
    sources_changed: bool = True


class OutsideChanges(QObject):
    """Watches the window's file for commits made through other connections."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.WindowActivate:
            self.check()
        elif kind == QEvent.Type.Close:
            self.timer.stop()  # its file may be closed next
        elif kind == QEvent.Type.Show:
            self.timer.start()
        return False

    def check(self) -> bool:
        """Refresh the window if the file changed elsewhere; True when it had."""
        window = self.window
        if not window.isVisible():
            return False
        db = window.db
        try:
            if not db.changed_elsewhere():  # (when True, what was kept is read again)
                return False
            themes_changed = queries.themes(db) != window.themes
        except StoreError as error:
            log.warning("could not look for changes made elsewhere: %s", error)
            return False
        log.info("%s was changed by another program or window", db.path)
        window.show_change(ChangedElsewhere(themes_changed))
        managers = manager_actions(window)
        if managers is not None:
            managers.follow_file()  # typing not saved there is kept (see keep_typing)
        return True
