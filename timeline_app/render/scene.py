"""Laying out what the timeline shows: marks stacked into lanes so no two labels overlap,
or, where events are too dense to draw one by one, columns of counts per stretch of time."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from timeline_app.render.scale import TimeScale
from timeline_app.timeline.dates import Precision
from timeline_app.timeline.events import Event

MAX_MARKS = 600  # beyond this many events in view, draw counts: few more could be labelled
MARKER_SIZE = 9.0
LABEL_GAP = 4.0
LANE_GAP = 10.0  # horizontal room kept between neighbours in a lane
BUCKET_PIXELS = 6.0


@dataclass(frozen=True)
class Mark:
    """One event as the timeline draws it."""

    event_id: int
    first_day: int
    last_day: int  # inclusive
    precision: Precision
    approximate: bool
    is_period: bool
    title: str
    theme_slugs: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"c. {self.title}" if self.approximate else self.title

    @property
    def is_exact_day(self) -> bool:
        return not self.is_period and self.precision is Precision.DAY


@dataclass(frozen=True)
class PlacedMark:
    mark: Mark
    x0: float  # where the event's time starts
    x1: float  # where its time ends (equal to x0 for a single day)
    y: float  # the centre line of its lane
    label_width: float  # 0 when the label did not fit and is left out
    label_on_left: bool = False  # near the right edge the label goes before the mark

    @property
    def label_left(self) -> float:
        if self.label_on_left:
            return self.x0 - MARKER_SIZE / 2 - LABEL_GAP - self.label_width
        return max(self.x1, self.x0 + MARKER_SIZE / 2) + LABEL_GAP

    @property
    def left(self) -> float:
        return self.label_left if self.label_on_left and self.label_width else self.x0 - MARKER_SIZE

    @property
    def right(self) -> float:
        end = max(self.x1, self.x0 + MARKER_SIZE / 2)
        if self.label_width and not self.label_on_left:
            return end + LABEL_GAP + self.label_width
        return end


@dataclass(frozen=True)
class Bucket:
    """How many events fall in a stretch of time, by theme."""

    first_day: float
    last_day: float
    total: int
    theme_counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Scene:
    placed: list[PlacedMark] = field(default_factory=list)
    buckets: list[Bucket] = field(default_factory=list)
    hidden: list[Bucket] = field(default_factory=list)  # marks with no room left, as counts
    top: float = 0.0
    lane_height: float = 20.0

    @property
    def is_aggregated(self) -> bool:
        return bool(self.buckets)

    @property
    def is_empty(self) -> bool:
        return not (self.placed or self.buckets or self.hidden)

    def event_count(self) -> int:
        shown = len(self.placed) + sum(b.total for b in self.hidden)
        return shown + sum(b.total for b in self.buckets)


def marks_from_events(events: Iterable[Event]) -> list[Mark]:
    """The marks for whole events, as the PDF and small timelines use them."""
    return [
        Mark(
            event_id=event.id if event.id is not None else index,
            first_day=event.when.first_day().toordinal(),
            last_day=event.when.last_day().toordinal(),
            precision=event.when.start.precision,
            approximate=event.when.approximate,
            is_period=event.when.is_period,
            title=event.title,
            theme_slugs=tuple(t.slug for t in event.themes),
        )
        for index, event in enumerate(events)
    ]


def lay_out(
    marks: Sequence[Mark],
    scale: TimeScale,
    height: float,
    label_width: Callable[[str], float],
    *,
    top: float = 0.0,
    lane_height: float = 20.0,
) -> Scene:
    """Stack marks into lanes from the top, first come first placed, labels never overlapping.

    A mark whose label finds no room is placed without it; one that finds no room at all is
    counted in `hidden`, so the reader sees that more is there. Too many marks: counts instead.
    """
    if len(marks) > MAX_MARKS:
        return Scene(buckets=aggregate(marks, scale), top=top, lane_height=lane_height)
    lanes = max(int(height // lane_height), 1)
    lane_ends = [float("-inf")] * lanes
    placed: list[PlacedMark] = []
    hidden: list[Mark] = []
    view_right = scale.left + scale.width
    for mark in sorted(marks, key=lambda m: (m.first_day, m.last_day, m.event_id)):
        x0 = scale.x(mark.first_day)
        x1 = x0 if mark.is_exact_day else scale.x(mark.last_day + 1)
        width = label_width(mark.label)
        right = PlacedMark(mark, x0, x1, 0.0, width)
        left = PlacedMark(mark, x0, x1, 0.0, width, label_on_left=True)
        candidates = [c for c in (right, left) if c.left >= scale.left and c.right <= view_right]
        candidates.append(PlacedMark(mark, x0, x1, 0.0, 0.0))  # the mark alone, unlabelled
        for candidate in candidates:
            lane = _free_lane(lane_ends, candidate.left)
            if lane is not None:
                break
        if lane is None:
            hidden.append(mark)
            continue
        item = replace(candidate, y=top + (lane + 0.5) * lane_height)
        lane_ends[lane] = item.right + LANE_GAP
        placed.append(item)
    return Scene(placed, [], aggregate(hidden, scale), top, lane_height)


def _free_lane(lane_ends: list[float], start: float) -> int | None:
    for lane, lane_end in enumerate(lane_ends):
        if lane_end <= start:
            return lane
    return None


def aggregate(marks: Iterable[Mark], scale: TimeScale) -> list[Bucket]:
    """Count marks per few-pixel stretch of the axis, by theme (each event counted once)."""
    width = BUCKET_PIXELS * scale.days_per_pixel
    counts: dict[int, dict[str, int]] = {}
    totals: dict[int, int] = {}
    for mark in marks:
        index = int((max(mark.first_day, scale.first_day) - scale.first_day) // width)
        totals[index] = totals.get(index, 0) + 1
        per_theme = counts.setdefault(index, {})
        slug = mark.theme_slugs[0] if mark.theme_slugs else ""
        per_theme[slug] = per_theme.get(slug, 0) + 1
    return [
        Bucket(scale.first_day + i * width, scale.first_day + (i + 1) * width, totals[i], counts[i])
        for i in sorted(totals)
    ]


def event_at(scene: Scene, x: float, y: float) -> int | None:
    """The event drawn at (x, y), in the coordinates paint_timeline used; None for empty space."""
    half = scene.lane_height / 2
    for item in reversed(scene.placed):
        if abs(y - item.y) <= half and item.left <= x <= item.right:
            return item.mark.event_id
    return None
