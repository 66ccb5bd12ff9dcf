"""Putting a timeline into a database: themes, sources, events, citations and the search index
(written here in bulk; triggers keep it in step with every other change, see triggers.py).

Written through sqlite3, not SQLAlchemy, whose statements cost more Python per row than the
rest of a large import's writing put together; events in batches (event_batches.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from timeline_app.store.bulk import bulk_writing
from timeline_app.store.change import next_id as new_id
from timeline_app.store.database import Database
from timeline_app.store.event_batches import EventBatch
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
    next_id = first_new_event_id(db)
    pending: list[Event] = []
    for event in events:
        pending.append(event)
        if len(pending) >= batch:
            store_batch(db, EventBatch.of(pending, next_id))
            next_id, pending = next_id + len(pending), []
    if pending:
        store_batch(db, EventBatch.of(pending, next_id))
    db.changed()


def first_new_event_id(db: Database) -> int:
    """The id the next event added gets: after every id handed out so far, not just those
    stored, since an undone edit may bring one back (change.next_id)."""
    with db.transaction(edit=False) as connection:
        return new_id(connection, "events")


def store_batch(db: Database, batch: EventBatch) -> None:
    """Store a batch of events in one transaction, the per-row triggers set aside."""
    with db.transaction(edit=False) as connection, bulk_writing(connection):
        batch.store(connection)


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
