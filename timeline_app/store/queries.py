"""The questions the app asks of a timeline database, as functions over a Database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Integer, Select, func, select, text
from sqlalchemy.orm import selectinload

from timeline_app.store.database import Database
from timeline_app.store.errors import UnknownTheme
from timeline_app.store.models import (
    CitationRow,
    EventRow,
    Setting,
    SourceRow,
    ThemeRow,
    event_themes,
)
from timeline_app.store.search import fts_query
from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.events import Citation, Event, Source, Theme
from timeline_app.timeline.filter import TimelineFilter


@dataclass(frozen=True)
class EventLine:
    """What one row of the event list shows: light enough to fetch by the page."""

    id: int
    when: DateSpan
    title: str
    theme_slugs: tuple[str, ...]


def timeline_title(db: Database) -> str:
    with db.session() as session:
        title = session.get(Setting, "title")
    return title.value if title else "Timeline"


def themes(db: Database) -> list[Theme]:
    with db.session() as session:
        rows = session.scalars(select(ThemeRow).order_by(ThemeRow.position))
        return [_theme(row) for row in rows]


def resolve_themes(db: Database, names: list[str]) -> frozenset[str]:
    """Theme slugs for names or slugs the user typed, in any case; UnknownTheme otherwise."""
    known = themes(db)
    lookup = {t.slug.lower(): t.slug for t in known} | {t.name.lower(): t.slug for t in known}
    slugs = set()
    for name in names:
        slug = lookup.get(name.strip().lower())
        if slug is None:
            raise UnknownTheme(name, [t.name for t in known])
        slugs.add(slug)
    return frozenset(slugs)


def total_events(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(EventRow)) or 0


def count_events(db: Database, wanted: TimelineFilter) -> int:
    with db.session() as session:
        query = _filtered(select(func.count(EventRow.id)), wanted)
        return session.scalar(query) or 0


def event_ids(db: Database, wanted: TimelineFilter) -> list[int]:
    """Ids of the events that pass the filter, in chronological order."""
    with db.session() as session:
        query = _filtered(select(EventRow.id), wanted).order_by(EventRow.sort_key, EventRow.id)
        return list(session.scalars(query))


def theme_counts(db: Database, wanted: TimelineFilter) -> dict[str, int]:
    """For each theme, how many events it would show under the rest of the filter."""
    without_themes = wanted.with_themes(frozenset())
    with db.session() as session:
        query = (
            _filtered(select(ThemeRow.slug, func.count(event_themes.c.event_id)), without_themes)
            .select_from(ThemeRow)
            .join(event_themes, event_themes.c.theme_id == ThemeRow.id)
            .join(EventRow, EventRow.id == event_themes.c.event_id)
            .group_by(ThemeRow.slug)
        )
        counts = dict(session.execute(query).all())
    return {theme.slug: counts.get(theme.slug, 0) for theme in themes(db)}


def event_lines(db: Database, ids: list[int]) -> list[EventLine]:
    """The list's rows for these ids, in the order given."""
    if not ids:
        return []
    with db.session() as session:
        rows = session.execute(
            select(
                EventRow.id, EventRow.start, EventRow.end, EventRow.approximate, EventRow.title
            ).where(EventRow.id.in_(ids))
        ).all()
        slugs = _theme_slugs(session, ids)
    by_id = {
        row.id: EventLine(
            row.id,
            DateSpan.parse(row.start, row.end, row.approximate),
            row.title,
            tuple(slugs.get(row.id, ())),
        )
        for row in rows
    }
    return [by_id[i] for i in ids if i in by_id]


def events(db: Database, ids: list[int]) -> list[Event]:
    """Whole events, with themes and citations, in the order given."""
    if not ids:
        return []
    with db.session() as session:
        rows = session.scalars(
            select(EventRow)
            .where(EventRow.id.in_(ids))
            .options(
                selectinload(EventRow.themes),
                selectinload(EventRow.citations).selectinload(CitationRow.source),
            )
        )
        by_id = {row.id: _event(row) for row in rows}
    return [by_id[i] for i in ids if i in by_id]


def filtered_events(db: Database, wanted: TimelineFilter) -> list[Event]:
    return events(db, event_ids(db, wanted))


def events_citing(db: Database, source_id: str) -> list[Event]:
    """Every event that quotes this source, in chronological order."""
    with db.session() as session:
        ids = list(
            session.scalars(
                select(EventRow.id)
                .join(CitationRow, CitationRow.event_id == EventRow.id)
                .where(CitationRow.source_id == source_id)
                .distinct()
                .order_by(EventRow.sort_key, EventRow.id)
            )
        )
    return events(db, ids)


