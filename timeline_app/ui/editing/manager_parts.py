"""What the theme and source managers share: a problem said beside its field, a change pushed
through the window's undo session, and a deletion confirmed with what goes with it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QSizePolicy, QWidget
from shiboken6 import isValid

from timeline_app.messages import readable
from timeline_app.store.editing import EditRefused
from timeline_app.store.errors import StoreError
from timeline_app.ui.editing import fields
from timeline_app.ui.editing.left_behind import LeftBehind, ask_about_left_behind
from timeline_app.wording.drafts import draft_problems
from timeline_app.wording.editing import consequence_lines, refusal_problems

if TYPE_CHECKING:
    from timeline_app.ui.main_window import MainWindow


class ProblemLabel(fields.ProblemLabel):
    """What is wrong with the field beside it, in the event editor's style (one style for a
    problem in every editor); hidden while nothing is."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setBuddy(field)

    def say(self, text: str | None) -> None:
        super().say(text)
        # A screen reader reads the problem with the field when it gets the focus.
        self.field.setAccessibleDescription(text or "")


class FieldProblems:
    """The problem labels of one form, by the draft's field names."""

    def __init__(self) -> None:
        self.labels: dict[str, ProblemLabel] = {}

    def add(self, name: str, field: QWidget, parent: QWidget) -> ProblemLabel:
        label = ProblemLabel(field, parent)
        self.labels[name] = label
        return label

    def show(self, problems: Mapping[str, str]) -> bool:
        """Say each problem beside its field; False (nothing said) if one has no field here."""
        if not problems or not set(problems) <= set(self.labels):
            return False
        for name, label in self.labels.items():
            label.say(problems.get(name))
        first = next(name for name in self.labels if name in problems)
        self.labels[first].field.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def clear(self) -> None:
        for label in self.labels.values():
            label.say(None)

    def shown(self) -> dict[str, str]:
        return {name: label.text() for name, label in self.labels.items() if label.text()}


def push_change(session, build: Callable[[], object], problems: FieldProblems) -> bool:
    """Build a change and push it through the window's undo session: a refusal about a field
    is said beside that field; anything else the session tells the user."""
    try:
        change = build()
    except EditRefused as refused:
        if problems.show(refusal_problems(refused)):
            return False
        return session.build_and_push(_refusing(refused))
    except StoreError as error:
        return session.build_and_push(_refusing(error))
    problems.clear()
    return session.build_and_push(lambda: change)


def _refusing(error: StoreError) -> Callable[[], object]:
    def build() -> object:
        raise error

    return build


