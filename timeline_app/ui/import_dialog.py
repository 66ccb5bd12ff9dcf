"""Import from another program: which columns of a plain CSV hold what, and the progress shown
while a file is read (cancellable: a cancelled import leaves nothing behind)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
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
from timeline_app.formats.mapped_csv import FIELDS, REQUIRED

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
    """A progress callback that drives a cancellable dialog while the import runs."""

    def __init__(self, file_name: str, parent: QWidget) -> None:
        translate = QCoreApplication.translate
        self.dialog = QProgressDialog(
            translate("ImportProgress", "Importing %s…") % file_name,
            translate("ImportProgress", "Cancel"), 0, 1000, parent,
        )  # fmt: skip
        self.dialog.setObjectName("importProgress")
        self.dialog.setWindowTitle(translate("ImportProgress", "Import"))
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)

    def __call__(self, done: int, total: int) -> None:
        self.dialog.setValue(min(999, done * 1000 // max(total, 1)))
        QCoreApplication.processEvents()
        if self.dialog.wasCanceled():
            raise ImportCancelled

    def close(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()
