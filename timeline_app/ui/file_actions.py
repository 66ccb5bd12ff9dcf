"""The File menu: timelines are files the user owns — New, Open (and recent), Import, Save a Copy,
Export, Close — and which timeline the window starts on, including when that file is damaged."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from timeline_app import paths
from timeline_app.formats.errors import FormatError, ImportCancelled
from timeline_app.logs import log
from timeline_app.messages import readable
from timeline_app.store import queries
from timeline_app.store.database import Database, open_database
from timeline_app.store.errors import DatabaseCorrupt, NotADatabase, StoreError
from timeline_app.ui.settings import app_settings
from timeline_app.wording.counts import events as event_count

if TYPE_CHECKING:
    from timeline_app.ui.main_window import MainWindow

EXTENSION = ".tldb"  # the app's own timeline files (SQLite), MIME type below
MIME_TYPE = "application/x-timeline-app-timeline"
RECENT_KEY = "files/recent"
OPEN_AT_QUIT_KEY = "files/open at quit"
RECENT_COUNT = 8
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def tr(text: str) -> str:
    return QCoreApplication.translate("FileActions", text)


def timeline_filter() -> str:
    return tr("Timelines (*.tldb *.db *.sqlite *.sqlite3);;All files (*)")


# -- dialogs, one function each so tests can answer them ---------------------------------------


def ask_open_path(
    parent: QWidget | None, title: str, filters: str, folder: str = ""
) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
    return Path(path) if path else None


def ask_save_path(parent: QWidget | None, title: str, filters: str, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return Path(path) if path else None


def ask_column_mapping(parent: QWidget | None, source: Path) -> dict[str, str] | None:
    from timeline_app.formats.reading import csv_header
    from timeline_app.ui.import_dialog import ColumnMappingDialog

    dialog = ColumnMappingDialog(source.name, csv_header(source), parent)
    return dialog.mapping() if dialog.exec() == ColumnMappingDialog.DialogCode.Accepted else None


def ask_about_unopenable(path: Path, error: StoreError, damaged: bool) -> str:
    """ "other", "bundled" or "quit": what to do with a timeline that cannot be opened at start."""
    box = QMessageBox(QMessageBox.Icon.Critical, tr("Cannot open the timeline"), str(error))
    box.setTextFormat(Qt.TextFormat.PlainText)
    if damaged:
        box.setInformativeText(
            tr(
                "The bundled timeline can open instead; the damaged file is kept, renamed, "
                "beside where it is."
            )  # fmt: skip
        )
    other = box.addButton(tr("Open Another File…"), QMessageBox.ButtonRole.AcceptRole)
    bundled = box.addButton(tr("Open the Bundled Timeline"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(bundled)
    readable(box).exec()
    clicked = box.clickedButton()
    return "other" if clicked is other else "bundled" if clicked is bundled else "quit"


# -- the first timeline ------------------------------------------------------------------------


def open_first_timeline(path: Path | None) -> tuple[Database | None, str | None]:
    """The timeline the window starts on, and a notice to show once; (None, None) to quit.

    A file that cannot be opened offers another file, the bundled timeline (a damaged file at
    the default place is set aside under a new name so the next start does not fail again), or
    quitting."""
    notice = None
    read_only = False
    if path is None:
        path = last_opened()  # a timeline is the user's file: start where they left off
    is_default = path is None
    if path is None:
        # Whether a 0.1.0 copy holds the user's changes (a fingerprint): only without a file.
        from timeline_app.store.default_timeline import default_timeline, mark_user_told

        default = default_timeline(paths.user_data_dir(), paths.bundled_database())
        path, read_only = default.path, default.read_only
        if default.tell_user:
            notice = tr(
                "Your copy of the timeline from version 0.1.0 holds changes of yours, so it was "
                "kept as your own file: {path}. It opens when no other file is named; the "
                "bundled timeline is under File ▸ Close."
            ).format(path=path)
            mark_user_told(paths.user_data_dir())
    while True:
        try:
            db = open_database(path, read_only=read_only)
            queries.themes(db)  # a file that opens but cannot be read fails here
            return db, notice
        except StoreError as error:
            log.warning("cannot open the timeline at start: %s", error)
            damaged = isinstance(error, DatabaseCorrupt | NotADatabase)
            choice = ask_about_unopenable(path, error, damaged)
        if choice == "quit":
            return None, None
        if choice == "bundled":
            if damaged and is_default and set_aside(path) is None:
                notice = tr(
                    "The damaged file {path} could not be renamed, so the next start will ask "
                    "about it again."
                ).format(path=path)
            path, read_only, is_default = paths.bundled_database(), True, False
        else:
            chosen = ask_open_path(None, tr("Open Timeline"), timeline_filter())
            if chosen is None:
                continue  # back to the question
            path, read_only, is_default = chosen, False, False


def set_aside(path: Path) -> Path | None:
    """Rename a damaged file (and its journal files) beside itself; never delete it. None when
    it cannot be renamed (a read-only folder): it then stays as it is."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    try:
        path.rename(target)
        for suffix in ("-wal", "-shm", "-journal"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                companion.rename(target.with_name(target.name + suffix))
    except OSError as error:
        log.warning("could not set the damaged timeline %s aside: %s", path, error)
        return None
    log.warning("set the damaged timeline %s aside as %s", path, target)
    return target


def start_window(db: Database, notice: str | None) -> MainWindow:
    from timeline_app.ui.main_window import MainWindow

    window = MainWindow(db, editing_after_paint=True)
    window.show()
    if notice:
        window.show_message(QMessageBox.Icon.Information, tr("Your timeline was kept"), notice)
    return window


def window_title(db: Database) -> str:
    """ "Title — file.tldb", or "Title — bundled timeline (read-only)"."""
    title = queries.timeline_title(db)
    if db.read_only:
        return tr("{title} — bundled timeline (read-only)").format(title=title)
    return f"{title} — {db.path.name}"


# -- the File menu ------------------------------------------------------------------------------


class FileActions(QObject):
    """The File menu's actions for one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        keys = QKeySequence.StandardKey
        # Ctrl+N is New Event (Edit menu): adding events is what people do most in a timeline.
        self.new_action = self._action(
            tr("&New Timeline…"), self.new_timeline, "Ctrl+Shift+N", "new"
        )
        self.import_action = self._action(tr("&Import…"), self.import_file, "Ctrl+I", "import")
        self.copy_action = self._action(tr("Save a Cop&y…"), self.save_copy, keys.SaveAs, "copy")
        self.close_action = self._action(tr("&Close"), self.close_timeline, keys.Close, "close")
        self.export_actions = {
            name: self._action(text, partial(self.export_as, name), None, f"export_{name}")
            for name, text in (
                ("timelinejs", tr("&TimelineJS (JSON)…")),
                ("csv", tr("TimelineJS &Sheet (CSV)…")),
                ("json", tr("Timeline &JSON (everything)…")),
            )
        }  # fmt: skip
        self.recent_menu = QMenu(tr("Open &Recent"), window)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        # The window's own Open (menu and toolbar) opens through here, so it is remembered.
        window.open_action.triggered.connect(self.open_timeline)
        self.remember(window.db)

    def _action(self, text, slot, shortcut, name: str) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setObjectName(f"{name}Action")
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def fill_menu(self, menu: QMenu) -> None:
        for action in (self.new_action, self.window.open_action):
            menu.addAction(action)
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        menu.addAction(self.import_action)
        menu.addAction(self.window.export_action)  # PDF, the export most want: one step away
        export = menu.addMenu(tr("Export &As"))
        export.setObjectName("exportMenu")
        for action in self.export_actions.values():
            export.addAction(action)
        menu.addAction(self.copy_action)
        menu.addSeparator()
        menu.addAction(self.close_action)
        menu.addAction(self.window.quit_action)

    # -- opening --------------------------------------------------------------------------

    def open_timeline(self) -> None:
        path = ask_open_path(self.window, tr("Open Timeline"), timeline_filter(), self._folder())
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path, read_only: bool = False, same_events: bool = False) -> bool:
        if not self.window.open_database_file(path, read_only, same_events):
            return False
        self.remember(self.window.db)
        return True

    def remember(self, db: Database) -> None:
        self.close_action.setEnabled(not db.read_only)
        if db.read_only:
            return
        settings = app_settings()
        recent = [str(db.path.resolve())] + [
            p for p in recent_files() if p != str(db.path.resolve())
        ]
        settings.setValue(RECENT_KEY, "\n".join(recent[:RECENT_COUNT]))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = recent_files()
        for path in files:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(Path(p)))
        if not files:
            self.recent_menu.addAction(tr("No recent timelines")).setEnabled(False)

    def close_timeline(self) -> None:
        """Back to the bundled timeline (read-only); the file closed stays in Open Recent."""
        self.open_path(paths.bundled_database(), read_only=True)

    # -- new, import, copy, export --------------------------------------------------------

    def new_timeline(self) -> None:
        from timeline_app.formats.into_database import create_timeline
        from timeline_app.timeline.document import TimelineInfo

        target = self._ask_new_file(tr("New Timeline"), tr("Untitled") + EXTENSION)
        if target is None:
            return
        try:
            create_timeline([TimelineInfo(target.stem)], target)
        except (FormatError, StoreError, OSError) as error:
            self._warn(tr("The timeline was not created."), str(error))
            return
        self.open_path(target)

    def import_file(self) -> None:
        # Importing loads the formats and SQLAlchemy's writer: on first use, not at start-up.
        from timeline_app.formats import registry
        from timeline_app.ui.import_dialog import ImportProgress, run_import

        filters = tr(
            "Timelines from other programs (*.json *.csv *.timeline);;TimelineJS (*.json *.csv);;"
            "Timeline (*.timeline);;All files (*)"
        )
        source = ask_open_path(self.window, tr("Import a Timeline"), filters, self._folder())
        if source is None:
            return
        try:
            format_name = registry.detect(source)
            mapping = ask_column_mapping(self.window, source) if format_name == "csv" else None
            if format_name == "csv" and mapping is None:
                return
            target = self._ask_new_file(
                tr("Save the Imported Timeline As"), source.stem + EXTENSION
            )
            if target is None:
                return
            read = registry.reader(source, format_name, mapping)
            progress = ImportProgress(source.name, self.window)
            try:
                with self._held_while_importing():
                    count = run_import(read, target, progress)
            finally:
                progress.close()
        except ImportCancelled:
            self.window.statusBar().showMessage(tr("Import cancelled; nothing was created."), 5000)
            return
        except (FormatError, StoreError, OSError) as error:
            self._warn(tr("The file was not imported."), str(error))
            return
        if self.open_path(target):
            self.window.statusBar().showMessage(
                tr("Imported {count} from {source}.").format(
                    count=event_count(count), source=source.name
                ),
                8000,
            )

    @contextmanager
    def _held_while_importing(self) -> Iterator[None]:
        """The actions that would open, make or import another file, or quit, do nothing until
        the import ends: the progress dialog holds off the window's input, and this its
        shortcuts and anything that triggers them otherwise."""
        actions = [
            self.new_action,
            self.window.open_action,
            self.recent_menu.menuAction(),
            self.import_action,
            self.copy_action,
            self.close_action,
            self.window.quit_action,
        ]
        enabled = [action.isEnabled() for action in actions]
        for action in actions:
            action.setEnabled(False)
        try:
            yield
        finally:
            for action, was in zip(actions, enabled, strict=True):
                action.setEnabled(was)

    def save_copy(self) -> None:
        from timeline_app.store.copying import copy_timeline

        db = self.window.db
        suggested = str(Path(self._folder()) / (_file_stem(queries.timeline_title(db)) + EXTENSION))
        target = ask_save_path(self.window, tr("Save a Copy"), timeline_filter(), suggested)
        if target is None:
            return
        try:
            copy_timeline(db.path, _with_suffix(target, EXTENSION))
        except StoreError as error:
            self._warn(tr("The copy was not saved."), str(error))
            return
        if self.open_path(_with_suffix(target, EXTENSION), same_events=True):
            self.window.edit_session.copied_from = db.path

    def export_as(self, format_name: str) -> None:
        suffix = {"timelinejs": ".timelinejs.json", "csv": ".csv", "json": ".json"}[format_name]
        title = _file_stem(queries.timeline_title(self.window.db))
        filters = {
            "timelinejs": tr("TimelineJS JSON (*.json)"), "csv": tr("CSV (*.csv)"),
            "json": tr("Timeline JSON (*.json)"),
        }[format_name]  # fmt: skip
        target = ask_save_path(
            self.window, tr("Export"), filters, str(Path(self._folder()) / (title + suffix))
        )
        if target is None:
            return
        target = _with_suffix(target, suffix)
        from timeline_app.export.other_formats import export_records
        from timeline_app.export.safe_file import ExportError

        try:
            count = export_records(
                self.window.db, self.window.current_filter(), target, format_name
            )
        except (ExportError, StoreError) as error:
            self._warn(tr("The timeline was not exported."), str(error))
            return
        self.window.statusBar().showMessage(
            tr("Exported {count} to {path}.").format(count=event_count(count), path=target), 8000
        )

    # -- helpers --------------------------------------------------------------------------

    def _ask_new_file(self, title: str, suggested: str) -> Path | None:
        target = ask_save_path(
            self.window, title, timeline_filter(), str(Path(self._folder()) / suggested)
        )
        if target is None:
            return None
        target = _with_suffix(target, EXTENSION)
        if target.exists():  # a new timeline never replaces a file
            self._warn(
                tr("The timeline was not created."),
                tr("{path} already exists; choose a new name.").format(path=target),
            )
            return None
        return target

    def _folder(self) -> str:
        db = self.window.db
        return str(Path.home() if db.read_only else db.path.parent)

    def _warn(self, title: str, text: str) -> None:
        log.warning("%s %s", title, text)
        self.window.show_message(QMessageBox.Icon.Warning, title, text)


def remember_open_file(settings, db: Database) -> None:
    """Note, as the window closes, the file to start on next time: the user's own file, or
    none when the window was on the bundled timeline (File > Close)."""
    settings.setValue(OPEN_AT_QUIT_KEY, "" if db.read_only else str(db.path.resolve()))


def last_opened() -> Path | None:
    """The user's file that was open when the window last closed, if it is still there."""
    name = str(app_settings().value(OPEN_AT_QUIT_KEY, "") or "")
    path = Path(name) if name else None
    return path if path is not None and path.is_file() else None


def recent_files() -> list[str]:
    value = app_settings().value(RECENT_KEY, "")
    return [line for line in str(value or "").split("\n") if line]


def build_file_menu(window: MainWindow, menu: QMenu) -> FileActions:
    actions = FileActions(window)
    actions.fill_menu(menu)
    return actions


def _with_suffix(path: Path, suffix: str) -> Path:
    return path if path.name.lower().endswith(suffix) else path.with_name(path.name + suffix)


def _file_stem(title: str) -> str:
    return _NOT_IN_FILE_NAMES.sub("-", title).strip(" .-") or tr("Timeline")
