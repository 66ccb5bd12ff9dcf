"""Putting a timeline into a database: themes, sources, events, citations and the search index
(written here in bulk; triggers keep it in step with every other change, see triggers.py).

Written through sqlite3 with one prepared statement per table and plain tuples: SQLAlchemy's
statements cost more Python per row than the rest of a large import's writing put together.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from timeline_app.store.bulk import bulk_writing
from timeline_app.store.change import next_id as new_id
from timeline_app.store.database import Database
from timeline_app.store.event_rows import event_columns
from timeline_app.store.search import INSERT_ROW, search_row
from timeline_app.timeline.document import ArchivedText, SourceDependence
from timeline_app.timeline.events import SOURCE_FIELDS, Event, Source, Theme
from timeline_app.timeline.quotes import document_sha256, verified_in


def _insert(table: str, columns: Iterable[str]) -> str:
    columns = list(columns)
    names = ", ".join(f'"{name}"' for name in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"


_INSERT_THEME = _insert("themes", ("slug", "name", "colour", "position"))
_INSERT_SOURCE = _insert("sources", SOURCE_FIELDS)
_INSERT_RELATION = _insert("source_relations", ("source_id", "depends_on_id", "kind", "note"))
_INSERT_EVENT_THEME = _insert("event_themes", ("event_id", "theme_id"))
_INSERT_CITATION = _insert(
    "citations", ("event_id", "source_id", "position", "quote", "verified_in")
)
_SET = (
    "INSERT INTO settings (key, value) VALUES (?, ?) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)


def write_timeline(
    db: Database,
    title: str,
    themes: Iterable[Theme],
    sources: Iterable[Source],
    events: Iterable[Event],
) -> None:
    """Replace whatever the database holds with this timeline."""
    with db.transaction(edit=False) as connection:
        for name in (
            "events_fts", "citations", "event_themes", "events", "source_relations",
            "source_texts", "sources", "themes",
        ):  # fmt: skip
            connection.execute(f"DELETE FROM {name}")
        connection.execute(_SET, ("title", title))
    db.changed()
    add_themes(db, themes)
    add_sources(db, sources)
    add_events(db, events)


def set_setting(db: Database, key: str, value: str) -> None:
    """Record one fact about the whole timeline ("title", "description")."""
    with db.transaction(edit=False) as connection:
        connection.execute(_SET, (key, value))


def add_themes(db: Database, themes: Iterable[Theme]) -> None:
    """Append themes after those already stored, in the order given."""
    with db.transaction(edit=False) as connection:
        last = connection.execute("SELECT coalesce(max(position), -1) FROM themes").fetchone()[0]
        connection.executemany(
            _INSERT_THEME,
            ((t.slug, t.name, t.colour, last + 1 + i) for i, t in enumerate(themes)),
        )
    db.changed()


def add_sources(db: Database, sources: Iterable[Source]) -> None:
    """Append sources, with how each depends on sources stored before it or with it."""
    sources = list(sources)
    if sources:
        with db.transaction(edit=False) as connection:
            connection.executemany(_INSERT_SOURCE, (tuple(s.as_record().values()) for s in sources))
    add_source_relations(
        db,
        (
            SourceDependence(s.id, d.source_id, d.kind, d.note)
            for s in sources
            for d in s.depends_on
        ),
    )


def add_archived_texts(db: Database, texts: Iterable[ArchivedText]) -> None:
    """Store the archived texts of sources already stored (replacing any they had)."""
    rows = [(t.source_id, t.text, document_sha256(t.text)) for t in texts]
    if rows:
        with db.transaction() as connection:
            connection.executemany(
                "INSERT OR REPLACE INTO source_texts (source_id, text, sha256) VALUES (?, ?, ?)",
                rows,
            )
        db.changed()


def add_source_relations(db: Database, relations: Iterable[SourceDependence]) -> None:
    """How sources already stored depend on one another."""
    rows = [(r.source_id, r.depends_on_id, r.kind, r.note) for r in relations]
    if rows:
        with db.transaction(edit=False) as connection:
            connection.executemany(_INSERT_RELATION, rows)


def add_events(db: Database, events: Iterable[Event], batch: int = 5000) -> None:
    """Append events (their themes and sources must already be stored), in batches, each in a
    transaction of its own."""
    theme_ids = dict(db.read("SELECT slug, id FROM themes"))
    with db.transaction(edit=False) as connection:
        # After every id handed out so far, not just those stored: an undone edit may bring
        # one back (change.next_id).
        next_id = new_id(connection, "events")
    pending: list[Event] = []
    for event in events:
        pending.append(event)
        if len(pending) >= batch:
            next_id = _write_batch(db, pending, theme_ids, next_id)
            pending = []
    if pending:
        _write_batch(db, pending, theme_ids, next_id)
    db.changed()


def _write_batch(db: Database, events: list[Event], theme_ids: dict[str, int], next_id: int) -> int:
    event_rows, theme_links, citation_rows, search_rows = [], [], [], []
    for event_id, event in enumerate(events, next_id):
        primary = theme_ids[event.themes[0].slug] if event.themes else None
        columns = event_columns(
            event.when, title=event.title, summary=event.summary, importance=event.importance,
            date_basis=event.date_basis, primary_theme_id=primary,
        )  # fmt: skip
        event_rows.append((event_id, event.key, *columns.values()))
        theme_links += [(event_id, theme_ids[t.slug]) for t in event.themes]
        citation_rows += [
            (event_id, c.source.id, i, c.quote, c.verified_in)
            for i, c in enumerate(event.citations)
        ]
        quotes = (c.quote for c in event.citations)
        search_rows.append(search_row(event_id, event.title, event.summary, quotes))
    if event_rows:
        insert_event = _insert("events", ("id", "key", *columns))
        with db.transaction(edit=False) as connection, bulk_writing(connection):
            connection.executemany(insert_event, event_rows)
            connection.executemany(_INSERT_EVENT_THEME, theme_links)
            connection.executemany(_INSERT_CITATION, citation_rows)
            connection.executemany(INSERT_ROW, search_rows)
    return next_id + len(events)


def record_quote_checks(db: Database, documents: Mapping[str, str]) -> int:
    """Check every quote of these sources ({source id: archived document}) and record the
    document's sha256 on each quote found in it, without storing the document; returns how many
    were found. For documents that are not the user's to put in the file (the bundled data's)."""
    found = 0
    with db.transaction() as connection:
        for source_id, document in documents.items():
            cited = connection.execute(
                "SELECT id, quote FROM citations WHERE source_id = ?", (source_id,)
            ).fetchall()
            checked = [(verified_in(quote, document), citation_id) for citation_id, quote in cited]
            connection.executemany("UPDATE citations SET verified_in = ? WHERE id = ?", checked)
            found += sum(1 for sha, _ in checked if sha)
    db.changed()
    return found
