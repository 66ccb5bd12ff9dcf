"""The Edit menu: Undo, Redo and the undo history of the open file, and New, Edit and Delete
Event. Each edit goes through the window's EditSession as one undoable change."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QSize, Qt
from PySide6.QtGui import QAction, QHelpEvent, QKeySequence, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QListView,
    QMenu,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QUndoView,
    QWidget,
)

from timeline_app.logs import log
from timeline_app.messages import readable
from timeline_app.store import queries
from timeline_app.store.database import Database
from timeline_app.store.errors import StoreError
from timeline_app.timeline.events import DOCUMENTS
from timeline_app.ui.editing.read_only import ready_to_edit
from timeline_app.wording.editing import error_text, event_deletion_text

if TYPE_CHECKING:
    from timeline_app.timeline.drafts import EventDraft
    from timeline_app.ui.editing.event_editor import EventEditor
    from timeline_app.ui.main_window import MainWindow


HISTORY_LINES = 6  # the history's height when first opened, in entries
MENU_DESCRIPTION = 40  # characters of a change's description in the Undo and Redo items


def tr(text: str) -> str:
    return QCoreApplication.translate("EditActions", text)


# -- questions, one function each so tests can answer them ------------------------------------


def elided_description(text: str, limit: int = MENU_DESCRIPTION) -> str:
    """A change's description short enough for a menu item: a long title would make the Edit
    menu as wide as the screen. The whole of it is in the undo history."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class FittedEntryDelegate(QStyledItemDelegate):
    """The undo history's entries as wide as the view, cut with "…", the whole as a tooltip:
    no sideways scrolling to read a step."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        view = self.parent()
        if isinstance(view, QAbstractItemView):
            hint.setWidth(min(hint.width(), view.viewport().width()))
        return hint

    def helpEvent(self, event: QHelpEvent, view, option, index) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            QToolTip.showText(event.globalPos(), str(index.data() or ""), view)
            return True
        return super().helpEvent(event, view, option, index)


def confirm_deletion(parent: QWidget, title: str, text: str) -> bool:
    """Ask before deleting, saying what goes with it."""
    box = QMessageBox(QMessageBox.Icon.Question, tr("Delete Event"), title, parent=parent)
    box.setObjectName("deleteQuestion")
    box.setTextFormat(Qt.TextFormat.PlainText)
    if text:
        box.setInformativeText(text)
    delete = box.addButton(tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(delete)
    readable(box).exec()
    return box.clickedButton() is delete


class EditActions(QObject):
    """The Edit menu's actions for one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.editor: EventEditor | None = None
        self._sources: tuple[Database, QStandardItemModel] | None = None  # kept between editors
        group = window.undo_group
        self.undo_action = group.createUndoAction(window, tr("&Undo"))
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = group.createRedoAction(window, tr("&Redo"))
        self.redo_action.setObjectName("redoAction")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            window.addAction(action)
        # After the group's own update of the items' text, which this shortens.
        group.undoTextChanged.connect(self._shorten_undo_text)
        group.redoTextChanged.connect(self._shorten_redo_text)
        self._shorten_undo_text(group.undoText())
        self._shorten_redo_text(group.redoText())
        self.history_dock = self._history_dock()
        self.history_action = self.history_dock.toggleViewAction()
        self.history_action.setText(tr("Undo &History"))
        self.history_action.setObjectName("historyAction")

        self.new_event_action = self._action(tr("&New Event…"), self.new_event, "Ctrl+N")
        self.new_event_action.setObjectName("newEventAction")
        self.edit_event_action = self._action(tr("&Edit Event…"), self.edit_selected, None)
        self.edit_event_action.setObjectName("editEventAction")
        self.delete_action = self._action(tr("&Delete Event…"), self.delete_selected, None)
        self.delete_action.setObjectName("deleteEventAction")
        # Return and Delete act on the selected event only where it is: in the list and on the
        # canvas. Anywhere else (a search field) they keep their usual meaning.
        self.edit_event_action.setShortcuts([QKeySequence(Qt.Key.Key_Return),
                                             QKeySequence(Qt.Key.Key_Enter)])  # fmt: skip
        self.delete_action.setShortcuts(QKeySequence.StandardKey.Delete)
        for action in (self.edit_event_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            window.list_pane.view.addAction(action)
            window.canvas.addAction(action)
        self.selection_changed()

    def _action(self, text: str, slot, shortcut) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _shorten_undo_text(self, description: str) -> None:
        self._shorten(self.undo_action, tr("&Undo"), tr("&Undo {change}"), description)

    def _shorten_redo_text(self, description: str) -> None:
        self._shorten(self.redo_action, tr("&Redo"), tr("&Redo {change}"), description)

    @staticmethod
    def _shorten(action: QAction, alone: str, with_change: str, description: str) -> None:
        if description:
            action.setText(with_change.format(change=elided_description(description)))
        else:
            action.setText(alone)
        action.setStatusTip(description)
        action.setToolTip(description or alone.replace("&", ""))

    def _history_dock(self) -> QDockWidget:
        dock = QDockWidget(tr("Undo History"), self.window)
        dock.setObjectName("undoHistoryDock")
        view = QUndoView(self.window.undo_group, dock)
        view.setEmptyLabel(tr("The file as opened"))
        view.setAccessibleName(tr("Undo history: choose a step to go back or forward to it"))
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setItemDelegate(FittedEntryDelegate(view))
        dock.setWidget(view)
        # Under the panes, across the window: beside them it took the width the event list
        # needs for its dates.
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        dock.visibilityChanged.connect(self._first_shown)
        dock.visibilityChanged.connect(self._keep_selected_in_sight)
        self.history_view = view
        return dock

    def _first_shown(self, visible: bool) -> None:
        """The history opens low, a few steps high, rather than taking half the panes."""
        if visible:
            self.history_dock.visibilityChanged.disconnect(self._first_shown)
            view = self.history_view
            height = view.sizeHintForRow(0) if view.model().rowCount() else 0
            height = max(height, view.fontMetrics().height() + 4) * HISTORY_LINES
            self.window.resizeDocks([self.history_dock], [height + 2 * view.frameWidth()],
                                    Qt.Orientation.Vertical)  # fmt: skip

    def _keep_selected_in_sight(self, _visible: bool) -> None:
        """The history takes height from the list: its selected event stays in view."""
        view = self.window.list_pane.view
        if view.currentIndex().isValid():
            view.scrollTo(view.currentIndex())

    def fill_menu(self, menu: QMenu) -> None:
        for action in (self.undo_action, self.redo_action, self.history_action):
            menu.addAction(action)
        menu.addSeparator()
        for action in (self.new_event_action, self.edit_event_action, self.delete_action):
            menu.addAction(action)
        menu.addSeparator()

    def selection_changed(self) -> None:
        """Edit and Delete act on the selected event: none selected, nothing to do."""
        has_selection = self.window.selected_id is not None
        self.edit_event_action.setEnabled(has_selection)
        self.delete_action.setEnabled(has_selection)

    # -- new and edit -------------------------------------------------------------------------

    def new_event(self) -> None:
        """An editor for a new event at the selected event's date, or the view's centre."""
        from timeline_app.timeline.drafts import EventDraft  # the checks of an edit: on first use

        window = self.window
        start = self._date_for_new_event()
        if not ready_to_edit(window):
            return
        themes = window.themes
        draft = EventDraft("", "", start, None, False, None, DOCUMENTS,
                           (themes[0].slug,) if len(themes) == 1 else ())  # fmt: skip
        self._open_editor(None, draft, [])

    def _date_for_new_event(self) -> str:
        window = self.window
        if window.selected_id is not None:
            try:
                from timeline_app.store import editing

                return editing.event_draft(window.db, window.selected_id).start
            except StoreError as error:
                log.warning("could not read the selected event: %s", error)
        scale = window.canvas.scale
        if scale is not None:
            middle = scale.day(scale.left + scale.width / 2)
            return dt.date.fromordinal(int(middle)).isoformat()
        return dt.date.today().isoformat()

    def edit_selected(self) -> None:
        event_id = self.window.selected_id
        if event_id is None or not self._ready_to_edit(event_id):
            return
        from timeline_app.store import editing

        db = self.window.db
        try:
            draft = editing.event_draft(db, event_id)
            citations = editing.citations_of(db, event_id)
            stored = queries.events(db, [event_id])[0].citations
        except StoreError as error:
            self.window.show_message(QMessageBox.Icon.Warning, tr("The event cannot be read"),
                                     error_text(error))  # fmt: skip
            return
        statuses = {citation.id: citation.status for citation in stored}
        self._open_editor(event_id, draft, citations, statuses)

    def _open_editor(
        self, event_id: int | None, draft: EventDraft, citations, statuses=None
    ) -> None:
        # The editor's modules load on first use, not on the way to the window's first paint.
        from timeline_app.ui.editing.event_editor import EventEditor
        from timeline_app.ui.editing.saving import EventSaver

        window = self.window
        saver = EventSaver(window, event_id)
        editor = EventEditor(
            draft=draft, themes=window.themes, sources=self.source_list(),
            citations=citations, archived_text=saver.archived_text, submit=saver.submit,
            new=event_id is None, stored_statuses=statuses, parent=window,
        )  # fmt: skip
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if event_id is None:
            editor.accepted.connect(self._focus_list)
        self.editor = editor
        editor.open()

    def _focus_list(self) -> None:
        """A new event saved: the list takes the focus, on it, so Return edits it and Delete
        deletes it (the window gives it the focus when the editor has gone)."""
        view = self.window.list_pane.view
        if view.isVisibleTo(self.window):
            view.setFocus(Qt.FocusReason.OtherFocusReason)

    def source_list(self) -> QStandardItemModel:
        """The file's sources for the editors' pickers, read again only after they changed."""
        from timeline_app.ui.editing.citation_rows import source_model

        db = self.window.db
        if self._sources is None or self._sources[0] is not db:
            self._sources = (db, source_model(queries.sources(db), self))
        return self._sources[1]

    def sources_changed(self) -> None:
        self._sources = None

    # -- delete ---------------------------------------------------------------------------------

    def delete_selected(self) -> None:
        """Delete the selected event (after saying what goes with it) as one undoable change."""
        window = self.window
        event_id = window.selected_id
        if event_id is None or not self._ready_to_edit(event_id):
            return
        from timeline_app.store import editing

        try:
            title = editing.event_draft(window.db, event_id).title
            consequences = editing.deletion_consequences(window.db, event_ids=[event_id])
        except StoreError as error:
            window.show_message(QMessageBox.Icon.Warning, tr("The event cannot be read"),
                                error_text(error))  # fmt: skip
            return
        question = tr("Delete “{title}”?").format(title=title)
        keys = self.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if not confirm_deletion(window, question, event_deletion_text(consequences, keys)):
            return
        # The window selects the event that takes its place (MainWindow.show_change), as after
        # a Redo of the delete.
        window.edit_session.build_and_push(lambda: editing.delete_events(window.db, [event_id]))

    def _ready_to_edit(self, event_id: int) -> bool:
        """ready_to_edit, with the event selected again in the copy the user may have saved
        (the same file, so the same ids), so that the window shows what is edited."""
        window = self.window
        before = window.db
        if not ready_to_edit(window):
            return False
        if window.db is not before:
            window.select_event(event_id)
        return True


def build_edit_menu(window: MainWindow, menu: QMenu) -> EditActions:
    actions = EditActions(window)
    actions.fill_menu(menu)
    return actions
