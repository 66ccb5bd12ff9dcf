"""Putting a timeline into a database: themes, sources, events, citations and the search index
(written here in bulk; triggers keep it in step with every other change, see triggers.py)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import delete, func, insert, select, table

from timeline_app.store.bulk import bulk_writing
from timeline_app.store.change import next_id as new_id
from timeline_app.store.database import Database
from timeline_app.store.event_rows import event_columns
from timeline_app.store.models import (
    CitationRow,
    EventRow,
    Setting,
    SourceRelation,
    SourceRow,
    ThemeRow,
    event_themes,
)
from timeline_app.store.search import INSERT_ROW, search_row
from timeline_app.timeline.document import ArchivedText, SourceDependence
from timeline_app.timeline.events import Event, Source, Theme
from timeline_app.timeline.quotes import document_sha256, verified_in


def write_timeline(
    db: Database,
    title: str,
    themes: Iterable[Theme],
    sources: Iterable[Source],
    events: Iterable[Event],
) -> None:
    """Replace whatever the database holds with this timeline, in one transaction."""
    with db.session() as session:
        for name in (
            "events_fts", "citations", "event_themes", "events", "source_relations",
            "source_texts", "sources", "themes",
        ):  # fmt: skip
            session.execute(delete(table(name)))
        session.merge(Setting(key="title", value=title))
    add_themes(db, themes)
    add_sources(db, sources)
    add_events(db, events)


def set_setting(db: Database, key: str, value: str) -> None:
    """Record one fact about the whole timeline ("title", "description")."""
    with db.session() as session:
        session.merge(Setting(key=key, value=value))


def add_themes(db: Database, themes: Iterable[Theme]) -> None:
    """Append themes after those already stored, in the order given."""
    with db.session() as session:
        first = session.scalar(select(func.coalesce(func.max(ThemeRow.position), -1))) + 1
        rows = [
            {"slug": t.slug, "name": t.name, "colour": t.colour, "position": first + i}
            for i, t in enumerate(themes)
        ]
        if rows:
            session.execute(insert(ThemeRow), rows)
    db.changed()


def add_sources(db: Database, sources: Iterable[Source]) -> None:
    """Append sources, with how each depends on sources stored before it or with it."""
    sources = list(sources)
    rows = [s.as_record() for s in sources]
    if rows:
        with db.session() as session:
            session.execute(insert(SourceRow), rows)
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
    rows = [
        {"source_id": r.source_id, "depends_on_id": r.depends_on_id, "kind": r.kind, "note": r.note}
        for r in relations
    ]
    if rows:
        with db.session() as session:
            session.execute(insert(SourceRelation), rows)


def add_events(db: Database, events: Iterable[Event], batch: int = 5000) -> None:
    """Append events (their themes and sources must already be stored), in batches."""
    with db.session() as session:
        theme_ids = dict(session.execute(select(ThemeRow.slug, ThemeRow.id)).all())
        # After every id handed out so far, not just those stored: an undone edit may bring
        # one back (change.next_id).
        next_id = new_id(session.connection().connection.driver_connection, "events")
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
    for offset, event in enumerate(events):
        event_id = next_id + offset
        primary = theme_ids[event.themes[0].slug] if event.themes else None
        event_rows.append({
            "id": event_id, "key": event.key,
            **event_columns(event.when, title=event.title, summary=event.summary,
                            importance=event.importance, date_basis=event.date_basis,
                            primary_theme_id=primary),
        })  # fmt: skip
        theme_links += [{"event_id": event_id, "theme_id": theme_ids[t.slug]} for t in event.themes]
        citation_rows += [
            {
                "event_id": event_id,
                "source_id": c.source.id,
                "position": i,
                "quote": c.quote,
                "verified_in": c.verified_in,
            }
            for i, c in enumerate(event.citations)
        ]
        quotes = (c.quote for c in event.citations)
        search_rows.append(search_row(event_id, event.title, event.summary, quotes))
    with db.session() as session:
        connection = session.connection()
        with bulk_writing(connection):
            # Core inserts of the tables, not ORM bulk inserts: a third less time per batch,
            # measured on 10,000 imported events (the rows are plain dicts either way).
            session.execute(insert(EventRow.__table__), event_rows)
            if theme_links:
                session.execute(insert(event_themes), theme_links)
            if citation_rows:
                session.execute(insert(CitationRow.__table__), citation_rows)
            connection.exec_driver_sql(INSERT_ROW, search_rows)
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
