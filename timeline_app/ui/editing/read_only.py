"""The bundled timeline is read-only: opening an editor, a manager or Delete on it offers to save
a copy and edit that, before anything is typed. A change that still meets a file it cannot write
(a manager left open when the window went back to the bundled timeline, a file the system will
not let be written) offers the same when it is saved."""

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


def ask_to_save_copy(
    parent: QWidget, read_only_file: bool, *, before_editing: bool = False
) -> bool:
    """Whether to save a copy of the timeline and make the change there (before_editing: and
    edit there, asked before an editor opens)."""
    if read_only_file:
        text = tr("The bundled timeline cannot be changed.")
    else:
        text = tr("This timeline file cannot be written.")
    box = QMessageBox(QMessageBox.Icon.Question, tr("Save a Copy to Edit"), text, parent=parent)
    if before_editing:
        box.setInformativeText(tr(
            "Save a copy of it as your own file, and edit the copy? The copy opens in this window."
        ))  # fmt: skip
    else:
        box.setInformativeText(tr(
            "Save a copy of it as your own file, and make the change there? The copy opens in "
            "this window."
        ))  # fmt: skip
    save = box.addButton(tr("Save a Copy to Edit…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save)
    readable(box).exec()
    return box.clickedButton() is save


def offer_copy_to_edit(window: MainWindow, *, before_editing: bool = False) -> EditSession | None:
    """Offer the copy; the session of the copy once it is saved and open, else None."""
    before = window.db
    if not ask_to_save_copy(window, before.read_only, before_editing=before_editing):
        return None
    window.file_actions.save_copy()  # asks where, copies, opens; says so if it cannot
    if window.db is before or window.db.read_only:
        return None
    return window.edit_session


def ready_to_edit(window: MainWindow) -> bool:
    """Whether the window's file can take edits, called before an editor opens: on a read-only
    file, True only once the user has saved a copy when offered (the window shows the copy)."""
    if not window.db.read_only:
        return True
    return offer_copy_to_edit(window, before_editing=True) is not None
