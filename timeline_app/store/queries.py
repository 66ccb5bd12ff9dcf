"""The questions the app asks of a timeline database, as functions over a Database.

Filtering and counting run over the in-memory TimelineIndex; rows for what is on screen come
from sqlite3 directly; whole events with their citations come from sqlite3 as well: the
SQLAlchemy models serve the schema, migrations and writes (see writing.py).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline_app.store.database import Database
from timeline_app.store.errors import UnknownTheme
from timeline_app.store.indexing import index_of
from timeline_app.store.search_ahead import found_ids_ahead
from timeline_app.store.timeline_index import RANK_SCALE, EventIds, Selection
from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.events import SOURCE_FIELDS, Citation, Dependence, Event, Source, Theme
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.timeline.importance import Importance
from timeline_app.timeline.quotes import citation_status

if TYPE_CHECKING:  # the whole-timeline records load with the commands that read them
    from timeline_app.timeline.document import ArchivedText, SourceDependence

_BATCH = 900  # ids per statement, below SQLite's limit on bound parameters


@dataclass(frozen=True)
class EventLine:
    """What one row of the event list shows: light enough to fetch by the page."""

    id: int
    when: DateSpan
    title: str
    theme_slugs: tuple[str, ...]


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
    weight: float  # stated importance level plus a derived fraction (see timeline.importance)


def _selection(db: Database, wanted: TimelineFilter) -> Selection:
    return index_of(db).select(wanted, lambda text: found_ids_ahead(db, text))


def timeline_title(db: Database) -> str:
    return setting(db, "title") or "Timeline"


def setting(db: Database, key: str) -> str | None:
    """One fact about the whole timeline ("title", "description"); None if it is not recorded."""
    rows = db.read("SELECT value FROM settings WHERE key = ?", (key,))
    return rows[0][0] if rows else None


def source_dependences(db: Database) -> list[SourceDependence]:
    """How sources depend on one another (a handful of rows for a whole timeline)."""
    from timeline_app.timeline.document import SourceDependence

    rows = db.read(
        "SELECT source_id, depends_on_id, kind, note FROM source_relations "
        "ORDER BY source_id, depends_on_id"
    )
    return [SourceDependence(*row) for row in rows]


def themes(db: Database) -> list[Theme]:
    rows = db.read("SELECT slug, name, colour FROM themes ORDER BY position, id")
    return [Theme(*row) for row in rows]


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
    return len(index_of(db))


def count_events(db: Database, wanted: TimelineFilter) -> int:
    return len(_selection(db, wanted).positions)


def event_ids(db: Database, wanted: TimelineFilter) -> EventIds:
    """Ids of the events that pass the filter, in chronological order (a sequence of ints that
    also tells the row of an id)."""
    return index_of(db).event_ids(_selection(db, wanted))


def theme_counts(db: Database, wanted: TimelineFilter) -> dict[str, int]:
    """For each theme, how many events it would show under the rest of the filter."""
    return index_of(db).theme_counts(wanted, lambda text: found_ids_ahead(db, text))


def kept_theme_counts(db: Database, wanted: TimelineFilter) -> dict[str, int] | None:
    """theme_counts when they are already known (no counting needed), else None."""
    return index_of(db).kept_theme_counts(wanted)


def extent(db: Database, wanted: TimelineFilter) -> tuple[int, int] | None:
    """The first and last day touched by the events that pass the filter."""
    selection = _selection(db, wanted)
    if not len(selection.positions):
        return None
    return int(selection.starts[0]), selection.last_day


def count_in_span(db: Database, wanted: TimelineFilter, first_day: int, last_day: int) -> int:
    return index_of(db).count_in_span(_selection(db, wanted), first_day, last_day)


def event_lines(db: Database, ids: list[int]) -> list[EventLine]:
    """The list's rows for these ids, in the order given."""
    by_id = {
        row[0]: EventLine(row[0], DateSpan.parse(row[1], row[2], bool(row[3])), row[4], slugs)
        for row, slugs in _rows_with_themes(db, 'id, start, "end", approximate, title', ids)
    }
    return [by_id[i] for i in ids if i in by_id]


def marks_in_span(
    db: Database, wanted: TimelineFilter, first_day: int, last_day: int, limit: int
) -> list[MarkRow]:
    """Up to `limit` events that pass the filter and touch the span, earliest first."""
    index = index_of(db)
    positions = index.in_span(_selection(db, wanted), first_day, last_day)[:limit]
    return _mark_rows(db, positions)


def landmarks_in_span(
    db: Database, wanted: TimelineFilter, first_day: int, last_day: int, slots: int
) -> list[MarkRow]:
    """The weightiest events in the span, a few per stretch of it, weightiest first."""
    index = index_of(db)
    return _mark_rows(db, index.landmarks(_selection(db, wanted), first_day, last_day, slots))


def mark_rows_of(
    db: Database, wanted: TimelineFilter, event_ids: list[int], first_day: int, last_day: int
) -> list[MarkRow]:
    """Those of these events that pass the filter and touch the span (the selected event, to
    label it in a view otherwise drawn as counts)."""
    index = index_of(db)
    selected = _selection(db, wanted).positions
    found = []
    for event_id in event_ids:
        position = index.position(event_id)
        if position is None or index.starts[position] > last_day:
            continue
        if index.ends[position] < first_day:
            continue
        at = bisect_left(selected, position)  # positions in a selection are ascending
        if at < len(selected) and selected[at] == position:
            found.append(position)
    return _mark_rows(db, found)


