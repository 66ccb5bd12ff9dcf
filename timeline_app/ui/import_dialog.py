"""Import from another program: which columns of a plain CSV hold what, and the import run on a
thread of its own with its progress shown (cancellable: a cancelled import leaves nothing
behind)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from timeline_app.formats.errors import ImportCancelled
from timeline_app.formats.into_database import create_timeline
from timeline_app.formats.mapped_csv import FIELDS, REQUIRED
from timeline_app.formats.reading import Progress
from timeline_app.timeline.document import Record

# Column names that usually hold each field, to choose for the user first.
_LIKELY = {
    "title": ("title", "headline", "name", "event", "what"),
    "start": ("start", "date", "when", "year", "from", "begin"),
    "end": ("end", "until", "to", "finish"),
    "summary": ("summary", "description", "text", "notes", "details"),
    "themes": ("themes", "theme", "group", "category", "categories", "tags"),
    "source": ("source", "url", "link", "media"),
    "quote": ("quote", "citation"),
    "approximate": ("approximate", "circa", "fuzzy"),
    "key": ("id", "key", "unique_id"),
}


class ColumnMappingDialog(QDialog):
    """One choice of column per field; title and start are needed."""

    def __init__(self, file_name: str, columns: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import %s") % file_name)
        self.setObjectName("columnMappingDialog")
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        labels = {
            "title": self.tr("Title"), "start": self.tr("Start date"),
            "end": self.tr("End date"), "summary": self.tr("Summary"),
            "themes": self.tr("Themes (; between several)"), "source": self.tr("Source (URL)"),
            "quote": self.tr("Quote from the source"), "approximate": self.tr("Approximate date"),
            "key": self.tr("Event id"),
        }  # fmt: skip
        for field in FIELDS:
            combo = QComboBox(self)
            combo.addItem(self.tr("(none)"), "")
            for column in columns:
                combo.addItem(column, column)
            combo.setCurrentIndex(_likely_index(field, columns))
            combo.setAccessibleName(labels[field])
            combo.currentIndexChanged.connect(self._check)
            form.addRow(labels[field], combo)
            self.combos[field] = combo
        note = QLabel(self.tr("Dates as 1991, 2006-07 or 2024-02-16 (a time may follow)."), self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self._check()

    def mapping(self) -> dict[str, str]:
        chosen = {field: combo.currentData() for field, combo in self.combos.items()}
        return {field: column for field, column in chosen.items() if column}

    def _check(self) -> None:
        ready = all(field in self.mapping() for field in REQUIRED)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)


def _likely_index(field: str, columns: list[str]) -> int:
    lowered = [c.strip().lower() for c in columns]
    for name in _LIKELY[field]:
        if name in lowered:
            return lowered.index(name) + 1  # after "(none)"
    return 0


class ImportProgress:
    """A cancellable progress dialog for an import running on a thread of its own (run_import),
    which reports to the dialog by a signal queued to the window's thread."""

    def __init__(self, file_name: str, parent: QWidget) -> None:
        translate = QCoreApplication.translate
        self.dialog = QProgressDialog(
            translate("ImportProgress", "Importing %s…") % file_name,
            translate("ImportProgress", "Cancel"), 0, 1000, parent,
        )  # fmt: skip
        self.dialog.setObjectName("importProgress")
        self.dialog.setWindowTitle(translate("ImportProgress", "Import"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        # Shown at once, not after a moment: until it shows, the window would take another
        # Import, Open or Quit, though a reader can take seconds to its first report.
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)

    def close(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()


class _ImportWork(QObject):
    """The import itself, moved to its thread: progress out by signal, Cancel in by a flag."""

    progressed = Signal(int)  # thousandths done
    finished = Signal()

    def __init__(self, read: Callable[[Progress], Iterable[Record]], target: Path) -> None:
        super().__init__()
        self.read, self.target = read, target
        self.cancelled = threading.Event()
        self.outcome: int | BaseException = ImportCancelled()

    @Slot()
    def run(self) -> None:
        try:
            self.outcome = create_timeline(
                self.read(self._progress), self.target, self.cancelled.is_set
            )
        except BaseException as error:  # raised again on the window's thread
            self.outcome = error
        self.finished.emit()

    def _progress(self, done: int, total: int) -> None:
        self.progressed.emit(min(999, done * 1000 // max(total, 1)))
        if self.cancelled.is_set():
            raise ImportCancelled


def run_import(
    read: Callable[[Progress], Iterable[Record]], target: Path, progress: ImportProgress
) -> int:
    """Import into target on a thread of its own while the window goes on painting; returns
    how many events, or raises what the import raised (ImportCancelled after Cancel: the file
    is built beside target and removed, so nothing is left behind)."""
    work = _ImportWork(read, target)
    thread = QThread()
    work.moveToThread(thread)
    waiting = QEventLoop()
    work.progressed.connect(progress.dialog.setValue)  # Qt's own slot: queued to its thread
    progress.dialog.canceled.connect(work.cancelled.set)
    work.finished.connect(waiting.quit)
    thread.started.connect(work.run)
    progress.dialog.show()
    thread.start()
    waiting.exec()
    thread.quit()
    thread.wait()
    if isinstance(work.outcome, BaseException):
        raise work.outcome
    return work.outcome