def sources(db: Database) -> list[Source]:
    with db.session() as session:
        return [_source(row) for row in session.scalars(select(SourceRow).order_by(SourceRow.id))]


def _filtered(query: Select, wanted: TimelineFilter) -> Select:
    if wanted.themes:
        query = query.where(
            EventRow.id.in_(
                select(event_themes.c.event_id)
                .join(ThemeRow, ThemeRow.id == event_themes.c.theme_id)
                .where(ThemeRow.slug.in_(sorted(wanted.themes)))
            )
        )
    if wanted.first_year is not None:
        query = query.where(EventRow.end_day >= dt.date(wanted.first_year, 1, 1).toordinal())
    if wanted.last_year is not None:
        query = query.where(EventRow.start_day <= dt.date(wanted.last_year, 12, 31).toordinal())
    match = fts_query(wanted.search)
    if match is not None:
        query = query.where(
            EventRow.id.in_(
                select(text("rowid"))
                .select_from(text("events_fts"))
                .where(text("events_fts MATCH :match").bindparams(match=match))
            )
        )
    return query


def _theme(row: ThemeRow) -> Theme:
    return Theme(row.slug, row.name, row.colour)


def _source(row: SourceRow) -> Source:
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
        themes=tuple(_theme(t) for t in row.themes),
        citations=tuple(Citation(c.quote, _source(c.source)) for c in row.citations),
        id=row.id,
    )


@dataclass(frozen=True)
class MarkRow:
    """What the canvas needs of one event in view."""

    id: int
    start_day: int
    end_day: int
    start: str
    end: str | None
    approximate: bool
    title: str
    theme_slugs: tuple[str, ...]


def extent(db: Database, wanted: TimelineFilter) -> tuple[int, int] | None:
    """The first and last day touched by the events that pass the filter."""
    with db.session() as session:
        first, last = session.execute(
            _filtered(select(func.min(EventRow.start_day), func.max(EventRow.end_day)), wanted)
        ).one()
    return None if first is None else (first, last)


def count_in_span(db: Database, wanted: TimelineFilter, first_day: int, last_day: int) -> int:
    with db.session() as session:
        return session.scalar(
            _in_span(select(func.count(EventRow.id)), wanted, first_day, last_day)
        )


def marks_in_span(
    db: Database, wanted: TimelineFilter, first_day: int, last_day: int, limit: int
) -> list[MarkRow]:
    """Up to `limit` events that pass the filter and touch the span, earliest first."""
    with db.session() as session:
        rows = session.execute(
            _in_span(
                select(
                    EventRow.id,
                    EventRow.start_day,
                    EventRow.end_day,
                    EventRow.start,
                    EventRow.end,
                    EventRow.approximate,
                    EventRow.title,
                ),
                wanted,
                first_day,
                last_day,
            )
            .order_by(EventRow.start_day, EventRow.id)
            .limit(limit)
        ).all()
        slugs = _theme_slugs(session, [row.id for row in rows])
    return [MarkRow(*row, tuple(slugs.get(row.id, ()))) for row in rows]


def bucket_counts(
    db: Database, wanted: TimelineFilter, first_day: int, last_day: int, bucket_days: float
) -> list[tuple[int, str, int]]:
    """(bucket, primary theme slug, events) for events touching the span, each counted once.

    Bucket n covers first_day + n*bucket_days onwards; an event already running when the span
    starts counts in bucket 0.
    """
    width = max(bucket_days, 1e-9)
    bucket = func.cast(
        (func.max(EventRow.start_day, first_day) - first_day) / width, Integer
    ).label("bucket")
    with db.session() as session:
        rows = session.execute(
            _in_span(select(bucket, ThemeRow.slug, func.count()), wanted, first_day, last_day)
            .outerjoin(ThemeRow, ThemeRow.id == EventRow.primary_theme_id)
            .group_by(bucket, ThemeRow.slug)
        ).all()
    return [(int(b), slug or "", count) for b, slug, count in rows]


def _in_span(query: Select, wanted: TimelineFilter, first_day: int, last_day: int) -> Select:
    return _filtered(query, wanted).where(
        EventRow.start_day <= last_day, EventRow.end_day >= first_day
    )


def _theme_slugs(session, ids: list[int]) -> dict[int, list[str]]:
    slugs: dict[int, list[str]] = {}
    if not ids:
        return slugs
    rows = session.execute(
        select(event_themes.c.event_id, ThemeRow.slug)
        .join(ThemeRow, ThemeRow.id == event_themes.c.theme_id)
        .where(event_themes.c.event_id.in_(ids))
        .order_by(ThemeRow.position)
    )
    for event_id, slug in rows:
        slugs.setdefault(event_id, []).append(slug)
    return slugs
