"""A source without a web link: what is known of it, and every event that quotes it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from timeline_app.timeline.events import Event, Source
from timeline_app.ui.editing.manager_actions import manager_actions
from timeline_app.wording.dates import span_label
from timeline_app.wording.sources import published_label


class SourceDialog(QDialog):
    """Title, publisher or author, date, archive file and note; then the events citing it."""

    event_chosen = Signal(int)  # event id

    def __init__(self, source: Source, citing: list[Event], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.setWindowTitle(self.tr("Source: %s") % source.title)
        self.setAccessibleName(self.tr("Source details"))
        self.resize(620, 480)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        for key, label, value in (
            ("title", self.tr("Title"), source.title),
            ("publisher", self.tr("Publisher"), source.publisher),
            ("author", self.tr("Author"), source.author),
            ("published", self.tr("Published"), published_label(source)),
            ("archive", self.tr("Archived copy"), source.archive),
            ("url", self.tr("Web address"), source.url),
            ("note", self.tr("Note"), source.note),
        ):
            if not value:
                continue
            field = QLabel(value, self)
            field.setTextFormat(Qt.TextFormat.PlainText)
            field.setWordWrap(True)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setAccessibleName(label)
            form.addRow(label + ":", field)
            self.fields[key] = field

        heading = QLabel(self.tr("Events that cite this source (%n):", "", len(citing)), self)
        self.citing_list = QListWidget(self)
        self.citing_list.setAccessibleName(self.tr("Events that cite this source"))
        for event in citing:
            item = QListWidgetItem(f"{span_label(event.when)} — {event.title}")
            item.setData(Qt.ItemDataRole.UserRole, event.id)
            self.citing_list.addItem(item)
        self.citing_list.itemActivated.connect(self._choose)
        heading.setBuddy(self.citing_list)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        if source.has_web_link():
            browse = buttons.addButton(
                self.tr("Open in browser"), QDialogButtonBox.ButtonRole.ActionRole
            )
            browse.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(source.url)))
        self.edit_button = None
        managers = manager_actions(parent)
        if managers is not None:  # a window that edits: the source opens in its source manager
            self.edit_button = buttons.addButton(
                self.tr("&Edit Source…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.edit_button.setToolTip(
                self.tr("Change this source's details or its archived text, or delete it")
            )
            self.edit_button.clicked.connect(lambda: self._edit(managers))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(self.citing_list, 1)
        layout.addWidget(buttons)

    def _edit(self, managers) -> None:
        self.accept()
        managers.open_sources(self.source.id)

    def _choose(self, item: QListWidgetItem) -> None:
        self.event_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))
        self.accept()
