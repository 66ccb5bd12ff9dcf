"""Whole events with their themes and citations, read through the SQLAlchemy models.

Kept apart from queries.py so that the window's first paint never waits for SQLAlchemy to
import: these are asked for only when an event is opened or exported.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from timeline_app.store.database import Database
from timeline_app.store.models import CitationRow, EventRow, SourceRow, ThemeRow
from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.events import Citation, Event, Source, Theme

_BATCH = 900  # ids per query, below SQLite's limit on bound parameters


def events(db: Database, ids: list[int]) -> list[Event]:
    """Whole events, with themes and citations, in the order given."""
    by_id: dict[int, Event] = {}
    with db.session() as session:
        for start in range(0, len(ids), _BATCH):
            rows = session.scalars(
                select(EventRow)
                .where(EventRow.id.in_(ids[start : start + _BATCH]))
                .options(
                    selectinload(EventRow.themes),
                    selectinload(EventRow.citations).selectinload(CitationRow.source),
                )
            )
            by_id.update((row.id, _event(row)) for row in rows)
    return [by_id[i] for i in ids if i in by_id]


def sources(db: Database) -> list[Source]:
    with db.session() as session:
        return [source(row) for row in session.scalars(select(SourceRow).order_by(SourceRow.id))]


def theme(row: ThemeRow) -> Theme:
    return Theme(row.slug, row.name, row.colour)


def source(row: SourceRow) -> Source:
    return Source(
        id=row.id,
        title=row.title,
        archive=row.archive,
        publisher=row.publisher,
        author=row.author,
        published=row.published,
        published_approximate=row.published_approximate,
        url=row.url,
        note=row.note,
    )


def _event(row: EventRow) -> Event:
    return Event(
        key=row.key,
        when=DateSpan.parse(row.start, row.end, row.approximate),
        title=row.title,
        summary=row.summary,
        themes=tuple(theme(t) for t in row.themes),
        citations=tuple(Citation(c.quote, source(c.source)) for c in row.citations),
        id=row.id,
    )
