"""A stored timeline as a stream of records, for the exporters: read a batch of events at a time."""

from __future__ import annotations

from collections.abc import Iterator

from timeline_app.store import queries
from timeline_app.store.database import Database
from timeline_app.timeline.document import Record, TimelineInfo
from timeline_app.timeline.filter import TimelineFilter

_BATCH = 1000


def timeline_records(db: Database, wanted: TimelineFilter | None = None) -> Iterator[Record]:
    """The title, every theme and source, then the events that pass the filter, in time order."""
    yield TimelineInfo(queries.timeline_title(db), queries.setting(db, "description") or "")
    yield from queries.themes(db)
    yield from queries.sources(db)
    yield from queries.source_dependences(db)
    yield from queries.archived_texts(db)
    ids = queries.event_ids(db, wanted or TimelineFilter())
    for start in range(0, len(ids), _BATCH):
        yield from queries.events(db, ids[start : start + _BATCH])
