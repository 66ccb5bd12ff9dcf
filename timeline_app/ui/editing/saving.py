"""Saving what the event editor holds: the changes the store builds from its drafts, pushed as
one undoable command, or the problems the store found, keyed to the editor's fields."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from timeline_app.logs import log
from timeline_app.store.errors import StoreError
from timeline_app.timeline.drafts import EventDraft
from timeline_app.ui.editing.event_editor import citation_key
from timeline_app.wording.editing import refusal_problems

if TYPE_CHECKING:
    from timeline_app.ui.editing.event_editor import EventEditor
    from timeline_app.ui.main_window import MainWindow

NOT_SAVED = "not saved"  # the problem key of a change the file refused (the user was told why)


def tr(text: str) -> str:
    return QCoreApplication.translate("EventSaver", text)


class EventSaver:
    """Saves one editor's event (a new one when event_id is None) through the window's session."""

    def __init__(self, window: MainWindow, event_id: int | None) -> None:
        self.window = window
        self.event_id = event_id
        self._texts: dict[str, str | None] = {}

    def archived_text(self, source_id: str) -> str | None:
        """The source's archived document, read once per editor."""
        if source_id not in self._texts:
            from timeline_app.store import editing

            try:
                self._texts[source_id] = editing.archived_text(self.window.db, source_id)
            except StoreError as error:
                log.warning("could not read the archived text of %s: %s", source_id, error)
                self._texts[source_id] = None
        return self._texts[source_id]

    def submit(self, draft: EventDraft, editor: EventEditor) -> dict[str, str]:
        """Save; {} when saved, else {field: problem}."""
        from timeline_app.store import editing

        rows = editor.citations.rows
        db = self.window.db
        try:
            if self.event_id is None:
                change = editing.add_event(db, draft, [row.draft() for row in rows])
                changes = [change]
                description = change.description
            else:
                changes, description = self._edits(draft, editor)
        except editing.EditRefused as refused:
            return self._keyed(refusal_problems(refused), rows)
        if not changes:
            return {}  # nothing changed: nothing to undo either
        session = self.window.edit_session
        if not session.push_group(description, changes):
            return {NOT_SAVED: tr("Nothing was saved.")}
        if self.event_id is None:
            self.event_id = changes[0].event_id
        # The window's refresh after the change selects it when it is shown; only one the
        # filter hides is still to select (selecting again would build the details twice).
        if self.window.selected_id != self.event_id:
            self.window.select_event(self.event_id)
        return {}

    def _edits(self, draft: EventDraft, editor: EventEditor) -> tuple[list, str]:
        """The event's own change and each citation's, built before any is applied."""
        from timeline_app.store import editing

        db, event_id = self.window.db, self.event_id
        changes = []
        if draft != editor.original:
            changes.append(editing.edit_event(db, event_id, draft))
        for number, row in enumerate(editor.citations.rows):
            try:
                if row.citation_id is None:
                    changes.append(editing.add_citation(db, event_id, row.draft()))
                elif row.is_changed():
                    changes.append(editing.edit_citation(db, row.citation_id, row.draft()))
            except editing.EditRefused as refused:
                keyed = {
                    citation_key(number, key): text
                    for key, text in refusal_problems(refused).items()
                }
                raise editing.EditRefused(keyed) from refused
        for citation_id in editor.citations.removed:
            changes.append(editing.delete_citation(db, citation_id))
        if len(changes) == 1 or (changes and draft != editor.original):
            return changes, changes[0].description
        title = draft.title or editor.original.title
        return changes, tr("Edit the citations of “{title}”").format(title=title)

    @staticmethod
    def _keyed(problems: dict[str, str], rows) -> dict[str, str]:
        """The store's problems keyed to the editor's fields: a citation's to its row."""
        keyed = {}
        for key, text in problems.items():
            if key in ("source_id", "quote") and len(rows) == 1:
                key = citation_key(0, key)
            keyed[key] = text
        return keyed
