"""Starting the app: a clear line when no window can open, a message for a bad database."""

from __future__ import annotations

import logging
import os
import re
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from timeline_app import APP_ID, APP_NAME, paths
from timeline_app.ui import launch as launching
from timeline_app.ui.launch import XCB_LIBRARIES, XCB_PACKAGES, display_problem, launch


def every_library(name: str) -> str:
    return f"lib{name}.so"


def test_offscreen_needs_no_display():
    environ = {"QT_QPA_PLATFORM": "offscreen"}
    assert display_problem(environ, "linux", lambda name: None) is None


def test_no_display_at_all_is_said_plainly():
    problem = display_problem({}, "linux", every_library)
    assert problem is not None and "DISPLAY" in problem and "WAYLAND_DISPLAY" in problem
    assert "\n" not in problem


def test_missing_xcb_libraries_name_the_packages_to_install():
    missing = {"xcb-cursor", "xkbcommon-x11"}
    problem = display_problem(
        {"DISPLAY": ":0"}, "linux", lambda name: None if name in missing else every_library(name)
    )
    assert problem is not None and "\n" not in problem
    assert "libxcb-cursor" in problem and "libxkbcommon-x11" in problem
    assert "libxcb-shape" not in problem.split("(")[1].split(")")[0]  # only the missing named
    assert "apt-get install libxcb-cursor0 libxcb-icccm4" in problem
    assert "libxkbcommon-x11-0" in problem


def test_x11_with_every_library_is_fine_and_wayland_needs_no_xcb():
    assert display_problem({"DISPLAY": ":0"}, "linux", every_library) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", lambda name: None) is None
    assert display_problem({}, "darwin", lambda name: None) is None


def test_the_install_command_covers_every_library_checked():
    packages = XCB_PACKAGES.split()
    for name in XCB_LIBRARIES:  # libxcb-cursor → libxcb-cursor0, libxkbcommon-x11 → …-x11-0
        assert [p for p in packages if re.fullmatch(rf"lib{re.escape(name)}-?\d+", p)], name
    assert len(packages) == len(XCB_LIBRARIES)


def test_launch_stops_with_exit_code_1_when_no_window_can_open(monkeypatch, capsys):
    monkeypatch.setattr(launching, "display_problem", lambda: "timeline-app: no display here")
    assert launch(None) == 1
    assert capsys.readouterr().err.strip() == "timeline-app: no display here"


@pytest.fixture
def messages(monkeypatch):
    """Message boxes record their text instead of waiting for a click."""
    shown: list[str] = []

    def exec_(box):
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


def test_an_unreadable_database_gives_a_message_not_a_crash(qapp, tmp_path, messages):
    garbage = tmp_path / "broken.db"
    garbage.write_bytes(b"\x00\x01 not sqlite at all")
    assert launch(garbage) == 1
    assert len(messages) == 1 and "not a timeline database" in messages[0]
    assert not [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"]


def test_launch_opens_the_bundled_timeline_read_only_with_the_apps_identity(
    qapp, monkeypatch, messages
):
    shown = []

    def run_the_app(*args) -> int:  # instead of the event loop: look, then close the window
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "mainWindow" and widget.isVisible():
                shown.append(widget.windowTitle())
                widget.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", run_the_app)
    monkeypatch.setattr(launching, "install_error_handlers", lambda: None)
    assert launch(None) == 0
    assert messages == []
    assert not (paths.user_data_dir() / "timeline.db").exists()  # no copy is made any more
    assert len(shown) == 1 and shown[0].endswith("bundled timeline (read-only)")
    assert QApplication.applicationName() == APP_NAME
    assert QApplication.desktopFileName() == APP_ID
    assert not QApplication.windowIcon().isNull()


def test_an_unexpected_error_is_logged_and_shown_not_printed(qapp, messages, caplog, capsys):
    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        kind, error, trace = sys.exc_info()
    with caplog.at_level(logging.ERROR):
        launching.show_unexpected_error(kind, error, trace)
    assert any(r.exc_info and r.exc_info[1] is error for r in caplog.records)
    assert len(messages) == 1 and "unexpected problem" in messages[0]
    assert "Traceback" not in capsys.readouterr().err


def test_qt_messages_go_to_python_logging(caplog):
    from PySide6.QtCore import QMessageLogContext, QtMsgType

    with caplog.at_level(logging.DEBUG, logger="qt"):
        launching._qt_message(QtMsgType.QtWarningMsg, QMessageLogContext(), "a Qt warning")
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        ("qt", logging.WARNING, "a Qt warning")
    ]


def test_launch_installs_the_translators_before_it_says_anything(qapp, tmp_path, messages):
    from timeline_app.wording import qt as wording_qt

    wording_qt.remove_translators()
    garbage = tmp_path / "broken.db"
    garbage.write_bytes(b"not sqlite")
    assert launch(garbage) == 1
    assert wording_qt.translators_installed()
    assert QApplication.translate("FilterPanel", "%n event(s)", "", 1) == "1 event"


