"""File → Export PDF…: choose where, watch it go (or cancel), then open the result."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from timeline_app.export.content import gather
from timeline_app.export.pdf import ExportResult, PageSetup, PdfExport
from timeline_app.export.safe_file import ExportError
from timeline_app.export.words import tr
from timeline_app.messages import readable
from timeline_app.store import queries
from timeline_app.store.database import Database
from timeline_app.store.errors import StoreError
from timeline_app.timeline.filter import TimelineFilter

_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
STEPS = 1000


def export_with_dialog(parent: QWidget | None, db: Database, wanted: TimelineFilter) -> Path | None:
    """Ask for a file, export the filtered timeline to it, offer to open it; the path or None."""
    try:
        target = _ask_for_target(parent, queries.timeline_title(db))
        if target is None:
            return None
        content = gather(db, wanted)
        result = _export_with_progress(parent, PdfExport(content, target, page_setup()))
    except (ExportError, StoreError) as error:
        _tell(parent, QMessageBox.Icon.Warning, tr("The PDF was not exported."), str(error))
        return None
    if result is None:
        return None
    _offer_to_open(parent, result)
    return result.path


def default_file_name(title: str, today: dt.date | None = None) -> str:
    """ "Azerbaijan–Israel relations 2026-11-23.pdf", safe on every file system."""
    day = (today or dt.date.today()).isoformat()
    cleaned = _NOT_IN_FILE_NAMES.sub("-", title).strip(" .-") or tr("Timeline")
    return f"{cleaned} {day}.pdf"


def with_pdf_suffix(path: Path) -> Path:
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def page_setup() -> PageSetup:
    """Letter where the reader's locale measures in inches, A4 elsewhere."""
    imperial = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return PageSetup(size="Letter" if imperial else "A4")


def _ask_for_target(parent: QWidget | None, title: str) -> Path | None:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suggestion = str(Path(folder or Path.home()) / default_file_name(title))
    chosen, _ = QFileDialog.getSaveFileName(
        parent, tr("Export PDF"), suggestion, tr("PDF documents (*.pdf)")
    )
    if not chosen:
        return None
    target = with_pdf_suffix(Path(chosen))
    # The save dialog asked about replacing the name typed, not the one with .pdf added.
    if target != Path(chosen) and target.exists():
        answer = QMessageBox.question(
            parent,
            tr("Export PDF"),
            tr("{name} already exists. Replace it?", name=target.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
    return target


def _export_with_progress(parent: QWidget | None, export: PdfExport) -> ExportResult | None:
    """Paint in steps, letting the window redraw between them; Cancel leaves no file behind."""
    progress = QProgressDialog(tr("Preparing the PDF…"), tr("Cancel"), 0, STEPS, parent)
    progress.setWindowTitle(tr("Export PDF"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    progress.setAutoReset(False)
    steps = export.steps()
    try:
        for step in steps:
            progress.setLabelText(step.doing)
            progress.setValue(min(int(step.done * STEPS), STEPS - 1))
            QCoreApplication.processEvents()
            if progress.wasCanceled():
                steps.close()  # unwinds the export: the painter ends, the temporary file goes
                return None
    finally:
        progress.close()
        progress.deleteLater()
    return export.result


def _offer_to_open(parent: QWidget | None, result: ExportResult) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(tr("Export PDF"))
    box.setText(result.summary() + ".")
    open_button = box.addButton(tr("Open"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(open_button)
    readable(box).exec()
    opened = box.clickedButton() is open_button
    box.deleteLater()
    if opened and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path))):
        _tell(
            parent,
            QMessageBox.Icon.Warning,
            tr("The PDF could not be opened."),
            tr("No program to open PDF files was found. The file is at {path}.", path=result.path),
        )


def _tell(parent: QWidget | None, icon: QMessageBox.Icon, text: str, details: str) -> None:
    box = QMessageBox(icon, tr("Export PDF"), text, QMessageBox.StandardButton.Close, parent)
    box.setInformativeText(details)
    readable(box).exec()
    box.deleteLater()
