"""What the on-screen canvas draws: only the events in view; where they are too many to draw one
by one, the index's counts per stretch of time with the weightiest events labelled over them."""

from __future__ import annotations

import math
from collections.abc import Callable

from timeline_app.render.scale import TimeScale
from timeline_app.render.scene import (
    BUCKET_PIXELS,
    MAX_MARKS,
    Bucket,
    Mark,
    Scene,
    buckets_from_counts,
    dense_scene,
    lay_out,
    make_mark,
)
from timeline_app.store import queries
from timeline_app.store.database import Database
from timeline_app.timeline.filter import TimelineFilter

LANDMARK_PIXELS = 40.0  # one landmark candidate per this many pixels of a dense view


def visible_scene(
    db: Database,
    wanted: TimelineFilter,
    scale: TimeScale,
    height: float,
    label_width: Callable[[str], float],
    *,
    top: float = 0.0,
    lane_height: float = 20.0,
    selected: int | None = None,
) -> Scene:
    """The scene for the scale's span; never reads events outside it. The selected event is
    labelled before any other, so the one the reader is looking at (one just added, say) is
    never left unnamed in a count."""
    first, last = math.floor(scale.first_day), math.ceil(scale.last_day)
    if queries.count_in_span(db, wanted, first, last) <= MAX_MARKS:
        rows = queries.marks_in_span(db, wanted, first, last, MAX_MARKS)
        marks = [_mark(row, wanted) for row in rows]
        return lay_out(
            marks, scale, height, label_width, top=top, lane_height=lane_height, first=selected
        )
    slots = max(int(scale.width / LANDMARK_PIXELS), 1)
    rows = queries.landmarks_in_span(db, wanted, first, last, slots)
    if selected is not None and all(row.id != selected for row in rows):
        rows += queries.mark_rows_of(db, wanted, [selected], first, last)
    return dense_scene(
        [_mark(row, wanted) for row in rows], visible_buckets(db, wanted, scale), scale, height,
        label_width, top=top, lane_height=lane_height, first=selected,
    )  # fmt: skip


def visible_buckets(db: Database, wanted: TimelineFilter, scale: TimeScale) -> list[Bucket]:
    """Counts per few-pixel stretch of the view and per theme, from the index."""
    first, last = math.floor(scale.first_day), math.ceil(scale.last_day)
    width = BUCKET_PIXELS * scale.days_per_pixel
    per_bucket: dict[int, dict[str, int]] = {}
    for index, slug, count in queries.bucket_counts(db, wanted, first, last, width):
        per_bucket.setdefault(index, {})[slug] = count
    return buckets_from_counts(per_bucket, first, width)


def stretch_totals(
    db: Database, wanted: TimelineFilter, scale: TimeScale
) -> list[tuple[float, float, int]]:
    """(first day, last day, events) per few-pixel stretch of the view, all themes together:
    the same stretches and totals as visible_buckets, without a dict per stretch."""
    first, last = math.floor(scale.first_day), math.ceil(scale.last_day)
    width = BUCKET_PIXELS * scale.days_per_pixel
    totals: dict[int, int] = {}
    for index, _slug, count in queries.bucket_counts(db, wanted, first, last, width):
        totals[index] = totals.get(index, 0) + count
    return [
        (first + i * width, first + (i + 1) * width, total) for i, total in sorted(totals.items())
    ]


def timeline_extent(db: Database, wanted: TimelineFilter) -> tuple[int, int] | None:
    """The first and last day of the filtered events, for "fit all"."""
    return queries.extent(db, wanted)


def _mark(row: queries.MarkRow, wanted: TimelineFilter) -> Mark:
    # An event is drawn in the colour of its first theme the filter shows.
    slugs = row.theme_slugs
    if wanted.themes:
        slugs = tuple(sorted(slugs, key=lambda slug: slug not in wanted.themes))
    return make_mark(
        row.id, row.start_day, row.end_day, row.start, row.end is not None, row.approximate,
        row.title, slugs, row.weight,
    )  # fmt: skip
