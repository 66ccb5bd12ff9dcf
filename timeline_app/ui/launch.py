"""Starting the window: check the display, set the app's identity, open the database, show it."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType

from timeline_app import APP_ID, APP_NAME, ORGANISATION, __version__, paths
from timeline_app.logs import log, log_file_hint, recent

# The libraries Qt's xcb (X11) platform plugin loads, and the Debian packages that hold them.
XCB_LIBRARIES = (
    "xcb-cursor", "xkbcommon-x11", "xcb-icccm", "xcb-keysyms",
    "xcb-image", "xcb-render-util", "xcb-shape", "xcb-xkb",
)  # fmt: skip
XCB_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 "
    "libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0"
)
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")


def display_problem(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    find_library: Callable[[str], str | None] | None = None,
) -> str | None:
    """Why a window cannot open here, in one line a user can act on; None when it can."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return None
    requested = environ.get("QT_QPA_PLATFORM", "").strip().lower()
    first_choice = requested.split(";")[0].split(":")[0]
    if first_choice in HEADLESS_PLATFORMS:
        return None
    has_x11 = bool(environ.get("DISPLAY"))
    has_wayland = bool(environ.get("WAYLAND_DISPLAY"))
    if not has_x11 and not has_wayland:
        return (
            "timeline-app: there is no display to open a window on (neither DISPLAY nor "
            "WAYLAND_DISPLAY is set). Run it in a desktop session, or use the command line: "
            "timeline-app --help"
        )
    will_use_xcb = first_choice == "xcb" or (not first_choice and not has_wayland)
    if will_use_xcb or (not has_wayland and "xcb" in requested):
        if find_library is None:
            import ctypes.util  # its search runs programs: only where X11 is to be used

            find_library = ctypes.util.find_library
        missing = [name for name in XCB_LIBRARIES if not find_library(name)]
        if missing:
            return (
                f"timeline-app: the window needs system libraries that are missing "
                f"({', '.join('lib' + name for name in missing)}). Install them with: "
                f"sudo apt-get install {XCB_PACKAGES}"
            )
    return None


def launch(db_path: Path | None) -> int:
    """Open the window on the database (default: the bundled timeline, or a kept 0.1.0 copy)."""
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1

    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from timeline_app.wording.qt import install_translators

    app = QApplication.instance() or QApplication(sys.argv[:1])
    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(ORGANISATION)
    QApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    icon = app_icon()
    if icon is not None:
        QApplication.setWindowIcon(icon)
    install_translators()

    from timeline_app.store.errors import StoreBug
    from timeline_app.ui.file_actions import open_first_timeline, start_window

    try:
        db, notice = open_first_timeline(db_path)
    except StoreBug:  # ours, not the file's: the crash dialog, with the traceback in the log
        show_unexpected_error(*sys.exc_info())
        return 70
    if db is None:
        return 1
    install_error_handlers()
    window = start_window(db, notice)
    try:
        return app.exec()
    finally:
        from timeline_app.store.indexing import save_index

        save_index(window.db)
        window.db.close()


def app_icon():
    """The app's icon from inside the package, if this build has one."""
    from PySide6.QtGui import QIcon

    for name in ("app.svg", "app.png"):
        candidate = paths.package_file("icons", name)
        if candidate.is_file():
            icon = QIcon(str(candidate))
            if not icon.isNull():
                return icon
    themed = QIcon.fromTheme(APP_ID)
    return None if themed.isNull() else themed


# -- errors and Qt's messages go to the log, and the user sees a dialog, not a traceback -------

_showing_error = False


def install_error_handlers() -> None:
    from PySide6.QtCore import qInstallMessageHandler

    sys.excepthook = show_unexpected_error
    qInstallMessageHandler(_qt_message)


def show_unexpected_error(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Log a bug with its traceback and tell the user, with the recent log lines to send us."""
    global _showing_error
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    log.critical("unexpected error", exc_info=(kind, error, trace))
    if _showing_error:  # an error while showing an error: the log has it, do not loop
        return
    from PySide6.QtWidgets import QApplication, QMessageBox

    from timeline_app.messages import readable

    if QApplication.instance() is None:
        sys.__excepthook__(kind, error, trace)
        return
    _showing_error = True
    try:
        box = QMessageBox(QMessageBox.Icon.Critical,
                          QApplication.translate("launch", "Something went wrong"),
                          QApplication.translate(
                              "launch",
                              "Timeline hit an unexpected problem and the last action may not "
                              "have finished. Your data is safe. Details are in {log}.",
                          ).format(log=log_file_hint()))  # fmt: skip
        lines = list(recent.lines)[-40:]
        details = "\n".join(lines) or "".join(traceback.format_exception(kind, error, trace))
        box.setDetailedText(details)
        readable(box).exec()
    finally:
        _showing_error = False


_QT_LEVELS = {}


def _qt_message(mode, context, message: str) -> None:
    from PySide6.QtCore import QtMsgType

    if not _QT_LEVELS:
        _QT_LEVELS.update({
            QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
            QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
            QtMsgType.QtFatalMsg: logging.CRITICAL,
        })  # fmt: skip
    where = f" ({context.file}:{context.line})" if context.file else ""
    logging.getLogger("qt").log(_QT_LEVELS.get(mode, logging.WARNING), "%s%s", message, where)
