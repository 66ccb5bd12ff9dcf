"""Adding, editing, moving and deleting themes."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from timeline_app.store.change import (
    SAY,
    Change,
    EditRefused,
    draft_phrases,
    gone_refusal,
    next_id,
    refuse,
    say,
)
from timeline_app.store.database import Database
from timeline_app.store.keys import new_key
from timeline_app.store.row_changes import RowChange, changes, read_one, read_rows
from timeline_app.timeline.drafts import ThemeDraft
from timeline_app.timeline.phrases import QT_TRANSLATE_NOOP, Phrase
from timeline_app.timeline.theme_names import same_theme_name


def add_theme(db: Database, draft: ThemeDraft) -> Change:
    refuse(_theme_problems(db, draft, None))

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        position = connection.execute("SELECT coalesce(max(position), -1) + 1 FROM themes")
        row = {
            "id": next_id(connection, "themes"),
            "slug": new_key(connection, "themes", "slug", draft.name),
            "name": draft.name.strip(),
            "colour": draft.colour.strip(),
            "position": position.fetchone()[0],
        }
        return [RowChange("themes", None, row)]

    return Change(
        say(QT_TRANSLATE_NOOP("editing", "Add theme “{name}”"), name=draft.name.strip()),
        plan,
        themes_changed=True,
        check=_names_kept,
    )


def edit_theme(db: Database, slug: str, draft: ThemeDraft) -> Change:
    refuse(_theme_problems(db, draft, slug))

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        before = read_one(connection, "themes", "slug = ?", (slug,))
        after = before | {"name": draft.name.strip(), "colour": draft.colour.strip()}
        return changes("themes", [before], [after])

    return Change(
        say(QT_TRANSLATE_NOOP("editing", "Edit theme “{name}”"), name=draft.name.strip()),
        plan,
        themes_changed=True,
        check=_names_kept,
    )


def move_theme(db: Database, slug: str, new_position: int) -> Change:
    name = _theme_name(db, slug)

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        before = read_rows(connection, "themes", "1 ORDER BY position, id")
        order = [row for row in before if row["slug"] != slug]
        moving = read_one(connection, "themes", "slug = ?", (slug,))
        order.insert(max(0, min(new_position, len(order))), moving)
        after = [row | {"position": position} for position, row in enumerate(order)]
        return changes("themes", before, after)

    return Change(
        say(QT_TRANSLATE_NOOP("editing", "Move theme “{name}”"), name=name),
        plan,
        themes_changed=True,
        check=_names_kept,
    )


def delete_theme(db: Database, slug: str) -> Change:
    name = _theme_name(db, slug)

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        theme = read_one(connection, "themes", "slug = ?", (slug,))
        links = read_rows(connection, "event_themes", "theme_id = ?", (theme["id"],))
        # An event whose first theme this was takes its next theme, in theme order, as first.
        primaries = read_rows(connection, "events", "primary_theme_id = ?", (theme["id"],))
        moved = []
        for event in primaries:
            row = connection.execute(
                "SELECT t.id FROM event_themes et JOIN themes t ON t.id = et.theme_id "
                "WHERE et.event_id = ? AND t.id != ? ORDER BY t.position, t.id LIMIT 1",
                (event["id"], theme["id"]),
            ).fetchone()
            moved.append(event | {"primary_theme_id": row[0] if row else None})
        return (
            changes("events", primaries, moved)
            + changes("event_themes", links, [])
            + [RowChange("themes", theme, None)]
        )

    return Change(
        say(QT_TRANSLATE_NOOP("editing", "Delete theme “{name}”"), name=name),
        plan,
        themes_changed=True,
        check=_names_kept,
    )


def _theme_problems(db: Database, draft: ThemeDraft, slug: str | None) -> dict[str, Phrase]:
    found = draft_phrases(draft)
    current = _theme_name(db, slug) if slug is not None else None
    name = draft.name.strip()
    if not name or name == current:  # a recolour keeps the name it has, as _names_kept does
        return found
    others = db.read("SELECT name FROM themes WHERE slug IS NOT ?", (slug,))
    taken = _taken_by(name, (other for (other,) in others))
    if taken is not None and "name" not in found:
        found["name"] = say(SAY["theme exists"], name=taken)
    return found


def _names_kept(
    connection: sqlite3.Connection, rows: Sequence[RowChange], forward: bool
) -> dict[str, Phrase]:
    """The name rule for the themes just written, as the file is now: two changes built before
    either was applied (in two windows, or two parts of one Changes), or an undone deletion
    whose name was taken meanwhile, cannot make two themes of one name."""
    found: dict[str, Phrase] = {}
    for change in rows:
        old, new = (change.before, change.after) if forward else (change.after, change.before)
        if change.table != "themes" or new is None or (old and old["name"] == new["name"]):
            continue  # a move, or a theme that goes: no name is given
        others = connection.execute("SELECT name FROM themes WHERE id != ?", (new["id"],))
        taken = _taken_by(new["name"], (other for (other,) in others))
        if taken is not None:
            found.setdefault("name", say(SAY["theme exists"], name=taken))
    return found


def _taken_by(name: str, others) -> str | None:
    """The first of the other themes' names that is the same name as this one, if any.
    Compared here, not in SQL: SQLite's lower() knows only ASCII letters ("Ə" and "ə")."""
    return next((other for other in others if same_theme_name(other, name)), None)


def _theme_name(db: Database, slug: str) -> str:
    rows = db.read("SELECT name FROM themes WHERE slug = ?", (slug,))
    if not rows:
        raise EditRefused(gone_refusal("themes"))
    return rows[0][0]
