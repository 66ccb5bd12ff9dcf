"""Every change a user can make to a timeline file, as a Change that applies and reverts.

A builder (add_event, edit_theme, delete_source, …) checks the change against the file as it is
and raises EditRefused, writing nothing, when it cannot be made. The Change it returns works
out its rows inside its first apply's transaction, then writes the same rows on every redo and
their earlier values on every undo: each in one transaction, with search and the saved index
kept in step by the file's triggers. What the file's own constraints cannot hold (a theme's name
in any letter case, a quote's source) is checked again inside that transaction, since the file
may have changed since the build: refused on the first apply, a conflict on an undo or redo.
This module gathers them for the window; each kind of thing has its own module (edit_events,
edit_themes, edit_sources, edit_citations).
"""

from __future__ import annotations

from timeline_app.store.change import Change, Changes, EditRefused
from timeline_app.store.edit_citations import add_citation, delete_citation, edit_citation
from timeline_app.store.edit_events import add_event, delete_events, edit_event
from timeline_app.store.edit_reading import (
    Consequences,
    NotStored,
    archived_text,
    as_stored,
    citations_of,
    deletion_consequences,
    event_draft,
    source_draft,
    theme_draft,
)
from timeline_app.store.edit_sources import add_source, delete_source, edit_source
from timeline_app.store.edit_themes import add_theme, delete_theme, edit_theme, move_theme

__all__ = [
    "Change", "Changes", "Consequences", "EditRefused", "NotStored", "add_citation", "add_event",
    "add_source", "add_theme", "archived_text", "as_stored", "citations_of", "delete_citation",
    "delete_events", "delete_source", "delete_theme", "deletion_consequences", "edit_citation",
    "edit_event", "edit_source", "edit_theme", "event_draft", "move_theme", "source_draft",
    "theme_draft",
]  # fmt: skip
