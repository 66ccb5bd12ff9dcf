"""Laying out what the timeline shows: which events get a label, and where.

Labels go to the most important events first, and among equals they spread over the whole span
rather than filling it from the left. Each lane keeps the stretches its labels and marks already
take, so a label may sit left or right of its mark wherever that stretch is free. A mark that
gets no label is still drawn, and each stretch of such marks shows a count that zooms to them.
Where events are too many to draw one by one, columns of counts show the density and the labels
of the most important events are drawn over them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from timeline_app.render.scale import TimeScale
from timeline_app.store.timeline_index import count_per_stretch
from timeline_app.timeline.dates import Precision, precision_of
from timeline_app.timeline.events import Event
from timeline_app.timeline.importance import derived_score
from timeline_app.wording.dates import approximately

MAX_MARKS = 600  # beyond this many events in view, draw counts with landmark labels over them
MARKER_SIZE = 9.0
LABEL_GAP = 4.0
LANE_GAP = 10.0  # horizontal room kept between neighbours in a lane
BUCKET_PIXELS = 6.0
MIN_ELIDED = 60.0  # a label cut shorter than this says too little to be worth drawing
ELLIPSIS = "…"
MORE_ROW = 16.0  # the row above the axis for marks with no room in a lane, and their counts
CLUSTER_GAP = 24.0  # unlabelled marks closer than this share one count
TIERS_PER_LEVEL = 5  # derived importance splits each level into this many tiers

LabelWidth = Callable[[str], float]


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
    weight: float = 0.0  # the stated importance level, plus a derived fraction below 1

    @property
    def label(self) -> str:
        return approximately(self.title) if self.approximate else self.title

    @property
    def is_exact_day(self) -> bool:
        return not self.is_period and self.precision is Precision.DAY


def make_mark(
    event_id: int,
    first_day: int,
    last_day: int,
    start: str,
    has_end: bool,
    approximate: bool,
    title: str,
    theme_slugs: tuple[str, ...],
    weight: float = 0.0,
) -> Mark:
    """The one way a Mark is made, from an event's stored fields."""
    return Mark(
        event_id, first_day, last_day, precision_of(start), approximate, has_end, title,
        theme_slugs, weight,
    )  # fmt: skip


@dataclass(frozen=True)
class PlacedMark:
    mark: Mark
    x0: float  # where the event's time starts
    x1: float  # where its time ends (equal to x0 for a single day)
    y: float  # the centre line of its lane
    label_width: float = 0.0  # 0 when it has no label
    label_on_left: bool = False
    label: str = ""  # the title as drawn: whole, or cut short with an ellipsis
    label_inside_at: float | None = None  # a long period's label sits on its bar, from here

    @property
    def is_labelled(self) -> bool:
        return bool(self.label_width)

    @property
    def label_inside(self) -> bool:
        return self.label_inside_at is not None

    @property
    def is_elided(self) -> bool:
        return self.is_labelled and self.label != self.mark.label

    @property
    def label_left(self) -> float:
        if self.label_inside_at is not None:
            return self.label_inside_at
        if self.label_on_left:
            return self.x0 - MARKER_SIZE / 2 - LABEL_GAP - self.label_width
        return max(self.x1, self.x0 + MARKER_SIZE / 2) + LABEL_GAP

    @property
    def left(self) -> float:
        return self.label_left if self.label_on_left and self.label_width else self.x0 - MARKER_SIZE

    @property
    def right(self) -> float:
        end = max(self.x1, self.x0 + MARKER_SIZE / 2)
        if self.label_width and not self.label_on_left and self.label_inside_at is None:
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
class Cluster:
    """A stretch of marks drawn without labels: a count the reader can click to zoom to them."""

    first_day: int
    last_day: int  # inclusive
    total: int
    left: float  # where the count is drawn
    right: float
    y: float


