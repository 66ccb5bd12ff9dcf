"""Every change a user can make to a timeline file, as a Change that applies and reverts.

A builder (add_event, edit_theme, delete_source, …) checks the change against the file as it is
and raises EditRefused, writing nothing, when it cannot be made. The Change it returns works
out its rows inside its first apply's transaction, then writes the same rows on every redo and
their earlier values on every undo: each in one transaction, with search and the saved index
kept in step by the file's triggers.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from timeline_app.store import row_changes
from timeline_app.store.database import Database
from timeline_app.store.edit_reading import (
    Consequences,
    archived_text,
    citations_of,
    deletion_consequences,
    event_draft,
    source_draft,
    theme_draft,
)
from timeline_app.store.errors import StoreError
from timeline_app.store.keys import new_key
from timeline_app.store.row_changes import RowChange, changes, read_one, read_rows
from timeline_app.timeline.drafts import (
    CitationDraft,
    EventDraft,
    SourceDraft,
    ThemeDraft,
    problems,
)
from timeline_app.timeline.quotes import document_sha256, verified_in

__all__ = [
    "Change", "Consequences", "EditRefused", "add_citation", "add_event", "add_source",
    "add_theme", "archived_text", "citations_of", "delete_citation", "delete_events",
    "delete_source", "delete_theme", "deletion_consequences", "edit_citation", "edit_event",
    "edit_source", "edit_theme", "event_draft", "move_theme", "source_draft", "theme_draft",
]  # fmt: skip

# What the store itself refuses, in one place (the drafts' own problems: timeline/drafts.py).
SAY = {
    "theme exists": "A theme called “{name}” exists already.",
    "no such theme": "There is no theme “{slug}”.",
    "no such source": "That source is not in this timeline.",
    "no events": "Choose the events to delete.",
    "no such event": "That event is not in this timeline (it may have been deleted).",
    "no such citation": "That quote is not in this timeline (it may have been deleted).",
    "citation": "Quote {n}: {problem}",
}

Plan = Callable[[sqlite3.Connection], list[RowChange]]


class EditRefused(StoreError):
    """The change cannot be made as asked; nothing was written. problems: {field: message}."""

    def __init__(self, found: dict[str, str]) -> None:
        super().__init__(" ".join(found.values()))
        self.problems = found


class Change:
    """One change the user made: apply and revert each write one transaction."""

    def __init__(
        self,
        description: str,
        plan: Plan,
        *,
        themes_changed: bool = False,
        sources_changed: bool = False,
    ) -> None:
        self.description = description
        self.themes_changed = themes_changed
        self.sources_changed = sources_changed
        self._plan = plan
        self._rows: list[RowChange] | None = None

    def apply(self, db: Database) -> None:
        with db.transaction() as connection:
            if self._rows is None:  # the first time: what to write, from the file as it is now
                self._rows = self._plan(connection)
            row_changes.write(connection, self._rows, forward=True)
        db.changed()

    def revert(self, db: Database) -> None:
        if self._rows is None:
            return  # never applied
        with db.transaction() as connection:
            row_changes.write(connection, self._rows, forward=False)
        db.changed()

    @property
    def affected_events(self) -> frozenset[int]:
        """Ids of the events whose row, themes or citations the change writes."""
        ids = set()
        for change in self._rows or ():
            for row in (change.before, change.after):
                if row is None:
                    continue
                if change.table == "events":
                    ids.add(row["id"])
                elif change.table in ("event_themes", "citations"):
                    ids.add(row["event_id"])
        return frozenset(ids)

    def _inserted(self, table: str, column: str):
        for change in self._rows or ():
            if change.table == table and change.before is None:
                return change.after[column]
        return None

    @property
    def event_id(self) -> int | None:
        """The event an add_event made (known after the first apply, kept on redo)."""
        return self._inserted("events", "id")

    @property
    def theme_slug(self) -> str | None:
        return self._inserted("themes", "slug")

    @property
    def source_id(self) -> str | None:
        return self._inserted("sources", "id")

    @property
    def citation_id(self) -> int | None:
        return self._inserted("citations", "id")


# Events ---------------------------------------------------------------------------------------


def add_event(db: Database, draft: EventDraft, citations: Sequence[CitationDraft] = ()) -> Change:
    _refuse(_event_problems(db, draft) | _citation_problems(db, citations))

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        event_id = _next_id(connection, "events")
        key = new_key(connection, "events", "key", draft.title, draft.start[:4])
        row = {"id": event_id, "key": key, **_event_columns(connection, draft)}
        rows = [RowChange("events", None, row)]
        rows += changes("event_themes", [], _theme_links(connection, event_id, draft))
        first = _next_id(connection, "citations")
        for position, cited in enumerate(citations):
            rows.append(
                RowChange("citations", None, _citation_row(connection, first + position,
                                                           event_id, position, cited))
            )  # fmt: skip
        return rows

    return Change(f"Add “{draft.title.strip()}”", plan)


def edit_event(db: Database, event_id: int, draft: EventDraft) -> Change:
    _event_title(db, event_id)
    _refuse(_event_problems(db, draft))

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        before = read_one(connection, "events", "id = ?", (event_id,))
        after = before | _event_columns(connection, draft)
        links = read_rows(connection, "event_themes", "event_id = ?", (event_id,))
        return changes("events", [before], [after]) + changes(
            "event_themes", links, _theme_links(connection, event_id, draft)
        )

    return Change(f"Edit “{draft.title.strip()}”", plan)


def delete_events(db: Database, event_ids: Sequence[int]) -> Change:
    ids = list(dict.fromkeys(event_ids))
    if not ids:
        raise EditRefused({"event": SAY["no events"]})
    titles = [_event_title(db, event_id) for event_id in ids]

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        rows = []
        for event_id in ids:  # children first: nothing is left for the file to cascade
            for table, column in (("citations", "event_id"), ("event_themes", "event_id"),
                                  ("events", "id")):  # fmt: skip
                rows += changes(table, read_rows(connection, table, f"{column} = ?", (event_id,)),
                                [])  # fmt: skip
        return rows

    description = f"Delete “{titles[0]}”" if len(ids) == 1 else f"Delete {len(ids)} events"
    return Change(description, plan)


def _event_problems(db: Database, draft: EventDraft) -> dict[str, str]:
    found = problems(draft)
    known = {slug for (slug,) in db.read("SELECT slug FROM themes")}
    unknown = [slug for slug in draft.theme_slugs if slug not in known]
    if unknown and "theme_slugs" not in found:
        found["theme_slugs"] = SAY["no such theme"].format(slug=unknown[0])
    return found


def _event_columns(connection: sqlite3.Connection, draft: EventDraft) -> dict[str, object]:
    span = draft.span()
    primary = None
    if draft.theme_slugs:
        primary = _theme_id(connection, draft.theme_slugs[0])
    return {
        "start": span.start.iso(),
        "end": span.end.iso() if span.end else None,
        "approximate": int(span.approximate),
        "start_day": span.first_day().toordinal(),
        "end_day": span.last_day().toordinal(),
        "sort_key": span.sort_key(),
        "primary_theme_id": primary,
        "title": draft.title.strip(),
        "summary": draft.summary.strip(),
        "importance": None if draft.importance is None else int(draft.importance),
        "date_basis": draft.date_basis,
    }


def _theme_links(connection: sqlite3.Connection, event_id: int, draft: EventDraft) -> list[dict]:
    return [
        {"event_id": event_id, "theme_id": _theme_id(connection, slug)}
        for slug in draft.theme_slugs
    ]


def _theme_id(connection: sqlite3.Connection, slug: str) -> int:
    row = connection.execute("SELECT id FROM themes WHERE slug = ?", (slug,)).fetchone()
    if row is None:  # deleted since the change was built
        raise EditRefused({"theme_slugs": SAY["no such theme"].format(slug=slug)})
    return row[0]


def _event_title(db: Database, event_id: int) -> str:
    rows = db.read("SELECT title FROM events WHERE id = ?", (event_id,))
    if not rows:
        raise EditRefused({"event": SAY["no such event"]})
    return rows[0][0]


# Themes ---------------------------------------------------------------------------------------


def add_theme(db: Database, draft: ThemeDraft) -> Change:
    _refuse(_theme_problems(db, draft, None))

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        position = connection.execute("SELECT coalesce(max(position), -1) + 1 FROM themes")
        row = {
            "id": _next_id(connection, "themes"),
            "slug": new_key(connection, "themes", "slug", draft.name),
            "name": draft.name.strip(),
            "colour": draft.colour.strip(),
            "position": position.fetchone()[0],
        }
        return [RowChange("themes", None, row)]

    return Change(f"Add theme “{draft.name.strip()}”", plan, themes_changed=True)


def edit_theme(db: Database, slug: str, draft: ThemeDraft) -> Change:
    _refuse(_theme_problems(db, draft, slug))

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        before = read_one(connection, "themes", "slug = ?", (slug,))
        after = before | {"name": draft.name.strip(), "colour": draft.colour.strip()}
        return changes("themes", [before], [after])

    return Change(f"Edit theme “{draft.name.strip()}”", plan, themes_changed=True)


def move_theme(db: Database, slug: str, new_position: int) -> Change:
    name = _theme_name(db, slug)

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        before = read_rows(connection, "themes", "1 ORDER BY position, id")
        order = [row for row in before if row["slug"] != slug]
        moving = read_one(connection, "themes", "slug = ?", (slug,))
        order.insert(max(0, min(new_position, len(order))), moving)
        after = [row | {"position": position} for position, row in enumerate(order)]
        return changes("themes", before, after)

    return Change(f"Move theme “{name}”", plan, themes_changed=True)


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

    return Change(f"Delete theme “{name}”", plan, themes_changed=True)


def _theme_problems(db: Database, draft: ThemeDraft, slug: str | None) -> dict[str, str]:
    found = problems(draft)
    if slug is not None:
        _theme_name(db, slug)
    name = draft.name.strip()
    taken = db.read(
        "SELECT name FROM themes WHERE lower(name) = lower(?) AND slug IS NOT ?", (name, slug)
    )
    if name and taken and "name" not in found:
        found["name"] = SAY["theme exists"].format(name=taken[0][0])
    return found


def _theme_name(db: Database, slug: str) -> str:
    rows = db.read("SELECT name FROM themes WHERE slug = ?", (slug,))
    if not rows:
        raise EditRefused({"slug": SAY["no such theme"].format(slug=slug)})
    return rows[0][0]


# Sources --------------------------------------------------------------------------------------


def add_source(db: Database, draft: SourceDraft) -> Change:
    _refuse(problems(draft))

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        source_id = new_key(connection, "sources", "id", draft.title, _year(draft.published))
        row = {"id": source_id, "archive": "", **_source_columns(draft)}
        rows = [RowChange("sources", None, row)]
        return rows + changes("source_texts", [], _text_rows(source_id, draft.archived_text))

    return Change(f"Add source “{draft.title.strip()}”", plan, sources_changed=True)


def edit_source(db: Database, source_id: str, draft: SourceDraft) -> Change:
    _source_title(db, source_id)
    _refuse(problems(draft))

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        before = read_one(connection, "sources", "id = ?", (source_id,))
        texts = read_rows(connection, "source_texts", "source_id = ?", (source_id,))
        new_texts = _text_rows(source_id, draft.archived_text)
        rows = changes("sources", [before], [before | _source_columns(draft)])
        rows += changes("source_texts", texts, new_texts)
        if texts != new_texts and new_texts:  # every quote of it checked against the new text
            cited = read_rows(connection, "citations", "source_id = ?", (source_id,))
            text = new_texts[0]["text"]
            checked = [row | {"verified_in": verified_in(row["quote"], text)} for row in cited]
            rows += changes("citations", cited, checked)
        return rows

    return Change(f"Edit source “{draft.title.strip()}”", plan, sources_changed=True)


def delete_source(db: Database, source_id: str) -> Change:
    title = _source_title(db, source_id)

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        rows = []
        for table, where in (
            ("citations", "source_id = ?"),
            ("source_relations", "source_id = ?1 OR depends_on_id = ?1"),
            ("source_texts", "source_id = ?"),
            ("sources", "id = ?"),
        ):
            rows += changes(table, read_rows(connection, table, where, (source_id,)), [])
        return rows

    return Change(f"Delete source “{title}”", plan, sources_changed=True)


def _source_columns(draft: SourceDraft) -> dict[str, object]:
    def optional(text: str | None) -> str | None:
        return text.strip() or None if text else None

    published = optional(draft.published)
    return {
        "title": draft.title.strip(),
        "publisher": optional(draft.publisher),
        "author": optional(draft.author),
        "published": published,
        "published_approximate": int(bool(published and draft.published_approximate)),
        "url": optional(draft.url),
        "note": optional(draft.note),
    }


def _text_rows(source_id: str, text: str | None) -> list[dict]:
    if not text or not text.strip():
        return []
    return [{"source_id": source_id, "text": text, "sha256": document_sha256(text)}]


def _year(published: str | None) -> str:
    return published.strip()[:4] if published else ""


def _source_title(db: Database, source_id: str) -> str:
    rows = db.read("SELECT title FROM sources WHERE id = ?", (source_id,))
    if not rows:
        raise EditRefused({"source_id": SAY["no such source"]})
    return rows[0][0]


# Citations ------------------------------------------------------------------------------------


def add_citation(db: Database, event_id: int, draft: CitationDraft) -> Change:
    title = _event_title(db, event_id)
    _refuse(_citation_problems(db, [draft], numbered=False))

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        position = connection.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM citations WHERE event_id = ?",
            (event_id,),
        ).fetchone()[0]
        citation_id = _next_id(connection, "citations")
        row = _citation_row(connection, citation_id, event_id, position, draft)
        return [RowChange("citations", None, row)]

    return Change(f"Add a quote to “{title}”", plan)


def edit_citation(db: Database, citation_id: int, draft: CitationDraft) -> Change:
    title = _citation_event_title(db, citation_id)
    _refuse(_citation_problems(db, [draft], numbered=False))

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        before = read_one(connection, "citations", "id = ?", (citation_id,))
        after = _citation_row(connection, citation_id, before["event_id"], before["position"],
                              draft)  # fmt: skip
        return changes("citations", [before], [after])

    return Change(f"Edit a quote of “{title}”", plan)


def delete_citation(db: Database, citation_id: int) -> Change:
    title = _citation_event_title(db, citation_id)

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        return changes("citations", read_rows(connection, "citations", "id = ?", (citation_id,)),
                       [])  # fmt: skip

    return Change(f"Delete a quote of “{title}”", plan)


def _citation_row(
    connection: sqlite3.Connection, citation_id: int, event_id: int, position: int,
    draft: CitationDraft,
) -> dict[str, object]:  # fmt: skip
    text = connection.execute(
        "SELECT text FROM source_texts WHERE source_id = ?", (draft.source_id,)
    ).fetchone()
    return {
        "id": citation_id,
        "event_id": event_id,
        "source_id": draft.source_id,
        "position": position,
        "quote": draft.quote,
        "verified_in": verified_in(draft.quote, text[0] if text else None),
    }


def _citation_problems(
    db: Database, drafts: Sequence[CitationDraft], *, numbered: bool = True
) -> dict[str, str]:
    known = {source_id for (source_id,) in db.read("SELECT id FROM sources")}
    found: dict[str, str] = {}
    for n, draft in enumerate(drafts, 1):
        here = problems(draft)
        if draft.source_id.strip() and draft.source_id not in known:
            here["source_id"] = SAY["no such source"]
        for field, problem in here.items():
            if numbered:
                found.setdefault("citations", SAY["citation"].format(n=n, problem=problem))
            else:
                found[field] = problem
    return found


def _citation_event_title(db: Database, citation_id: int) -> str:
    rows = db.read(
        "SELECT e.title FROM citations c JOIN events e ON e.id = c.event_id WHERE c.id = ?",
        (citation_id,),
    )
    if not rows:
        raise EditRefused({"citation": SAY["no such citation"]})
    return rows[0][0]


# Shared ---------------------------------------------------------------------------------------


def _refuse(found: dict[str, str]) -> None:
    if found:
        raise EditRefused(found)


def _next_id(connection: sqlite3.Connection, table: str) -> int:
    return connection.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]
