"""The main window: the timeline, the filters, the event list and the selected event's sources."""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QMargins, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QShowEvent,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSpinBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from timeline_app import __version__
from timeline_app.logs import log
from timeline_app.messages import readable
from timeline_app.store import queries
from timeline_app.store.database import Database, open_database
from timeline_app.store.errors import StoreError
from timeline_app.store.indexing import save_index
from timeline_app.store.search import fts_query, words_to_highlight
from timeline_app.store.search_ahead import search_ahead, stop_searching
from timeline_app.timeline.events import Source, Theme
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.ui import canvas_accessibility
from timeline_app.ui.detail_pane import DetailPane
from timeline_app.ui.editing.session import EditSession
from timeline_app.ui.elided_label import ElidedLabel
from timeline_app.ui.event_list import EventListPane
from timeline_app.ui.event_list_model import EventListModel
from timeline_app.ui.file_actions import build_file_menu, remember_open_file, window_title
from timeline_app.ui.filter_panel import NO_THEME, FilterPanel
from timeline_app.ui.keyboard import WindowShortcutsFirst, set_tab_order
from timeline_app.ui.overview_strip import OverviewStrip
from timeline_app.ui.settings import app_settings, load_filter, read_bool, save_filter
from timeline_app.ui.start_up import after_first_paint
from timeline_app.ui.timeline_canvas import TimelineCanvas
from timeline_app.ui.window_geometry import (
    FRAME_ALLOWANCE,
    PREFERRED_SIZE,
    first_launch_geometry,
    fitted_geometry,
)
from timeline_app.wording.filters import describe_filter
from timeline_app.wording.sources import attribution

if TYPE_CHECKING:
    from timeline_app.ui.editing.edit_actions import EditActions
    from timeline_app.ui.editing.manager_actions import ManagerActions
    from timeline_app.ui.editing.outside_changes import OutsideChanges


def _tells_store_errors(slot: Callable) -> Callable:
    """A known problem with the database while the window is open (locked, damaged, gone) is
    told to the reader in a message; the window keeps what it shows."""

    @functools.wraps(slot)
    def guarded(self: MainWindow, *args, **keywords):
        try:
            return slot(self, *args, **keywords)
        except StoreError as error:
            log.warning("%s: %s", slot.__name__, error)
            self.show_message(
                QMessageBox.Icon.Warning, self.tr("The timeline cannot be read"), str(error)
            )
            return None

    return guarded


