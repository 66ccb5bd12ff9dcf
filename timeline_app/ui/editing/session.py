"""The undo session of one open file: every change the user makes is applied through it, as one
command on an unlimited undo stack, and the window refreshes on what it announces."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from timeline_app.logs import log
from timeline_app.store.database import Database
from timeline_app.store.errors import DatabaseNotWritable, StoreError
from timeline_app.wording.editing import change_description, error_text


class ChangeCommand(QUndoCommand):
    """One change (or a group) on the stack. It is applied before it is pushed, so pushing it
    does not apply it again; a later undo or redo that the file refuses is told to the user and
    the stack's position is put back, since nothing was written."""

    def __init__(self, session: EditSession, change, parent: QUndoCommand | None = None) -> None:
        super().__init__(change_description(change), parent)
        self.session = session
        self.change = change
        self._skip_next = True  # the first redo() is QUndoStack.push's: already applied

    def redo(self) -> None:
        if self._skip_next:
            self._skip_next = False
            return
        self._run(self.session.apply_now, undo_instead=True)

    def undo(self) -> None:
        if self._skip_next:
            self._skip_next = False
            return
        self._run(self.session.revert_now, undo_instead=False)

    def _run(self, step: Callable, undo_instead: bool) -> None:
        try:
            step(self.change)
        except StoreError as error:
            log.warning("%s of %r refused: %s", step.__name__, self.change.description, error)
            self.session.tell(self.session.tr("The change was not made"), error_text(error))
            # The stack already moved past this command: move it back without touching the
            # file again (the step wrote nothing).
            self._skip_next = True
            stack = self.session.stack
            QTimer.singleShot(0, stack.undo if undo_instead else stack.redo)


class EditSession(QObject):
    """The changes made to one open file, undoable without limit."""

    applied = Signal(object)  # the Change (or Changes, several as one), after apply, undo or redo

    def __init__(
        self,
        db: Database,
        parent: QObject | None = None,
        *,
        tell: Callable[[str, str], None] | None = None,
        offer_copy: Callable[[], EditSession | None] | None = None,
    ) -> None:
        """tell(title, text) shows the user a message; offer_copy() is asked when the file
        cannot be written and returns the session of the writable copy it opened, or None."""
        super().__init__(parent)
        self.db = db
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(0)  # no limit
        self._tell = tell
        self._offer_copy = offer_copy
        # The file this one was saved from by Save a Copy, just before it was opened: the same
        # rows under the same ids, so typing not saved in an editor may follow it here.
        self.copied_from: Path | None = None
        # True while the views follow an undo (applied is emitted for both ways).
        self.undoing = False

    # -- what editors call ------------------------------------------------------------------

    def push(self, change) -> bool:
        """Apply the change as one undoable command; False (the user told why) when it was
        refused or the file cannot be written. On a read-only file, the copy offered (when
        accepted) takes the change instead."""
        if self.db.read_only:
            return self._push_to_copy(change, None)
        try:
            self.apply_now(change)
        except DatabaseNotWritable as error:
            return self._push_to_copy(change, error)
        except StoreError as error:
            log.info("change %r refused: %s", change.description, error)
            self.tell(self.tr("The change was not made"), error_text(error))
            return False
        self.stack.push(ChangeCommand(self, change))
        return True

    def push_group(self, description: str, changes: Sequence) -> bool:
        """Apply several changes as one command (one Undo takes them all back): all or none."""
        changes = tuple(changes)
        if len(changes) == 1:
            return self.push(changes[0])
        if not changes:
            return True
        # The store makes them one change: one transaction each way, all of them or none.
        from timeline_app.store.change import Changes

        return self.push(Changes(description, changes))

    def build_and_push(self, build: Callable[[], object]) -> bool:
        """Build a change (which may be refused: EditRefused, or another StoreError) and push it."""
        try:
            change = build()
        except StoreError as error:
            log.info("change refused while built: %s", error)
            self.tell(self.tr("The change was not made"), error_text(error))
            return False
        return self.push(change)

    # -- applying, for the commands ----------------------------------------------------------

    def apply_now(self, change) -> None:
        change.apply(self.db)
        self.applied.emit(change)

    def revert_now(self, change) -> None:
        change.revert(self.db)
        self.undoing = True
        try:
            self.applied.emit(change)
        finally:
            self.undoing = False

    # -- telling the user ---------------------------------------------------------------------

    def tell(self, title: str, text: str) -> None:
        if self._tell is not None:
            self._tell(title, text)
        else:
            log.warning("%s: %s", title, text)

    def _push_to_copy(self, change, error: StoreError | None) -> bool:
        if self._offer_copy is None:
            text = error_text(error) if error else self.tr("This timeline is read-only.")
            self.tell(self.tr("The change was not made"), text)
            return False
        copy = self._offer_copy()
        if copy is None or copy is self:
            return False
        # The copy is the same file byte for byte, so a change built on this one applies there.
        return copy.push(change)