def test_a_bug_met_while_opening_goes_to_the_crash_dialog(qapp, monkeypatch, messages, caplog):
    from timeline_app.ui import file_actions

    real_open = file_actions.open_database

    def open_with_a_bad_query(path, **options):
        db = real_open(path, **options)
        db.read("SELECT no_such_column FROM events")  # a real SQLite error of ours

    monkeypatch.setattr(file_actions, "open_database", open_with_a_bad_query)
    with caplog.at_level(logging.ERROR):
        assert launch(None) == 70
    assert len(messages) == 1 and "unexpected problem" in messages[0]
    assert any(r.exc_info and "no such column" in str(r.exc_info[1]) for r in caplog.records)


def test_the_window_shows_without_loading_sqlalchemy_numpy_the_formats_or_the_editor():
    """SQLAlchemy takes about half a second to import: only writing needs it, never the way to
    the first paint (nor do the other programs' formats, loaded on first import or export;
    only their small error classes, which the File actions catch). numpy, a fraction of a
    second, is for large timelines only: the bundled one opens without it. The event editor's
    modules load when an editor first opens."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from timeline_app import paths\n"
        "from timeline_app.store.database import open_database\n"
        "from timeline_app.ui.main_window import MainWindow\n"
        "window = MainWindow(open_database(paths.bundled_database(), read_only=True))\n"
        "window.show(); window.repaint(); app.processEvents()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'numpy')"
        " or m.startswith('timeline_app.formats.') and m != 'timeline_app.formats.errors'"
        " or m in ('timeline_app.ui.editing.event_editor', 'timeline_app.ui.editing.citation_rows')"
        "))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=env)  # fmt: skip
    assert out.stdout.strip().splitlines()[-1] == "[]"


# What `timeline-app --db FILE` has loaded when its window first paints: the start-up's own
# code, not what only a later action needs. Each name here was moved off that path (issue 14).
NOT_BEFORE_THE_FIRST_PAINT = (
    "sqlalchemy", "numpy", "alembic",
    "timeline_app.formats.timelinejs", "timeline_app.formats.into_database",
    "timeline_app.timeline.document",  # whole-timeline records: the commands and exports
    "timeline_app.timeline.drafts",  # the checks of an edit
    "timeline_app.ui.editing.edit_actions", "timeline_app.ui.editing.manager_actions",
    "timeline_app.ui.editing.outside_changes", "timeline_app.ui.editing.read_only",
    "timeline_app.ui.editing.event_editor", "timeline_app.ui.editing.citation_rows",
    "timeline_app.ui.source_dialog",
    "timeline_app.store.default_timeline", "timeline_app.store.fingerprint",  # no --db only
    "logging.handlers", "socket", "pickle",  # the log's rotation is the app's own
    "hashlib",  # quotes' fingerprints, when checked
    "ctypes",  # the X11 libraries' search, where X11 is used
    "importlib.resources",  # the package's files are found beside its modules
    "calendar",  # the days of a month are counted by timeline/dates.py
)  # fmt: skip

_FIRST_PAINT_WATCH = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

loaded_at_paint = []

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not loaded_at_paint:
            loaded_at_paint.extend(sys.modules)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False

original_exec = QApplication.exec

def exec_and_watch(*_args):
    app = QApplication.instance()
    app.first_paint = FirstPaint()
    window = next(w for w in app.topLevelWidgets() if w.objectName() == "mainWindow")
    window.installEventFilter(app.first_paint)
    return original_exec()

QApplication.exec = exec_and_watch
from timeline_app.cli import main
code = main(["--db", sys.argv[1]])
print(" ".join(sorted(loaded_at_paint)))
sys.exit(code)
"""


def test_the_first_paint_of_a_launch_waits_for_nothing_it_does_not_show(tmp_path):
    """Through the command line, as a user starts it: at the first paint none of the modules
    moved off the way to it has loaded (a test that fails when one comes back)."""
    import shutil
    import subprocess

    timeline = tmp_path / "timeline.tldb"
    shutil.copyfile(paths.bundled_database(), timeline)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", _FIRST_PAINT_WATCH, str(timeline)],
                          capture_output=True, text=True, env=env, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = set(done.stdout.split())
    assert "timeline_app.ui.main_window" in loaded  # the watch saw the window's paint
    came_back = sorted(
        name for name in loaded
        if any(name == gone or name.startswith(gone + ".") for gone in NOT_BEFORE_THE_FIRST_PAINT)
    )  # fmt: skip
    assert came_back == []


def test_a_launched_window_has_its_edit_menu_right_after_the_first_paint(qtbot, small_db_path):
    from timeline_app.store.database import open_database
    from timeline_app.ui.file_actions import start_window

    window = start_window(open_database(small_db_path), None)
    qtbot.addWidget(window)
    edit_menu = window.menuBar().actions()[1].menu()
    assert [a.objectName() for a in edit_menu.actions()] == ["findAction", "clearFiltersAction"]
    qtbot.waitUntil(lambda: window.edit_actions is not None, timeout=2000)
    names = [a.objectName() for a in edit_menu.actions()]
    for name in ("undoAction", "redoAction", "newEventAction", "editEventAction",
                 "deleteEventAction", "findAction", "themesAction", "sourcesAction"):  # fmt: skip
        assert name in names
    assert names.index("newEventAction") < names.index("findAction") < names.index("themesAction")
    assert window.outside_changes is not None
    window.close()