def confirm_deletion(
    parent: QWidget, title: str, question: str, details: str, delete_text: str,
    then: Callable[[], None],
) -> QMessageBox:  # fmt: skip
    """Ask before deleting, saying what goes with it; then() runs only if the user agrees.
    Window-modal, not a nested event loop: the window carries on behind."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(details)
    delete = box.addButton(delete_text, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(delete)
    box.setEscapeButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(lambda button: then() if button is delete else None)
    readable(box).open()  # a long title is wrapped, not cut
    return box


def ask_about_unsaved(
    parent: QWidget, question: str, save: Callable[[], bool], then: Callable[[], None],
    cancelled: Callable[[], None], *, can_cancel: bool = True,
) -> QMessageBox:  # fmt: skip
    """Ask what becomes of typed changes before they would be lost: Save them (then() only if
    they were saved), Discard them (then()), or Cancel (cancelled(): the user goes on editing).
    Window-modal, not a nested event loop. Without can_cancel there is no Cancel, and Escape or
    closing the box does nothing: the changes are dropped only when the user says so."""
    box = QMessageBox(QMessageBox.Icon.Question, parent.tr("Unsaved changes"), question,
                      parent=parent)  # fmt: skip
    box.setTextFormat(Qt.TextFormat.PlainText)
    if can_cancel:
        box.setInformativeText(parent.tr(
            "Save Changes saves them to the timeline; Discard Changes drops them; Cancel goes "
            "back to editing."
        ))  # fmt: skip
    else:
        box.setInformativeText(parent.tr(
            "Save Changes saves them to that timeline; Discard Changes drops them."
        ))  # fmt: skip
    save_button = box.addButton(parent.tr("&Save Changes"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(parent.tr("&Discard Changes"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(save_button)
    if can_cancel:
        box.setEscapeButton(box.addButton(QMessageBox.StandardButton.Cancel))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(button) -> None:
        if button is discard or (button is save_button and save()):
            then()
        else:
            cancelled()

    box.buttonClicked.connect(answered)
    readable(box).open()
    return box


class ManagerDialog(QDialog):
    """A manager of one kind of thing in the window's open file: it follows the file through
    the window's edit session (edits, undo, redo) and, when it is brought back to the front,
    catches up with a file opened since or changed by another program."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self._session = None
        self._file: Path | None = None  # the file of the session followed: the form's
        self._undo_actions: list[QAction] = []
        self.asking: QMessageBox | None = None  # the last question about typing left behind
        self.listing: QWidget = self  # what has the focus when the window opens: its list

    def checked_draft(self):
        """The fields as a draft (the subclass's draft()), or None with each problem shown
        beside its field."""
        draft = self.draft()
        found = draft_problems(draft)
        if found:
            self.problems.show(found)
            return None
        return draft

    def delete_after_asking(
        self, title: str, question: str, delete_text: str, consequences, build: Callable
    ) -> None:
        """Ask first, saying what goes with the thing (the store's consequences) and that Undo
        brings it back; then make the deletion one undoable change."""
        details = "\n".join(
            [*consequence_lines(consequences), self.tr("Edit > Undo brings it back.")]
        )
        confirm_deletion(
            self, title, question, details, delete_text,
            lambda: push_change(self.session(), build, self.problems),
        )  # fmt: skip

    def session(self):
        """The window's edit session for the file open now (it changes with the file)."""
        session = self.window_.edit_session
        if session is not self._session:
            if self._session is not None:
                # The window deletes a file's session when another file opens, and with it
                # its connections: only a session still alive has one to undo.
                with suppress(RuntimeError):
                    self._session.applied.disconnect(self._applied)
            session.applied.connect(self._applied)
            self._session = session
            self._file = Path(session.db.path)
            self._follow_undo_stack(session.stack)
        return session

    def follow_session(self) -> None:
        """Follow the window's file, before reading it. Typing meant for a file the window no
        longer shows is not kept in the form, where Save would write it into this file (to
        whatever has the same id here): the user is asked to save it in its own file or to drop
        it. A copy just saved with Save a Copy is the same file: the typing stays."""
        session = self.window_.edit_session
        moved = session is not self._session and self._file is not None
        if moved and self.unsaved() and not _same_file(self._file, session):
            left = LeftBehind(self._file, self.form_key(), self.form_name(), self.draft())
            self.loaded = None  # nothing is typed for the file open now
            self.asking = ask_about_left_behind(self, left, self.change_for)
        self.session()

    def unsaved(self) -> bool:
        """Whether the form holds typing not saved to the file."""
        raise NotImplementedError

    def ask_about_unsaved(self, then: Callable[[], None]) -> None:
        """Ask whether to save the typing; then() once it is saved or dropped."""
        raise NotImplementedError

    def form_stale(self) -> bool:
        """Whether what the form's source or theme holds in the file is no longer what the form
        was loaded with, where the list does not show it (a source's text, say)."""
        return False

    def form_key(self) -> str | None:
        """The id of what the form edits (a source's id, a theme's slug); None: a new one."""
        raise NotImplementedError

    def form_name(self) -> str:
        """What a question calls the thing the form edits."""
        raise NotImplementedError

    def change_for(self, db, left: LeftBehind):
        """The change that saves typing left behind in its own file."""
        raise NotImplementedError

    def _follow_undo_stack(self, stack) -> None:
        """Undo and Redo of the open file's changes while this window has the focus, with the
        main window's shortcuts (a modeless window does not get the main window's)."""
        for action in self._undo_actions:
            if isValid(action):  # an undo stack's actions go with the stack (another file)
                self.removeAction(action)
                action.deleteLater()
        undo = stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self._undo_actions = [undo, redo]
        for action in self._undo_actions:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)

    def _applied(self, change) -> None:
        if self.concerns(change):
            self.reload()

    def concerns(self, change) -> bool:
        """Whether the change alters what this manager lists."""
        raise NotImplementedError

    def listed(self) -> list:
        """What the manager lists, read from the file as it is."""
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def follow_file(self) -> None:
        try:
            stale = (
                self.window_.edit_session is not self._session
                or self.listed() != self.shown
                or self.form_stale()
            )
        except StoreError:
            return  # the window tells of a file it cannot read
        if stale:
            self.reload()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate:
            self.follow_file()
        return super().event(event)

    def reject(self) -> None:
        """Close (Escape, Close, the window's close button); with typed changes, first ask
        whether to save them."""
        if self.unsaved():

            def closed() -> None:  # saved or discarded: the form shows the file again
                self._show_current(self.shown_row)
                QDialog.reject(self)

            self.ask_about_unsaved(closed)
            return
        super().reject()

    def _show_current(self, row: int) -> None:
        """Show the listed thing at row (-1: a new one) as the file holds it."""
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        # Opened again, the window starts on its list, not on the field last typed in, where
        # Space or Return would press a button the user did not see get the focus.
        if not event.spontaneous():
            self.listing.setFocus(Qt.FocusReason.OtherFocusReason)
        super().showEvent(event)

    def button(self, text: str, slot, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)  # Enter in a field does not press a button by surprise
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button


def _same_file(path: Path, session) -> bool:
    """Whether the session's file is the form's, or a copy of it just saved (Save a Copy)."""
    return any(
        other is not None and Path(other).resolve() == path.resolve()
        for other in (session.db.path, session.copied_from)
    )
