"""The bundled timeline is read-only: the first edit offers to save a copy and edit that."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from timeline_app.messages import readable

if TYPE_CHECKING:
    from timeline_app.ui.editing.session import EditSession
    from timeline_app.ui.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("ReadOnly", text)


def ask_to_save_copy(parent: QWidget, read_only_file: bool) -> bool:
    """Whether to save a copy of the timeline and make the change there."""
    if read_only_file:
        text = tr("The bundled timeline cannot be changed.")
    else:
        text = tr("This timeline file cannot be written.")
    box = QMessageBox(QMessageBox.Icon.Question, tr("Save a Copy to Edit"), text, parent=parent)
    box.setInformativeText(
        tr(
            "Save a copy of it as your own file, and make the change there? The copy opens in "
            "this window."
        )  # fmt: skip
    )
    save = box.addButton(tr("Save a Copy to Edit…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save)
    readable(box).exec()
    return box.clickedButton() is save


def offer_copy_to_edit(window: MainWindow) -> EditSession | None:
    """Offer the copy; the session of the copy once it is saved and open, else None."""
    before = window.db
    if not ask_to_save_copy(window, before.read_only):
        return None
    window.file_actions.save_copy()  # asks where, copies, opens; says so if it cannot
    if window.db is before or window.db.read_only:
        return None
    return window.edit_session