def _mark_rows(db: Database, positions: list[int]) -> list[MarkRow]:
    index = index_of(db)
    ids = index.ids_at(positions)
    known = index.mark_rows  # kept with the index: zooming and panning ask for them again
    missing = [i for i in ids if i not in known]
    columns = 'id, start_day, end_day, start, "end", approximate, title'
    ranks = index.ranks_at(positions)
    weights = {i: rank / RANK_SCALE for i, rank in zip(ids, ranks, strict=True)}
    read = {
        row[0]: MarkRow(*row[:5], bool(row[5]), row[6], slugs, weights[row[0]])
        for row, slugs in _rows_with_themes(db, columns, missing)
    }
    index.keep_mark_rows(read)
    return [known.get(i) or read[i] for i in ids if i in known or i in read]


def bucket_counts(
    db: Database, wanted: TimelineFilter, first_day: int, last_day: int, bucket_days: float
) -> list[tuple[int, str, int]]:
    """(bucket, primary theme slug, events) for events touching the span, each counted once.

    Bucket n covers first_day + n*bucket_days onwards; an event already running when the span
    starts counts in bucket 0.
    """
    buckets = index_of(db).buckets(
        _selection(db, wanted), first_day, last_day, max(bucket_days, 1e-9)
    )
    return [
        (bucket, slug, count)
        for bucket, counts in sorted(buckets.items())
        for slug, count in counts.items()
    ]


def events(db: Database, ids: list[int]) -> list[Event]:
    """Whole events, with themes and citations, in the order given."""
    theme_by_slug = {t.slug: t for t in themes(db)}
    dependences = _dependences(db)
    by_id: dict[int, Event] = {}
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        marks = ",".join("?" * len(batch))
        citations: dict[int, list[Citation]] = {}
        sources_by_id: dict[str, Source] = {}
        for citation_id, event_id, quote, checked, text_sha, *source in db.read(
            f"SELECT c.id, c.event_id, c.quote, c.verified_in, st.sha256, {_SOURCE_COLUMNS} "
            "FROM citations c JOIN sources s ON s.id = c.source_id "
            "LEFT JOIN source_texts st ON st.source_id = c.source_id "
            f"WHERE c.event_id IN ({marks}) ORDER BY c.event_id, c.position, c.id",
            batch,
        ):
            cited = sources_by_id.get(source[0])
            if cited is None:
                cited = sources_by_id[source[0]] = _source(source, dependences)
            status = citation_status(quote, checked, text_sha)
            citations.setdefault(event_id, []).append(
                Citation(quote, cited, citation_id, status, checked)
            )
        columns = 'id, key, start, "end", approximate, title, summary, importance, date_basis'
        for row, slugs in _rows_with_themes(db, columns, batch):
            event_id, key, begin, end, approximate, title, summary, importance, basis = row
            by_id[event_id] = Event(
                key=key,
                when=DateSpan.parse(begin, end, bool(approximate)),
                title=title,
                summary=summary,
                themes=tuple(theme_by_slug[slug] for slug in slugs),
                citations=tuple(citations.get(event_id, ())),
                id=event_id,
                importance=None if importance is None else Importance(importance),
                date_basis=basis,
            )
    return [by_id[i] for i in ids if i in by_id]


def filtered_events(db: Database, wanted: TimelineFilter) -> list[Event]:
    return events(db, event_ids(db, wanted))


def events_citing(db: Database, source_id: str) -> list[Event]:
    """Every event that quotes this source, in chronological order."""
    rows = db.read("SELECT DISTINCT event_id FROM citations WHERE source_id = ?", (source_id,))
    index = index_of(db)

    def position(event_id: int) -> int:
        found = index.position(event_id)
        return -1 if found is None else found

    ids = sorted((row[0] for row in rows), key=position)
    return events(db, ids)


def sources(db: Database) -> list[Source]:
    rows = db.read(f"SELECT {_SOURCE_COLUMNS} FROM sources s ORDER BY s.id")
    dependences = _dependences(db)
    return [_source(row, dependences) for row in rows]


_SOURCE_COLUMNS = ", ".join(f"s.{name}" for name in SOURCE_FIELDS)


def archived_texts(db: Database) -> list[ArchivedText]:
    """Every source's archived text stored in the file, by source id."""
    from timeline_app.timeline.document import ArchivedText

    rows = db.read("SELECT source_id, text FROM source_texts ORDER BY source_id")
    return [ArchivedText(source_id, text) for source_id, text in rows]


def _source(row: tuple | list, dependences: dict[str, tuple[Dependence, ...]]) -> Source:
    record = dict(zip(SOURCE_FIELDS, row, strict=True))
    return Source.from_record(record, dependences.get(record["id"], ()))


def _dependences(db: Database) -> dict[str, tuple[Dependence, ...]]:
    """Each source's dependence on others, keyed by the source that depends."""
    found: dict[str, list[Dependence]] = {}
    for relation in source_dependences(db):
        found.setdefault(relation.source_id, []).append(
            Dependence(relation.depends_on_id, relation.kind, relation.note)
        )
    return {source_id: tuple(found_here) for source_id, found_here in found.items()}


def _rows_with_themes(db: Database, columns: str, ids: list[int]):
    """Rows of the events table for these ids, each with its theme slugs in theme order."""
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        marks = ",".join("?" * len(batch))
        slugs: dict[int, list[str]] = {}
        for event_id, slug in db.read(
            "SELECT et.event_id, t.slug FROM event_themes et JOIN themes t ON t.id = et.theme_id "
            f"WHERE et.event_id IN ({marks}) ORDER BY t.position",
            batch,
        ):
            slugs.setdefault(event_id, []).append(slug)
        for row in db.read(f"SELECT {columns} FROM events WHERE id IN ({marks})", batch):
            yield row, tuple(slugs.get(row[0], ()))
