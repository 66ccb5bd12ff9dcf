"""Adding, editing and deleting events (with their themes and quotes)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from timeline_app.store.change import (
    SAY,
    Change,
    EditRefused,
    draft_phrases,
    event_title,
    next_id,
    refuse,
    say,
)
from timeline_app.store.database import Database
from timeline_app.store.edit_citations import citation_problems, citation_row
from timeline_app.store.event_rows import event_columns
from timeline_app.store.keys import new_key
from timeline_app.store.row_changes import RowChange, changes, read_one, read_rows
from timeline_app.timeline.drafts import CitationDraft, EventDraft
from timeline_app.timeline.phrases import QT_TRANSLATE_NOOP, Phrase


def add_event(db: Database, draft: EventDraft, citations: Sequence[CitationDraft] = ()) -> Change:
    refuse(_event_problems(db, draft) | citation_problems(db, citations))

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        event_id = next_id(connection, "events")
        key = new_key(connection, "events", "key", draft.title, draft.start[:4])
        row = {"id": event_id, "key": key, **_event_columns(connection, draft)}
        rows = [RowChange("events", None, row)]
        rows += changes("event_themes", [], _theme_links(connection, event_id, draft))
        first = next_id(connection, "citations")
        for position, cited in enumerate(citations):
            row = citation_row(connection, first + position, event_id, position, cited)
            rows.append(RowChange("citations", None, row))
        return rows

    return Change(
        say(QT_TRANSLATE_NOOP("editing", "Add “{title}”"), title=draft.title.strip()), plan
    )


def edit_event(db: Database, event_id: int, draft: EventDraft) -> Change:
    event_title(db, event_id)
    refuse(_event_problems(db, draft))

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        before = read_one(connection, "events", "id = ?", (event_id,))
        after = before | _event_columns(connection, draft)
        links = read_rows(connection, "event_themes", "event_id = ?", (event_id,))
        return changes("events", [before], [after]) + changes(
            "event_themes", links, _theme_links(connection, event_id, draft)
        )

    return Change(
        say(QT_TRANSLATE_NOOP("editing", "Edit “{title}”"), title=draft.title.strip()), plan
    )


def delete_events(db: Database, event_ids: Sequence[int]) -> Change:
    ids = list(dict.fromkeys(event_ids))
    if not ids:
        raise EditRefused({"event": say(SAY["no events"])})
    titles = [event_title(db, event_id) for event_id in ids]

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        rows = []
        for event_id in ids:  # children first: nothing is left for the file to cascade
            for table, column in (("citations", "event_id"), ("event_themes", "event_id"),
                                  ("events", "id")):  # fmt: skip
                rows += changes(table, read_rows(connection, table, f"{column} = ?", (event_id,)),
                                [])  # fmt: skip
        return rows

    if len(ids) == 1:
        description = say(QT_TRANSLATE_NOOP("editing", "Delete “{title}”"), title=titles[0])
    else:
        description = say(QT_TRANSLATE_NOOP("editing", "Delete {n} events"), n=f"{len(ids):,}")
    return Change(description, plan)


def _event_problems(db: Database, draft: EventDraft) -> dict[str, Phrase]:
    found = draft_phrases(draft)
    known = {slug for (slug,) in db.read("SELECT slug FROM themes")}
    unknown = [slug for slug in draft.theme_slugs if slug not in known]
    if unknown and "theme_slugs" not in found:
        found["theme_slugs"] = say(SAY["no such theme"], slug=unknown[0])
    return found


def _event_columns(connection: sqlite3.Connection, draft: EventDraft) -> dict[str, object]:
    primary = _theme_id(connection, draft.theme_slugs[0]) if draft.theme_slugs else None
    return event_columns(
        draft.span(), title=draft.title.strip(), summary=draft.summary.strip(),
        importance=draft.importance, date_basis=draft.date_basis, primary_theme_id=primary,
    )  # fmt: skip


def _theme_links(connection: sqlite3.Connection, event_id: int, draft: EventDraft) -> list[dict]:
    return [
        {"event_id": event_id, "theme_id": _theme_id(connection, slug)}
        for slug in draft.theme_slugs
    ]


def _theme_id(connection: sqlite3.Connection, slug: str) -> int:
    row = connection.execute("SELECT id FROM themes WHERE slug = ?", (slug,)).fetchone()
    if row is None:  # deleted since the change was built
        raise EditRefused({"theme_slugs": say(SAY["no such theme"], slug=slug)})
    return row[0]