@dataclass(frozen=True)
class Scene:
    placed: list[PlacedMark] = field(default_factory=list)  # in lanes, labelled or not
    buckets: list[Bucket] = field(default_factory=list)  # the density, when events are many
    crowded: list[PlacedMark] = field(default_factory=list)  # in the row above the axis
    clusters: list[Cluster] = field(default_factory=list)  # counts of unlabelled marks
    top: float = 0.0
    lane_height: float = 20.0

    @property
    def is_aggregated(self) -> bool:
        return bool(self.buckets)

    def event_count(self) -> int:
        if self.buckets:  # landmarks are among the counted
            return sum(b.total for b in self.buckets)
        return len(self.placed) + len(self.crowded)

    def labelled(self) -> list[PlacedMark]:
        return [item for item in self.placed if item.label_width]


def marks_from_events(events: Iterable[Event]) -> list[Mark]:
    """The marks for whole events, as the PDF uses them."""
    marks = []
    for index, event in enumerate(events):
        when = event.when
        weight = event_weight(event)
        marks.append(
            make_mark(
                event.id if event.id is not None else index,
                when.first_day().toordinal(),
                when.last_day().toordinal(),
                when.start.iso(),
                when.is_period,
                when.approximate,
                event.title,
                tuple(t.slug for t in event.themes),
                weight,
            )  # fmt: skip
        )
    return marks


def event_weight(event: Event) -> float:
    """An event's weight for labelling: its stated importance, else one derived from its sources."""
    if event.importance is not None:
        return float(event.importance)
    span = event.when.last_day().toordinal() - event.when.first_day().toordinal()
    sources = len({c.source.id for c in event.citations})
    return derived_score(sources, len(event.citations), span)