class MainWindow(QMainWindow):
    """One open timeline database, shown four ways that stay in step."""

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, editing_after_paint: bool = False
    ) -> None:
        """editing_after_paint: build the Edit menu's editing, the managers and the watch for
        changes made elsewhere once the window has first painted (a start-up does not wait for
        what nobody can use in its first tenth of a second); else at once."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.db = db
        self.themes: list[Theme] = []
        self.total = 0
        self.selected_id: int | None = None
        self._filter = TimelineFilter()
        self._dialog: QWidget | None = None  # the latest non-modal message or dialog shown
        # One undo session per open file; the group gives the Edit menu the current one's stack.
        self.undo_group = QUndoGroup(self)
        self.edit_session: EditSession | None = None
        # Built by build_editing (at once, or after the first paint).
        self.edit_actions: EditActions | None = None
        self.manager_actions: ManagerActions | None = None
        self.outside_changes: OutsideChanges | None = None

        canvas_accessibility.install()
        self.model = EventListModel(db, self, read_now=False)  # restore_state fills it
        self.filter_panel = FilterPanel(self)
        self.canvas = TimelineCanvas(db, self)
        self.list_pane = EventListPane(self.model, self)
        self.detail_pane = DetailPane(self)
        self._build_layout()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        # Both permanent, so a menu's status tip does not wipe the summary out; it gives way
        # (cut with "…") before it would run into the count.
        self.filter_summary = ElidedLabel(self)
        self.filter_summary.setAccessibleName(self.tr("Filter"))
        self.statusBar().addPermanentWidget(self.filter_summary, 1)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Event count"))
        self.statusBar().addPermanentWidget(self.count_label)
        # A search's theme counts come after its list and timeline are shown (see apply_filter).
        self._counting = QTimer(self)
        self._counting.setSingleShot(True)
        self._counting.setInterval(0)
        self._counting.timeout.connect(self._finish_counts)

        self.filter_panel.filter_changed.connect(self.apply_filter)
        self.filter_panel.search_typed.connect(lambda text: search_ahead(self.db, text))
        self.list_pane.view.selectionModel().currentChanged.connect(self._list_current_changed)
        self.list_pane.clear_filters_requested.connect(self.filter_panel.clear)
        self.canvas.event_clicked.connect(self.select_event)
        self.canvas.step_requested.connect(self.step_selection)
        self.canvas.clear_filters_requested.connect(self.filter_panel.clear)
        self.detail_pane.source_requested.connect(self.show_source)
        self.detail_pane.edit_requested.connect(self._edit_requested)
        self.shortcuts_first = WindowShortcutsFirst(self)
        self.shortcuts_first.watch(self.findChildren(QLineEdit) + self.findChildren(QSpinBox))

        self._take_database(db)
        self.restore_state()
        if editing_after_paint:
            after_first_paint(self, self.build_editing)
        else:
            self.build_editing()

    def build_editing(self) -> None:
        """The Edit menu's undo, history and event actions, the theme and source managers, and
        the watch for changes made to the file elsewhere."""
        from timeline_app.ui.editing.edit_actions import build_edit_menu
        from timeline_app.ui.editing.manager_actions import add_manager_actions
        from timeline_app.ui.editing.outside_changes import OutsideChanges

        if self.edit_actions is not None:
            return
        menu = self.edit_menu
        find_and_clear = menu.actions()
        for action in find_and_clear:
            menu.removeAction(action)
        self.edit_actions = build_edit_menu(self, menu)
        menu.addActions(find_and_clear)
        self.manager_actions = add_manager_actions(self, menu)
        self.outside_changes = OutsideChanges(self)

    def _edit_requested(self) -> None:
        if self.edit_actions is not None:
            self.edit_actions.edit_selected()

    # -- layout, actions, menus -----------------------------------------------------------------

    def _build_layout(self) -> None:
        self.lower_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.lower_splitter.setObjectName("lowerSplitter")
        self.lower_splitter.addWidget(self.list_pane)
        self.lower_splitter.addWidget(self.detail_pane)
        self.lower_splitter.setStretchFactor(0, 2)
        self.lower_splitter.setStretchFactor(1, 3)
        self.right_splitter = QSplitter(Qt.Orientation.Vertical)
        self.right_splitter.setObjectName("rightSplitter")
        self.right_splitter.addWidget(self._timeline_box())
        self.right_splitter.addWidget(self.lower_splitter)
        self.right_splitter.setStretchFactor(0, 2)
        self.right_splitter.setStretchFactor(1, 3)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.filter_panel)
        self.main_splitter.addWidget(self.right_splitter)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 1)
        for splitter in (self.lower_splitter, self.right_splitter, self.main_splitter):
            splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.main_splitter)
        self.main_splitter.setSizes([250, PREFERRED_SIZE.width() - 250])
        self.right_splitter.setSizes([440, 360])
        self.lower_splitter.setSizes([520, 630])

    def _timeline_box(self) -> QWidget:
        """The canvas with the overview strip of the whole timeline under it."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.canvas, 1)
        self.overview = OverviewStrip(self.canvas, box)
        layout.addWidget(self.overview)
        return box

    def _action(self, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            action.triggered.connect(slot)
        if name:
            action.setObjectName(name)
        self.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        # Opened through ui/file_actions.py, which remembers the file among the recent ones.
        self.open_action = self._action(self.tr("&Open…"), None, keys.Open, "openAction")
        self.export_action = self._action(self.tr("&Export PDF…"), self.export_pdf,
                                          "Ctrl+E", "exportAction")  # fmt: skip
        self.export_action.setToolTip(self.tr("Export the filtered timeline to a PDF"))
        self.quit_action = self._action(self.tr("&Quit"), self.close, keys.Quit, "quitAction")
        self.zoom_in_action = self._action(self.tr("Zoom &In"), self.canvas.zoom_in, keys.ZoomIn,
                                           "zoomInAction")  # fmt: skip
        zoom_keys = {QKeySequence(keys.ZoomIn).toString(), "Ctrl+="}  # "+" needs Shift on most
        self.zoom_in_action.setShortcuts([QKeySequence(key) for key in sorted(zoom_keys) if key])
        self.zoom_out_action = self._action(self.tr("Zoom &Out"), self.canvas.zoom_out,
                                            keys.ZoomOut, "zoomOutAction")  # fmt: skip
        self.fit_action = self._action(self.tr("&Fit All"), self.canvas.fit_all, "Ctrl+0",
                                       "fitAction")  # fmt: skip
        self.find_action = self._action(self.tr("&Find…"), self.filter_panel.focus_search,
                                        keys.Find, "findAction")  # fmt: skip
        self.clear_action = self._action(self.tr("&Clear Filters"), self.filter_panel.clear,
                                         "Ctrl+Shift+L", "clearFiltersAction")  # fmt: skip
        self.about_action = self._action(self.tr("&About Timeline"), self.show_about,
                                         name="aboutAction")  # fmt: skip
        self.pane_actions: dict[str, QAction] = {}
        for key, text, widget in (
            ("filters", self.tr("&Filters"), self.filter_panel),
            ("timeline", self.tr("&Timeline"), self.canvas),
            ("list", self.tr("Event &List"), self.list_pane),
            ("details", self.tr("&Details"), self.detail_pane),
        ):
            action = QAction(text, self)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(widget.setVisible)
            action.setObjectName(f"show_{key}")
            self.pane_actions[key] = action

    def _build_menus(self) -> None:
        self.file_actions = build_file_menu(self, self.menuBar().addMenu(self.tr("&File")))
        self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.edit_menu.addAction(self.find_action)
        self.edit_menu.addAction(self.clear_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.zoom_in_action)
        view_menu.addAction(self.zoom_out_action)
        view_menu.addAction(self.fit_action)
        view_menu.addSeparator()
        panes = view_menu.addMenu(self.tr("&Panes"))
        for action in self.pane_actions.values():
            panes.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setAccessibleName(self.tr("Main toolbar"))
        for action in (self.open_action, self.export_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.zoom_out_action, self.zoom_in_action, self.fit_action):
            toolbar.addAction(action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    # -- the database ---------------------------------------------------------------------------

    def _take_database(self, db: Database) -> None:
        """Show this database: its themes, its years, its events under the current filter."""
        self.db = db
        self._new_edit_session(db)
        self.themes = queries.themes(db)
        self.total = queries.total_events(db)
        self.setWindowTitle(window_title(db))
        self.model.set_database(db)
        self.canvas.set_database(db, self.themes)
        self.list_pane.set_themes(self.themes)
        self.filter_panel.set_themes(self.themes)
        first, last = self.canvas.data_years()
        self.filter_panel.set_year_range(first, last)
        self.order_tab_chain()

    def _new_edit_session(self, db: Database) -> None:
        old = self.edit_session
        if old is not None and old.db is db:
            return
        session = EditSession(
            db, self, tell=self._tell_warning, offer_copy=self._offer_copy_to_edit
        )
        session.applied.connect(self.show_change)
        self.undo_group.addStack(session.stack)
        self.undo_group.setActiveStack(session.stack)
        self.edit_session = session
        if old is not None:
            self.undo_group.removeStack(old.stack)
            old.deleteLater()

    def _offer_copy_to_edit(self) -> EditSession | None:
        from timeline_app.ui.editing.read_only import offer_copy_to_edit

        return offer_copy_to_edit(self)

    def _tell_warning(self, title: str, text: str) -> None:
        self.show_message(QMessageBox.Icon.Warning, title, text)

    @_tells_store_errors
    def show_change(self, change) -> None:
        """After an edit, its undo or redo: every view shows the file as it is now, the
        selection kept where its event still is."""
        self.total = queries.total_events(self.db)
        if change.sources_changed and self.edit_actions is not None:
            self.edit_actions.sources_changed()
        if change.themes_changed:  # only then are the themes read again
            self.themes = queries.themes(self.db)
            self.canvas.set_database(self.db, self.themes)
            self.list_pane.set_themes(self.themes)
            self.filter_panel.set_themes(self.themes)
            self._filter = self._known_themes_only(self._filter)
            self.filter_panel.blockSignals(True)  # the filter is re-applied below, once
            try:
                self.filter_panel.set_filter(self._filter)
            finally:
                self.filter_panel.blockSignals(False)
            self.order_tab_chain()
        # The list, the timeline (keeping its span) and the counts read the file again; the
        # detail pane once, for the event selected after the change.
        row = self.model.row_of(self.selected_id) if self.selected_id is not None else None
        self.model.set_filter(self._filter)
        self.canvas.data_changed(len(self.model.ids))
        self._show_counts()
        # The one event changed (edited, added, brought back by undo) if it is shown, else the
        # one selected if it still is; a selected event deleted (by Delete, by Redo) gives way
        # to the one that took its place in the list (the one before it when it was the last),
        # as a file manager does: a second Delete deletes a neighbour the user sees. An undo
        # goes back to before the change: an Add undone leaves nothing selected.
        affected = change.affected_events
        candidates = [*affected] if len(affected) == 1 else []
        shown = [event_id for event_id in (*candidates, self.selected_id)
                 if event_id is not None and self.model.row_of(event_id) is not None]  # fmt: skip
        ids = self.model.ids
        if not shown and row is not None and ids and not self.edit_session.undoing:
            shown = [ids[min(row, len(ids) - 1)]]
        self.select_event(shown[0] if shown else None)

    def open_database_file(
        self, path: Path, read_only: bool = False, same_events: bool = False
    ) -> bool:
        """Switch to another timeline; on a known problem say so and keep the current one.
        Another timeline opens with all its events shown: a search, years or themes left from
        the last file would hide them ("0 of 6 events" after an import). same_events is for a
        copy of this file (Save a Copy, with the same event ids): the filter still means what
        it did and the selected event stays selected."""
        try:
            db = open_database(path, read_only=read_only)
            queries.themes(db)  # a file that opens but cannot be read fails here, not later
        except StoreError as error:
            log.warning("could not open %s: %s", path, error)
            self.show_message(QMessageBox.Icon.Warning, self.tr("Cannot open timeline"), str(error))
            return False
        old, selected = self.db, self.selected_id
        self.select_event(None)
        self._take_database(db)
        kept = self._known_themes_only(self._filter) if same_events else TimelineFilter()
        self.filter_panel.set_filter(kept)
        self.canvas.fit_all()
        if same_events and selected is not None and self.model.row_of(selected) is not None:
            self.select_event(selected)
        save_index(old)
        stop_searching(old)
        old.close()
        return True

    # -- filtering and selection ----------------------------------------------------------------

    def current_filter(self) -> TimelineFilter:
        return self._filter

    @_tells_store_errors
    def apply_filter(self, wanted: TimelineFilter) -> None:
        """Show only what passes the filter, everywhere; keep the selection if it still passes."""
        self._filter = wanted
        keep = self.selected_id
        self.model.set_filter(wanted)
        self.canvas.set_filter(wanted, len(self.model.ids))
        words = words_to_highlight(wanted.search)
        self.list_pane.set_highlight(words)
        self.detail_pane.set_highlight(words)
        # A search's counts per theme need a second pass over what it found (the rest of the
        # filter, without the themes): the matches are shown first, and a newer keystroke
        # drops the count of an older one before it starts.
        self._show_counts(themes_later=fts_query(wanted.search) is not None)
        if keep is not None and self.model.row_of(keep) is not None:
            self.select_event(keep)
        else:
            self.select_event(None)

    def _show_counts(self, themes_later: bool = False) -> None:
        """Each theme's count, the events shown of all, and the filter in words; with
        themes_later, theme counts not yet known are counted once the window has painted."""
        wanted = self._filter
        self.filter_panel.make_room_for_counts(self.total)
        counts = queries.kept_theme_counts(self.db, wanted)
        if counts is None and themes_later:
            self.filter_panel.show_counting()
            self._counting.start()
        else:
            self._counting.stop()
            if counts is None:
                counts = queries.theme_counts(self.db, wanted)
            self.filter_panel.set_counts(counts)
        shown, total = f"{len(self.model.ids):,}", f"{self.total:,}"
        if self._counting.isActive():
            text = self.tr("{shown} of {total} events, counting by theme…")
        else:
            text = self.tr("{shown} of {total} events")
        self.count_label.setText(text.format(shown=shown, total=total))
        names = {theme.slug: theme.name for theme in self.themes}
        self.filter_summary.set_whole_text(describe_filter(wanted, names))

    @_tells_store_errors
    def _finish_counts(self) -> None:
        self._show_counts()

    @_tells_store_errors
    def select_event(self, event_id: int | None) -> None:
        """Select one event (or none) in the list, on the canvas and in the detail pane."""
        self.selected_id = event_id
        view = self.list_pane.view
        row = self.model.row_of(event_id) if event_id is not None else None
        selection = view.selectionModel()
        selection.blockSignals(True)
        try:
            if row is None:
                selection.clear()
            else:
                index = self.model.index(row, 0)
                selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect)
                view.scrollTo(index)
        finally:
            selection.blockSignals(False)
        view.viewport().update()
        event = queries.events(self.db, [event_id])[0] if event_id is not None else None
        self.canvas.set_selected(event_id, event.when if event else None)
        canvas_accessibility.selection_changed(self.canvas)
        self.detail_pane.show_event(event)
        if self.edit_actions is not None:
            self.edit_actions.selection_changed()
        self.order_tab_chain()  # the quotes' buttons are new

    @_tells_store_errors
    def step_selection(self, step: int) -> None:
        """Move the selection to the next (step 1) or previous (-1) event in time order."""
        ids = self.model.ids
        if not ids:
            return
        row = self.model.row_of(self.selected_id) if self.selected_id is not None else None
        if row is None:
            row = 0 if step > 0 else len(ids) - 1
        else:
            row = min(max(row + step, 0), len(ids) - 1)
        self.select_event(ids[row])

    def order_tab_chain(self) -> None:
        """Tab goes through the panes as they are seen: filters, timeline, list, details."""
        list_pane = self.list_pane
        set_tab_order([*self.filter_panel.focus_chain(), self.canvas, self.canvas.clear_button,
                       list_pane.view, list_pane.clear_button, self.detail_pane,
                       *self.detail_pane.focus_chain()])  # fmt: skip

    def _list_current_changed(self, current, _previous) -> None:
        event_id = self.model.event_id(current.row()) if current.isValid() else None
        if event_id != self.selected_id:
            self.select_event(event_id)

    def _known_themes_only(self, wanted: TimelineFilter) -> TimelineFilter:
        if wanted.themes == NO_THEME:
            return wanted  # none ticked stays none ticked
        known = {theme.slug for theme in self.themes}
        return wanted.with_themes(frozenset(slug for slug in wanted.themes if slug in known))

    # -- sources, export, about -----------------------------------------------------------------

    @_tells_store_errors
    def show_source(self, source: Source) -> None:
        """A source without a web link: its details and every event that cites it."""
        from timeline_app.ui.source_dialog import SourceDialog

        dialog = SourceDialog(source, queries.events_citing(self.db, source.id), self)
        dialog.event_chosen.connect(self._go_to_event)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialog = dialog
        dialog.open()

    def _go_to_event(self, event_id: int) -> None:
        if self.model.row_of(event_id) is None:
            self.filter_panel.clear()  # the event is filtered out: show everything again
        self.select_event(event_id)

    @_tells_store_errors
    def export_pdf(self) -> None:
        try:
            from timeline_app.export.dialog import export_with_dialog
        except ImportError:
            log.info("PDF export is not available in this build")
            self.export_action.setEnabled(False)
            self.export_action.setToolTip(self.tr("PDF export is not available in this version"))
            self.show_message(QMessageBox.Icon.Information, self.tr("Export PDF"),
                              self.tr("PDF export is not available in this version."))  # fmt: skip
            return
        export_with_dialog(parent=self, db=self.db, wanted=self.current_filter())

    def about_text(self) -> str:
        sources = "".join(
            f"<li>{html.escape(attribution(source))}</li>" for source in queries.sources(self.db)
        )
        return (
            f"<h3>{html.escape(queries.timeline_title(self.db))}</h3>"
            f"<p>{html.escape(self.tr('Timeline, version %s') % __version__)}</p>"
            f"<p>{html.escape(self.tr('Every event rests on the exact words of its sources:'))}</p>"
            f"<ul>{sources}</ul>"
        )

    def show_about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("About Timeline"), "", parent=self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(self.about_text())
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialog = box
        box.open()

    def show_message(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        """A message the window carries on behind (window-modal, not a nested event loop)."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialog = readable(box)
        box.open()

    # -- remembering the window -----------------------------------------------------------------

    def restore_state(self) -> None:
        settings = app_settings()
        for key, action in self.pane_actions.items():
            action.setChecked(read_bool(settings, f"panes/{key}", True))
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            self.fit_to_screen()
        else:
            self.setGeometry(first_launch_geometry(self._available_area()))
        for splitter in (self.main_splitter, self.right_splitter, self.lower_splitter):
            state = settings.value(f"window/{splitter.objectName()}")
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)
        wanted = self._known_themes_only(load_filter(settings))
        self.filter_panel.set_filter(wanted)  # announces the filter, which fills every view

    def fit_to_screen(self) -> None:
        """Shrink and move the window onto the screen it is on, if it runs off its edges."""
        if self.isMaximized() or self.isFullScreen():
            return
        fitted = fitted_geometry(self.geometry(), self._available_area(), self._frame())
        if fitted != self.geometry():
            self.setGeometry(fitted)

    def _available_area(self):
        screen = QGuiApplication.screenAt(self.geometry().center()) or self.screen()
        return screen.availableGeometry()

    def _frame(self) -> QMargins:
        """The window frame's real margins once the window has one, else a usual frame's."""
        inner, outer = self.geometry(), self.frameGeometry()
        if not self.isVisible() or inner == outer:
            return FRAME_ALLOWANCE
        return QMargins(inner.left() - outer.left(), inner.top() - outer.top(),
                        outer.right() - inner.right(), outer.bottom() - inner.bottom())  # fmt: skip

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.fit_to_screen()  # now that the frame is known

    def save_state(self) -> None:
        settings = app_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        for splitter in (self.main_splitter, self.right_splitter, self.lower_splitter):
            settings.setValue(f"window/{splitter.objectName()}", splitter.saveState())
        for key, action in self.pane_actions.items():
            settings.setValue(f"panes/{key}", action.isChecked())
        save_filter(settings, self._filter)
        remember_open_file(settings, self.db)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
