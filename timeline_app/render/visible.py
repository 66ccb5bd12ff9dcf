"""What the on-screen canvas draws: only the events in view, counted per stretch of time by
the database when there are too many to draw one by one."""

from __future__ import annotations

import math
from collections.abc import Callable

from timeline_app.render.scale import TimeScale
from timeline_app.render.scene import BUCKET_PIXELS, MAX_MARKS, Bucket, Mark, Scene, lay_out
from timeline_app.store import queries
from timeline_app.store.database import Database
from timeline_app.timeline.dates import precision_of
from timeline_app.timeline.filter import TimelineFilter


def visible_scene(
    db: Database,
    wanted: TimelineFilter,
    scale: TimeScale,
    height: float,
    label_width: Callable[[str], float],
    *,
    top: float = 0.0,
    lane_height: float = 20.0,
) -> Scene:
    """The scene for the scale's span; never reads events outside it."""
    first, last = math.floor(scale.first_day), math.ceil(scale.last_day)
    if queries.count_in_span(db, wanted, first, last) <= MAX_MARKS:
        marks = [_mark(row) for row in queries.marks_in_span(db, wanted, first, last, MAX_MARKS)]
        return lay_out(marks, scale, height, label_width, top=top, lane_height=lane_height)
    return Scene(buckets=visible_buckets(db, wanted, scale), top=top, lane_height=lane_height)


def visible_buckets(db: Database, wanted: TimelineFilter, scale: TimeScale) -> list[Bucket]:
    """Counts per few-pixel stretch of the view and per theme, from one grouped query."""
    first, last = math.floor(scale.first_day), math.ceil(scale.last_day)
    width = BUCKET_PIXELS * scale.days_per_pixel
    per_bucket: dict[int, dict[str, int]] = {}
    for index, slug, count in queries.bucket_counts(db, wanted, first, last, width):
        per_bucket.setdefault(index, {})[slug] = count
    return [
        Bucket(first + i * width, first + (i + 1) * width, sum(counts.values()), counts)
        for i, counts in sorted(per_bucket.items())
    ]


def timeline_extent(db: Database, wanted: TimelineFilter) -> tuple[int, int] | None:
    """The first and last day of the filtered events, for "fit all"."""
    return queries.extent(db, wanted)


def _mark(row: queries.MarkRow) -> Mark:
    return Mark(
        event_id=row.id,
        first_day=row.start_day,
        last_day=row.end_day,
        precision=precision_of(row.start),
        approximate=row.approximate,
        is_period=row.end is not None,
        title=row.title,
        theme_slugs=row.theme_slugs,
    )