def lay_out(
    marks: Sequence[Mark],
    scale: TimeScale,
    height: float,
    label_width: LabelWidth,
    *,
    top: float = 0.0,
    lane_height: float = 20.0,
    first: int | None = None,
) -> Scene:
    """Place every mark, labelling the most important first (and the event `first`, the
    selected one, before them all); too many marks: counts instead."""
    if len(marks) > MAX_MARKS:
        return dense_scene(
            marks, aggregate(marks, scale), scale, height, label_width,
            top=top, lane_height=lane_height, first=first,
        )  # fmt: skip
    lanes = _Lanes(
        max(int((height - MORE_ROW) // lane_height), 1), scale.left, scale.left + scale.width
    )
    placer = _Placer(scale, lanes, label_width, top, lane_height)
    labelled = {}
    # No more labels can fit than lanes × the shortest labels across the width: the marks past
    # that many in label order are only drawn, which keeps a crowded view's layout quick.
    room = lanes.count * max(int(scale.width // (MIN_ELIDED + LABEL_GAP + LANE_GAP)), 1)
    for mark in in_label_order(marks, first)[:room]:
        item = placer.labelled(mark)
        if item is not None:
            labelled[mark.event_id] = item
    placed = list(labelled.values())
    crowded: list[PlacedMark] = []
    more_y = top + lanes.count * lane_height + MORE_ROW / 2
    unlabelled_marks = [m for m in marks if m.event_id not in labelled]
    unlabelled_marks.sort(key=lambda m: (m.first_day, m.last_day, m.event_id))
    spans = placer.spans_of(unlabelled_marks)
    # A bare mark takes its marker's width (or its bar's): PlacedMark.left and .right, inlined
    # because a crowded view has hundreds of them.
    edges = [(x0 - MARKER_SIZE, max(x1, x0 + MARKER_SIZE / 2)) for x0, x1 in spans]
    for mark, (x0, x1), lane in zip(unlabelled_marks, spans, lanes.sweep(edges), strict=True):
        if lane is None:
            crowded.append(PlacedMark(mark, x0, x1, more_y))
        else:
            placed.append(PlacedMark(mark, x0, x1, placer.y(lane)))
    unlabelled = [item for item in placed if not item.label_width] + crowded
    clusters = _clusters(unlabelled, more_y, label_width)
    return Scene(placed, [], crowded, clusters, top, lane_height)


def dense_scene(
    landmarks: Sequence[Mark],
    buckets: list[Bucket],
    scale: TimeScale,
    height: float,
    label_width: LabelWidth,
    *,
    top: float = 0.0,
    lane_height: float = 20.0,
    first: int | None = None,
) -> Scene:
    """Counts per stretch, with the labels of the most important landmarks that fit over them
    (the landmark `first`, the selected event, before them all).
    The first lane's room is left to the note that says what the columns count."""
    lanes = _Lanes(max(int(height // lane_height) - 1, 1), scale.left, scale.left + scale.width)
    placer = _Placer(scale, lanes, label_width, top + lane_height, lane_height)
    placed = []
    for mark in in_label_order(landmarks, first):
        item = placer.labelled(mark)
        if item is not None:
            placed.append(item)
    return Scene(placed, buckets, [], [], top, lane_height)


def in_label_order(marks: Sequence[Mark], first: int | None = None) -> list[Mark]:
    """Most important first; among equals, spread over time: the days on the coarsest grid of
    the calendar first, then the finer ones. The grid is fixed to the calendar, not to the marks
    in view, so an event added, deleted or scrolled into view leaves the others' order as it was.
    The event `first` (the selected one) goes before all others."""
    return sorted(
        marks,
        key=lambda m: (
            m.event_id != first,
            -int(m.weight * TIERS_PER_LEVEL),
            _bit_reversed(m.first_day % _GRID_DAYS),
            m.last_day,
            m.event_id,
        ),
    )


_GRID_BITS = 22  # 2**22 days: about 11,500 years of ordinal days before the grid repeats
_GRID_DAYS = 1 << _GRID_BITS


_HALF_BITS = _GRID_BITS // 2
# Each half of a grid day's bits reversed, looked up: the label order asks this of every mark
# in view on every layout.
_REVERSED_HALF = [
    int(format(value, f"0{_HALF_BITS}b")[::-1], 2) for value in range(1 << _HALF_BITS)
]


def _bit_reversed(value: int) -> int:
    """The value's _GRID_BITS low bits in reverse order."""
    low = value & ((1 << _HALF_BITS) - 1)
    return (_REVERSED_HALF[low] << _HALF_BITS) | _REVERSED_HALF[
        (value >> _HALF_BITS) & ((1 << _HALF_BITS) - 1)
    ]


class _Lanes:
    """The stretches already taken in each lane, as sorted, non-overlapping intervals."""

    def __init__(self, count: int, view_left: float = -1e9, view_right: float = 1e9) -> None:
        self.count = count
        self._starts: list[list[float]] = [[] for _ in range(count)]
        self._ends: list[list[float]] = [[] for _ in range(count)]
        # The widest free stretch of each lane within the view (and a margin): a lane too full
        # for a label is passed over without a search, which keeps crowded views quick.
        self._low, self._high = view_left - 2 * MARKER_SIZE, view_right + 2 * MARKER_SIZE
        self._widest = [self._high - self._low] * count
        self.widest = self._high - self._low  # the widest free stretch in any lane

    def room(self, lane: int, x: float) -> tuple[float, float]:
        """The free stretch of the lane around x (empty when x is taken)."""
        starts, ends = self._starts[lane], self._ends[lane]
        i = bisect_right(starts, x)
        before = ends[i - 1] + LANE_GAP if i else float("-inf")
        after = starts[i] - LANE_GAP if i < len(starts) else float("inf")
        if before > x:
            return x, x
        return before, after

    def is_free(self, lane: int, left: float, right: float) -> bool:
        if min(right, self._high) - max(left, self._low) > self._widest[lane]:
            return False
        low, high = self.room(lane, left)
        return low <= left and right <= high

    def sweep(self, spans: list[tuple[float, float]]) -> list[int | None]:
        """The first lane with room for each span, spans sorted by their left edge; each span
        placed takes its room. One pass per lane, not a search per span and lane: each lane
        remembers from where a span could fit at all, so a full lane costs one comparison."""
        lanes: list[int | None] = []
        next_taken = [0] * self.count  # per lane: the first taken stretch not yet behind us
        free_from = [float("-inf")] * self.count  # per lane: no span starting before this fits
        sizes = [len(starts) for starts in self._starts]
        all_starts, all_ends = self._starts, self._ends
        for left, right in spans:
            found = None
            for lane in range(self.count):
                if left < free_from[lane]:
                    continue
                starts, ends, size = all_starts[lane], all_ends[lane], sizes[lane]
                k = next_taken[lane]
                while k < size and ends[k] + LANE_GAP <= left:
                    k += 1
                next_taken[lane] = k
                if k < size and starts[k] - LANE_GAP < right:
                    if starts[k] - LANE_GAP <= left:  # it covers left: blocked until its end
                        free_from[lane] = ends[k] + LANE_GAP
                    continue
                found = lane
                free_from[lane] = right + LANE_GAP
                break
            lanes.append(found)
        return lanes

    def take(self, lane: int, left: float, right: float) -> None:
        starts, ends = self._starts[lane], self._ends[lane]
        i = bisect_right(starts, left)
        starts.insert(i, left)
        ends.insert(i, right)
        edges = [self._low - LANE_GAP, *ends]
        self._widest[lane] = max(
            min(start, self._high + LANE_GAP) - edge - 2 * LANE_GAP
            for edge, start in zip(edges, [*starts, self._high + LANE_GAP], strict=True)
        )
        self.widest = max(self._widest)


class _Placer:
    def __init__(
        self, scale: TimeScale, lanes: _Lanes, label_width: LabelWidth, top: float, height: float
    ) -> None:
        self.scale = scale
        self.lanes = lanes
        self.label_width = label_width
        self.top = top
        self.lane_height = height
        self.view_left = scale.left
        self.view_right = scale.left + scale.width

    def span_of(self, mark: Mark) -> tuple[float, float]:
        x0 = self.scale.x(mark.first_day)
        x1 = x0 if mark.is_exact_day else self.scale.x(mark.last_day + 1)
        return x0, x1

    def spans_of(self, marks: Sequence[Mark]) -> list[tuple[float, float]]:
        """span_of for many marks at once (the scale's sum inlined, as the same arithmetic)."""
        left, first, per_pixel = self.scale.left, self.scale.first_day, self.scale.days_per_pixel
        spans = []
        for mark in marks:
            x0 = left + (mark.first_day - first) / per_pixel
            spans.append(
                (x0, x0 if mark.is_exact_day else left + (mark.last_day + 1 - first) / per_pixel)
            )
        return spans

    def y(self, lane: int) -> float:
        return self.top + (lane + 0.5) * self.lane_height

    def labelled(self, mark: Mark) -> PlacedMark | None:
        """The mark with its whole label where it fits, else cut short where most room is."""
        x0, x1 = self.span_of(mark)
        text = mark.label
        width = self.label_width(text)
        sides = [
            PlacedMark(mark, x0, x1, 0.0, width, on_left, text)
            for on_left in ((True, False) if x1 > self.view_right - width else (False, True))
        ]
        sides = [s for s in sides if self._label_in_view(s)]
        inside = max(x0, self.view_left) + LABEL_GAP
        if min(x1, self.view_right) - inside - LABEL_GAP >= width:  # a long period: on its bar
            sides.insert(0, PlacedMark(mark, x0, x1, 0.0, width, False, text, inside))
        if width > self.lanes.widest:  # no lane has room for the whole label anywhere
            sides = []
        spans = [(side, side.left, side.right) for side in sides]  # measured once, tried often
        is_free = self.lanes.is_free
        for lane in range(self.lanes.count):
            for side, left, right in spans:
                if is_free(lane, left, right):
                    return self._take(lane, side)
        return self._elided(mark, x0, x1)

    def _label_in_view(self, item: PlacedMark) -> bool:
        return item.label_left >= self.view_left and item.label_left + item.label_width <= (
            self.view_right
        )

    def _elided(self, mark: Mark, x0: float, x1: float) -> PlacedMark | None:
        if self.lanes.widest < MIN_ELIDED + MARKER_SIZE:
            return None
        best: tuple[float, int, bool] | None = None
        marker_right = max(x1, x0 + MARKER_SIZE / 2)
        for lane in range(self.lanes.count):
            if not self.lanes.is_free(lane, x0 - MARKER_SIZE, marker_right):
                continue
            low, high = self.lanes.room(lane, x0)
            right_room = min(high, self.view_right) - marker_right - LABEL_GAP
            left_room = x0 - MARKER_SIZE / 2 - LABEL_GAP - max(low, self.view_left)
            for room, on_left in ((right_room, False), (left_room, True)):
                if room >= MIN_ELIDED and (best is None or room > best[0]):
                    best = (room, lane, on_left)
        if best is None:
            return None
        room, lane, on_left = best
        text = elide(mark.label, room, self.label_width)
        item = PlacedMark(mark, x0, x1, 0.0, self.label_width(text), on_left, text)
        return self._take(lane, item)

    def _take(self, lane: int, item: PlacedMark) -> PlacedMark:
        self.lanes.take(lane, item.left, item.right)
        return PlacedMark(
            item.mark, item.x0, item.x1, self.y(lane), item.label_width, item.label_on_left,
            item.label, item.label_inside_at,
        )  # fmt: skip


def elide(text: str, room: float, label_width: LabelWidth) -> str:
    """The longest start of text, ending in an ellipsis at a word if one is near, within room."""
    if label_width(text) <= room:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix whose elided form fits
        middle = (low + high + 1) // 2
        if label_width(text[:middle].rstrip() + ELLIPSIS) <= room:
            low = middle
        else:
            high = middle - 1
    cut = text[:low]
    space = cut.rfind(" ")
    if space >= low * 2 // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:–-") + ELLIPSIS


def _clusters(items: list[PlacedMark], y: float, label_width: LabelWidth) -> list[Cluster]:
    """Unlabelled marks grouped by nearness, each group one count that does not overlap the next."""
    clusters: list[Cluster] = []
    group: list[PlacedMark] = []

    def close() -> None:
        total = len(group)
        middle = (group[0].x0 + group[-1].x1) / 2
        width = label_width(f"+{total}") + 8
        left = middle - width / 2
        if clusters and left < clusters[-1].right + 2:  # merge with the previous count
            previous = clusters.pop()
            total += previous.total
            first = previous.first_day
            width = label_width(f"+{total}") + 8
            left = max(previous.left, middle - width / 2)
        else:
            first = min(item.mark.first_day for item in group)
        last = max(item.mark.last_day for item in group)
        clusters.append(Cluster(first, last, total, left, left + width, y))

    for item in sorted(items, key=lambda i: i.x0):
        if group and item.x0 - group[-1].x1 > CLUSTER_GAP:
            close()
            group = []
        group.append(item)
    if group:
        close()
    return clusters


def aggregate(marks: Iterable[Mark], scale: TimeScale) -> list[Bucket]:
    """Count marks per few-pixel stretch of the axis, by theme (each event counted once)."""
    first, last = int(scale.first_day), int(scale.last_day) + 1
    by_theme: dict[str, list[int]] = {}
    running: list[str] = []  # themes of events already going when the span starts
    for mark in marks:
        slug = mark.theme_slugs[0] if mark.theme_slugs else ""
        if mark.first_day < first <= mark.last_day:
            running.append(slug)
        else:
            by_theme.setdefault(slug, []).append(mark.first_day)
    for starts in by_theme.values():
        starts.sort()
    return buckets_from_counts(
        count_per_stretch(by_theme, running, first, last, BUCKET_PIXELS * scale.days_per_pixel),
        first,
        BUCKET_PIXELS * scale.days_per_pixel,
    )


def buckets_from_counts(
    counts: dict[int, dict[str, int]], first_day: float, width: float
) -> list[Bucket]:
    return [
        Bucket(first_day + i * width, first_day + (i + 1) * width, sum(c.values()), c)
        for i, c in sorted(counts.items())
    ]


def event_at(scene: Scene, x: float, y: float) -> int | None:
    """The event drawn at (x, y), in the coordinates paint_timeline used; None for empty space."""
    half = scene.lane_height / 2
    for item in reversed(scene.placed):
        if abs(y - item.y) <= half and item.left <= x <= item.right:
            return item.mark.event_id
    return None


def cluster_at(scene: Scene, x: float, y: float) -> Cluster | None:
    """The count of unlabelled marks drawn at (x, y)."""
    for cluster in scene.clusters:
        if abs(y - cluster.y) <= MORE_ROW / 2 and cluster.left <= x <= cluster.right:
            return cluster
    return None
