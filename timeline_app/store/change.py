"""A change to a timeline file as the user asked for it: applied and reverted, each in one
transaction, as the rows it writes (see row_changes.py); and what every kind of change shares."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence

from timeline_app.store import row_changes
from timeline_app.store.database import Database
from timeline_app.store.errors import EditConflict, StoreError
from timeline_app.store.indexing import events_changed
from timeline_app.store.row_changes import RowChange
from timeline_app.timeline.drafts import Draft, problems
from timeline_app.timeline.phrases import QT_TRANSLATE_NOOP, Phrase, as_phrase, phrase

# The words of changes and refusals are kept as Phrases, marked for the catalogue here and in
# the edit_* modules, and said in the reader's language by wording.editing.
CONTEXT = "editing"

# What the store itself refuses, in one place (the drafts' own problems: timeline/drafts.py).
SAY = {
    "theme exists": QT_TRANSLATE_NOOP("editing", "A theme called “{name}” exists already."),
    "no such theme": QT_TRANSLATE_NOOP("editing", "There is no theme “{slug}”."),
    "no such source": QT_TRANSLATE_NOOP("editing", "That source is not in this timeline."),
    "theme gone": QT_TRANSLATE_NOOP(
        "editing", "That theme is not in this timeline (it may have been deleted)."
    ),
    "no events": QT_TRANSLATE_NOOP("editing", "Choose the events to delete."),
    "no such event": QT_TRANSLATE_NOOP(
        "editing", "That event is not in this timeline (it may have been deleted)."
    ),
    "no such citation": QT_TRANSLATE_NOOP(
        "editing", "That quote is not in this timeline (it may have been deleted)."
    ),
    "citation": QT_TRANSLATE_NOOP("editing", "Quote {n}: {problem}"),
}


# What a change says when the row it starts from has gone (another window or program deleted
# it), by table: {table: (the refusal's field, its SAY)}.
GONE = {
    "events": ("event", "no such event"),
    "sources": ("source_id", "no such source"),
    "themes": ("slug", "theme gone"),
    "citations": ("citation", "no such citation"),
}


def gone_refusal(table: str) -> dict[str, Phrase]:
    """The refusal of a change, or a draft asked for, whose row is not in the file."""
    field, key = GONE[table]
    return {field: say(SAY[key])}


def say(text: str, **values: object) -> Phrase:
    """One of this module's or the edit_* modules' marked sentences, with its values."""
    return phrase(CONTEXT, text, **values)


def draft_phrases(draft: Draft) -> dict[str, Phrase]:
    """problems(draft) as Phrases of the drafts' catalogue (their English is the catalogue's)."""
    return {field: phrase("drafts", problem) for field, problem in problems(draft).items()}


# The settings key of the highest id this app has handed out in a table ("last id events"): an
# undo takes a row away but not its id, so a redo or an undone delete never meets another row
# that was given the same id meanwhile.
LAST_ID = "last id "

Plan = Callable[[sqlite3.Connection], list[RowChange]]
# A rule the rows must keep that the file's own constraints cannot say (a theme's name in any
# letter case): given the rows just written and which way, what is wrong now, by field.
Check = Callable[[sqlite3.Connection, Sequence[RowChange], bool], Mapping[str, Phrase]]


class EditRefused(StoreError):
    """The change cannot be made as asked; nothing was written. problems: {field: message} in
    English; phrases: the same as Phrases, for wording.editing.refusal_problems to translate."""

    def __init__(self, found: Mapping[str, str | Phrase]) -> None:
        self.phrases = {field: as_phrase(problem) for field, problem in found.items()}
        self.problems = {field: str(problem) for field, problem in self.phrases.items()}
        super().__init__(" ".join(self.problems.values()))


class Change:
    """One change the user made: apply and revert each write one transaction."""

    def __init__(
        self,
        description: Phrase,
        plan: Plan,
        *,
        themes_changed: bool = False,
        sources_changed: bool = False,
        check: Check | None = None,
    ) -> None:
        self.phrase = description  # wording.editing.change_description translates it
        self.description = str(description)
        self.themes_changed = themes_changed
        self.sources_changed = sources_changed
        self._plan = plan
        self._check = check
        self._rows: list[RowChange] | None = None

    def apply(self, db: Database) -> None:
        with db.transaction() as connection:
            rows = self.write_forward(connection)
        self._rows = rows  # only once written: a failed first apply plans again next time
        events_changed(db, self.affected_events)

    def revert(self, db: Database) -> None:
        if self._rows is None:
            return  # never applied
        with db.transaction() as connection:
            self.write_backward(connection)
        events_changed(db, self.affected_events)

    def write_forward(self, connection: sqlite3.Connection) -> list[RowChange]:
        """Write the change inside a transaction the caller commits; the rows it wrote."""
        rows = self._rows
        first = rows is None
        if first:  # the first time: what to write, from the file as it is now
            rows = self._planned(connection)
            _keep_last_ids(connection, rows)
        row_changes.write(connection, rows, forward=True)
        self._keep_rules(connection, rows, forward=True, first=first)
        return rows

    def _planned(self, connection: sqlite3.Connection) -> list[RowChange]:
        """The plan; a row it starts from that has gone since the build is refused as the
        build would have refused it (not a step that "cannot be made again": none was made)."""
        try:
            return self._plan(connection)
        except EditConflict as conflict:
            if conflict.gone_from not in GONE:
                raise
            raise EditRefused(gone_refusal(conflict.gone_from)) from conflict

    def write_backward(self, connection: sqlite3.Connection) -> None:
        rows = self._rows or []
        row_changes.write(connection, rows, forward=False)
        self._keep_rules(connection, rows, forward=False, first=False)

    def _keep_rules(
        self, connection: sqlite3.Connection, rows: list[RowChange], *, forward: bool, first: bool
    ) -> None:
        """Checked again as written, in the transaction: what the change was built against may
        have changed since (another window, or an earlier part of the same Changes). The first
        apply is refused as a build would be; a redo or undo that would break a rule is a
        conflict, like one that finds its rows changed."""
        found = self._check(connection, rows, forward) if self._check else {}
        if found and first:
            raise EditRefused(found)
        if found:
            raise EditConflict(next(iter(found.values())))

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


class Changes:
    """Several changes made as one (an event and its quotes edited together): applied in one
    transaction and reverted in one, so a refusal or a crash leaves all of them or none."""

    def __init__(self, description: str, changes: Sequence[Change]) -> None:
        self.description = description
        self.changes = tuple(changes)

    def apply(self, db: Database) -> None:
        with db.transaction() as connection:
            # Each part plans from the file as the parts before it left it, in this transaction.
            written = [change.write_forward(connection) for change in self.changes]
        for change, rows in zip(self.changes, written, strict=True):
            change._rows = rows
        events_changed(db, self.affected_events)

    def revert(self, db: Database) -> None:
        if any(change._rows is None for change in self.changes):
            return  # never applied
        with db.transaction() as connection:
            for change in reversed(self.changes):
                change.write_backward(connection)
        events_changed(db, self.affected_events)

    @property
    def affected_events(self) -> frozenset[int]:
        return frozenset().union(*(change.affected_events for change in self.changes))

    @property
    def themes_changed(self) -> bool:
        return any(change.themes_changed for change in self.changes)

    @property
    def sources_changed(self) -> bool:
        return any(change.sources_changed for change in self.changes)


def event_title(db: Database, event_id: int) -> str:
    rows = db.read("SELECT title FROM events WHERE id = ?", (event_id,))
    if not rows:
        raise EditRefused(gone_refusal("events"))
    return rows[0][0]


def refuse(found: Mapping[str, str | Phrase]) -> None:
    if found:
        raise EditRefused(found)


def next_id(connection: sqlite3.Connection, table: str) -> int:
    """An id no row of the table has had since this app started handing them out."""
    return connection.execute(
        f"SELECT max(coalesce((SELECT max(id) FROM {table}), 0), "
        "coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = ?), 0)) + 1",
        (LAST_ID + table,),
    ).fetchone()[0]


def _keep_last_ids(connection: sqlite3.Connection, rows: list[RowChange]) -> None:
    for change in rows:
        if change.before is None and isinstance(change.after.get("id"), int):
            connection.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
                "SET value = max(CAST(value AS INTEGER), excluded.value)",
                (LAST_ID + change.table, change.after["id"]),
            )
