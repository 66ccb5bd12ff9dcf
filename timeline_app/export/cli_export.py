"""`timeline-app export OUT.pdf`: the same PDF as the window's, with no display needed."""

from __future__ import annotations

import argparse
import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from timeline_app.export.content import gather
from timeline_app.export.pdf import ExportResult, PageSetup, PdfExport
from timeline_app.export.safe_file import ExportError
from timeline_app.export.words import tr
from timeline_app.store.database import Database
from timeline_app.store.errors import StoreError
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.wording.qt import install_translators, translators_installed

_application: QGuiApplication | None = None


def export_from_command_line(db: Database, wanted: TimelineFilter, args: argparse.Namespace) -> int:
    """Export the events that pass wanted to args.out; returns the exit code."""
    try:
        gui_application()
        if not translators_installed():
            install_translators()
        content = gather(db, wanted, title=args.title)
        setup = PageSetup(size=args.page_size, landscape=args.landscape)
        result = PdfExport(content, args.out, setup).run()
    except (ExportError, StoreError) as error:
        print(f"timeline-app: {error}", file=sys.stderr)
        return 1
    print(summary(result))
    return 0


def summary(result: ExportResult) -> str:
    """ "Exported 12 of 36 events to out.pdf (3 pages)"."""
    pages = tr("%n page(s)", result.pages)
    return tr(
        "Exported {shown} of {total} events to {path} ({pages})",
        shown=result.events,
        total=result.timeline_events,
        path=result.path,
        pages=pages,
    )


def gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new one; with no display, an offscreen one."""
    existing = QCoreApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise ExportError(tr("PDF export needs Qt's graphical application object."))
        return existing
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if no_display and sys.platform not in ("win32", "darwin"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    global _application  # kept for the life of the process: Qt wants one, and only one
    _application = QGuiApplication(["timeline-app"])
    return _application
