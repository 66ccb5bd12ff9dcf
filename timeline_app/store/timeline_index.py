"""An in-memory index of every event's dates, themes and weight, in chronological order.

Filtering by theme and years, counting per theme and per stretch of time, and choosing the
landmarks a dense view labels all run over these compact arrays instead of the database: at
100,000 events a theme toggle, a zoom step or a pan step takes milliseconds. The index is plain
data: `store/indexing.py` loads it for an open database, and search (the one filter that needs
SQLite's full-text index) is handed in as a function.
"""

from __future__ import annotations

import datetime as dt
import json
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import sub

from timeline_app.store.search import fts_query
from timeline_app.timeline.filter import TimelineFilter

_CACHED_FILTERS = 8
# Selections kept, counted in events: at a million events each selection costs about 100 MB,
# so eight of them would be most of the memory; the newest one is always kept.
_CACHED_POSITIONS = 2_500_000
_MARK_ROWS_KEPT = 20_000  # rows of events shown on the canvas, kept for the next zoom or pan
RANK_SCALE = 1000  # weights are kept as whole thousandths

# The ids of the events a search finds, comma-separated (search.found_ids).
Matching = Callable[[str], str]


@dataclass(frozen=True)
class IndexRow:
    """What the index keeps of one event (see store/indexing.py for how it is read)."""

    id: int
    start: int
    end: int
    mask: int
    primary: int
    rank: int


class EventIds(Sequence[int]):
    """Ids of the events that pass a filter, in chronological order, and the row of each.

    Kept as the index's own arrays (a plain list, or numpy for large timelines): a million ids
    as Python ints would cost tens of milliseconds and megabytes on every change of filter."""

    def __init__(self, values: Sequence, find_row: Callable[[int], int | None]) -> None:
        self._values = values
        self._find_row = find_row

    def row_of(self, event_id: int) -> int | None:
        return self._find_row(event_id)

    def __len__(self) -> int:
        return len(self._values)

    def __getitem__(self, row):  # an int, or a list of ints for a slice
        if isinstance(row, slice):
            return _plain_list(self._values[row])
        return int(self._values[row])

    def __iter__(self) -> Iterator[int]:
        return iter(_plain_list(self._values))

    def __contains__(self, event_id: object) -> bool:
        return isinstance(event_id, int) and self.row_of(event_id) is not None

    def index(self, event_id: int, *_bounds) -> int:  # type: ignore[override]
        row = self.row_of(event_id)
        if row is None:
            raise ValueError(f"event {event_id} is not shown")
        return row

    def __eq__(self, other: object) -> bool:
        if isinstance(other, EventIds | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"EventIds({len(self)} events)"


def _plain_list(values) -> list[int]:
    return values.tolist() if hasattr(values, "tolist") else list(values)


@dataclass(frozen=True)
class Selection:
    """The events that pass one filter, as positions in chronological order."""

    positions: list[int]
    starts: list[int]  # their first days, ascending (chronological order sorts by start)
    by_primary_theme: dict[int, list[int]]  # theme position -> first days, ascending
    wide: list[int]  # positions of events lasting more than a day, in chronological order
    last_day: int  # the latest day any of them reaches (0 when there are none)


class TimelineIndex:
    def __init__(
        self,
        ids: array,
        starts: array,
        ends: array,
        masks: array,
        primary: array,
        ranks: array,
        theme_slugs: list[str],
    ) -> None:
        self.ids = ids
        self.starts = starts
        self.ends = ends
        self.masks = masks
        self.primary = primary
        self.ranks = ranks  # weight × RANK_SCALE: stated importance level plus a derived fraction
        self.theme_slugs = theme_slugs
        # Built by C loops (dict over zip, map over sub): on the way to the first paint.
        self.position_of = dict(zip(ids, range(len(ids)), strict=True))
        self.longest = max(map(sub, ends, starts), default=0)
        self._selections: OrderedDict[tuple, Selection] = OrderedDict()
        self._searches: OrderedDict[str, frozenset[int]] = OrderedDict()
        self._theme_counts: OrderedDict[tuple, dict[str, int]] = OrderedDict()
        self._notable: list[int] | None = None
        self.mark_rows: dict = {}  # queries.MarkRow by id, for what the canvas has shown

    def keep_mark_rows(self, rows: dict) -> None:
        """Keep rows read for the canvas, within a bound (the oldest go all at once)."""
        if len(self.mark_rows) + len(rows) > _MARK_ROWS_KEPT:
            self.mark_rows.clear()
        self.mark_rows.update(rows)

    def __len__(self) -> int:
        return len(self.ids)

    def position(self, event_id: int) -> int | None:
        """Where the event sits in chronological order; None if the index does not hold it."""
        return self.position_of.get(event_id)

    def event_ids(self, selection: Selection) -> EventIds:
        ids = self.ids
        values = [ids[p] for p in selection.positions]
        rows: dict[int, int] = {}

        def find_row(event_id: int) -> int | None:
            if not rows and values:  # built on the first question: most filters never get one
                rows.update(zip(values, range(len(values)), strict=True))
            return rows.get(event_id)

        return EventIds(values, find_row)

    def replace_events(
        self, gone: Iterable[int], rows: list[IndexRow], place: Callable[[Sequence, IndexRow], int]
    ) -> None:
        """Take the events `gone` out (edited or deleted), then put `rows` in, their state now;
        `place(ids, row)` says where a row goes among the ids left. Rows that land between the
        same two events go in the order given."""
        self._delete(sorted(p for p in map(self.position, gone) if p is not None))
        points = [place(self.ids, row) for row in rows]
        order = sorted(range(len(rows)), key=lambda k: (points[k], k))
        self._insert([points[k] for k in order], [rows[k] for k in order])
        self.longest = max([self.longest, *(row.end - row.start for row in rows)])
        self._selections.clear()
        self._searches.clear()
        self._theme_counts.clear()
        self._notable = None
        for event_id in gone:
            self.mark_rows.pop(event_id, None)

    def _delete(self, positions: list[int]) -> None:
        for name in _ARRAYS:
            values = getattr(self, name)
            for p in reversed(positions):
                del values[p]

    def _insert(self, points: list[int], rows: list[IndexRow]) -> None:
        for name, field in zip(_ARRAYS, _ROW_FIELDS, strict=True):
            values = getattr(self, name)
            for shift, (point, row) in enumerate(zip(points, rows, strict=True)):
                values.insert(point + shift, getattr(row, field))
        self.position_of = dict(zip(self.ids, range(len(self.ids)), strict=True))

    def ids_at(self, positions: Iterable[int]) -> list[int]:
        return [self.ids[p] for p in positions]

    def ranks_at(self, positions: Iterable[int]) -> list[int]:
        return [self.ranks[p] for p in positions]

    def select(self, wanted: TimelineFilter, matching: Matching | None = None) -> Selection:
        """The events that pass the filter (cached: the same filter is asked for often).
        `matching` finds the events a search names; without it the search is left out."""
        key = _key(wanted)
        cached = self._selections.get(key)
        if cached is not None:
            self._selections.move_to_end(key)
            return cached
        selection = self._select(wanted, matching)
        if matching is None and fts_query(wanted.search) is not None:
            return selection  # not the filter's answer: do not keep it under the filter's key
        self._selections[key] = selection
        kept = sum(len(s.positions) for s in self._selections.values())
        while len(self._selections) > 1 and (
            len(self._selections) > _CACHED_FILTERS or kept > self._positions_kept()
        ):
            _, dropped = self._selections.popitem(last=False)
            kept -= len(dropped.positions)
        return selection

    @staticmethod
    def _positions_kept() -> int:
        return _CACHED_POSITIONS

    def _select(self, wanted: TimelineFilter, matching: Matching | None) -> Selection:
        end = len(self.ids)
        if wanted.last_year is not None:  # starts are ascending: cut the tail by bisection
            end = bisect_right(self.starts, dt.date(wanted.last_year, 12, 31).toordinal())
        positions: range | list[int] = range(end)
        if matching is not None and fts_query(wanted.search) is not None:
            # A search finds a few percent of the events: start from those, not from all.
            found = self._search(wanted.search.strip(), matching)
            where = map(self.position_of.get, found)
            positions = sorted(p for p in where if p is not None and p < end)
        if wanted.first_year is not None:
            first = dt.date(wanted.first_year, 1, 1).toordinal()
            ends = self.ends
            positions = [p for p in positions if ends[p] >= first]
        if wanted.themes:
            bits = self.theme_bits(wanted.themes)
            masks = self.masks
            positions = [p for p in positions if masks[p] & bits]
        return self._selection(positions)

    def _selection(self, positions: range | list[int]) -> Selection:
        # Measured here at 100,000 events, one plain loop beats map()/compress() passes.
        starts, ends, primary = self.starts, self.ends, self.primary
        chosen_starts: list[int] = []
        by_theme: dict[int, list[int]] = {}
        wide: list[int] = []
        last_day = 0
        for p in positions:
            start, end = starts[p], ends[p]
            chosen_starts.append(start)
            by_theme.setdefault(primary[p], []).append(start)
            if end > start:
                wide.append(p)
                if end > last_day:
                    last_day = end
            elif start > last_day:
                last_day = start
        return Selection(list(positions), chosen_starts, by_theme, wide, last_day)

    def theme_bits(self, slugs: frozenset[str]) -> int:
        return sum(1 << i for i, slug in enumerate(self.theme_slugs) if slug in slugs)

    def _search(self, text: str, matching: Matching):
        """The ids a search finds, kept by its full-text query: texts that differ only in what
        the query leaves out (punctuation, spaces, a letter's accent) share one answer."""
        key = fts_query(text) or ""
        cached = self._searches.get(key)
        if cached is None:
            cached = self._searches[key] = self._found(matching(text))
            if len(self._searches) > _CACHED_FILTERS:
                self._searches.popitem(last=False)
        else:
            self._searches.move_to_end(key)
        return cached

    @staticmethod
    def _found(joined: str) -> frozenset[int]:
        return frozenset(map(int, joined.split(","))) if joined else frozenset()

    def theme_counts(
        self, wanted: TimelineFilter, matching: Matching | None = None
    ) -> dict[str, int]:
        """Per theme, the events it would show under the rest of the filter (kept apart from
        the selections: every theme toggle asks again, and a few numbers cost nothing to keep)."""
        rest = wanted.with_themes(frozenset())
        counts = self._theme_counts.get(_key(rest))
        if counts is None:
            counts = self._count_themes(self.select(rest, matching))
            if matching is not None or fts_query(rest.search) is None:
                self._theme_counts[_key(rest)] = counts
                if len(self._theme_counts) > _CACHED_FILTERS:
                    self._theme_counts.popitem(last=False)
        return dict(counts)

    def kept_theme_counts(self, wanted: TimelineFilter) -> dict[str, int] | None:
        """theme_counts if they are kept from an earlier question, else None (nothing counted)."""
        counts = self._theme_counts.get(_key(wanted.with_themes(frozenset())))
        return None if counts is None else dict(counts)

    def _count_themes(self, selection: Selection) -> dict[str, int]:
        per_mask = Counter(_gather(self.masks, selection.positions))
        return {
            slug: sum(count for mask, count in per_mask.items() if mask & (1 << i))
            for i, slug in enumerate(self.theme_slugs)
        }

    def in_span(self, selection: Selection, first_day: int, last_day: int) -> list[int]:
        """Positions of selected events touching [first_day, last_day], in chronological order."""
        lo = bisect_left(selection.starts, first_day - self.longest)
        hi = bisect_right(selection.starts, last_day)
        ends = self.ends
        return [p for p in selection.positions[lo:hi] if ends[p] >= first_day]

    def count_in_span(self, selection: Selection, first_day: int, last_day: int) -> int:
        inside = bisect_right(selection.starts, last_day) - bisect_left(selection.starts, first_day)
        return inside + len(self._running_into(selection, first_day, last_day))

    def _running_into(self, selection: Selection, first_day: int, last_day: int) -> list[int]:
        """Events that start before the span but are still going when it begins."""
        starts, ends = self.starts, self.ends
        lo = bisect_left(selection.wide, first_day - self.longest, key=starts.__getitem__)
        hi = bisect_left(selection.wide, first_day, lo, key=starts.__getitem__)
        return [p for p in selection.wide[lo:hi] if ends[p] >= first_day]

    def buckets(
        self, selection: Selection, first_day: int, last_day: int, width: float
    ) -> dict[int, dict[str, int]]:
        """Events per stretch of `width` days from first_day, by primary theme, each counted
        once; an event already running when the span starts counts in the first stretch."""
        slugs = self.theme_slugs
        by_theme = {
            (slugs[theme] if theme >= 0 else ""): starts
            for theme, starts in selection.by_primary_theme.items()
        }
        running = [
            slugs[self.primary[p]] if self.primary[p] >= 0 else ""
            for p in self._running_into(selection, first_day, last_day)
        ]
        return count_per_stretch(by_theme, running, first_day, last_day, width)

    def notable(self) -> list[int]:
        """Positions of the events stated major or milestone, in chronological order."""
        if self._notable is None:
            floor = RANK_SCALE
            self._notable = [p for p, rank in enumerate(self.ranks) if rank >= floor]
        return self._notable

    def landmarks(
        self, selection: Selection, first_day: int, last_day: int, slots: int, sample: int = 48
    ) -> list[int]:
        """Positions of events worth labelling in a dense view, weightiest first.

        Every stated major event and milestone in the span, and from each of `slots` equal
        stretches the weightiest of up to `sample` of its events taken evenly (looking at every
        event would cost a pass over all of them on each zoom step)."""
        starts, positions, ranks = selection.starts, selection.positions, self.ranks
        chosen: set[int] = set()
        lo = bisect_left(self.notable(), first_day, key=self.starts.__getitem__)
        hi = bisect_right(self.notable(), last_day, key=self.starts.__getitem__)
        for p in self.notable()[lo:hi]:
            at = bisect_left(positions, p)
            if at < len(positions) and positions[at] == p:
                chosen.add(p)
        width = max((last_day - first_day) / max(slots, 1), 1e-9)
        begin = bisect_left(starts, first_day)
        for k in range(slots):
            end = bisect_left(starts, first_day + (k + 1) * width, begin)
            if end > begin:
                step = max((end - begin) // sample, 1)
                chosen.add(max(positions[begin:end:step], key=ranks.__getitem__))
            begin = end
        return sorted(chosen, key=lambda p: (-ranks[p], p))


def _key(wanted: TimelineFilter) -> tuple:
    return (wanted.themes, wanted.first_year, wanted.last_year, wanted.search.strip())


def count_per_stretch(
    starts_by_theme: dict[str, list[int]],
    running: list[str],
    first_day: int,
    last_day: int,
    width: float,
) -> dict[int, dict[str, int]]:
    """Events per stretch of `width` days from first_day, by theme, from each theme's ascending
    start days; the themes of events already running at first_day count in the first stretch."""
    result: dict[int, dict[str, int]] = {}
    count = max(int((last_day - first_day) // width) + 1, 1)
    edges = [first_day + k * width for k in range(count + 1)]
    for slug, starts in starts_by_theme.items():
        stop = bisect_right(starts, last_day)
        previous = bisect_left(starts, first_day)
        for k in range(count):
            if previous >= stop:
                break
            upto = min(bisect_left(starts, edges[k + 1], previous, stop), stop)
            if upto > previous:
                result.setdefault(k, {})[slug] = upto - previous
            previous = upto
    for slug in running:
        counts = result.setdefault(0, {})
        counts[slug] = counts.get(slug, 0) + 1
    return result


def _gather(values: array, positions: range | list[int]) -> list:
    """values[p] for each position, in order."""
    if isinstance(positions, range) and positions.step == 1:
        return values[positions.start : positions.stop].tolist()
    return list(map(values.__getitem__, positions))


CACHE_NAME = "timeline-index-v2"
_ARRAYS = ("ids", "starts", "ends", "masks", "primary", "ranks")
_TYPECODES = ("q", "q", "q", "Q", "b", "H")  # numpy's int64, int64, int64, uint64, int8, uint16
_ROW_FIELDS = ("id", "start", "end", "mask", "primary", "rank")  # IndexRow's, in _ARRAYS' order


def pack(index: TimelineIndex) -> bytes:
    header = {
        "themes": index.theme_slugs,
        "arrays": [[name, typecode] for name, typecode in zip(_ARRAYS, _TYPECODES, strict=True)],
        "length": len(index.ids),
    }
    body = b"".join(getattr(index, name).tobytes() for name in _ARRAYS)  # array or numpy
    return json.dumps(header).encode() + b"\n" + body


def unpack(
    data: bytes, kind: Callable[[int], type[TimelineIndex]] = lambda _events: TimelineIndex
) -> TimelineIndex | None:
    """The saved index, as the class `kind` chooses for its number of events; None if it was
    saved by a build that lays it out differently."""
    try:
        head, body = bytes(data).split(b"\n", 1)
        header = json.loads(head)
        arrays, offset = {}, 0
        for name, typecode in header["arrays"]:
            values = array(typecode)
            size = values.itemsize * header["length"]
            values.frombytes(body[offset : offset + size])
            arrays[name] = values
            offset += size
        if offset != len(body) or [n for n, _ in header["arrays"]] != list(_ARRAYS):
            return None
        return kind(header["length"])(theme_slugs=header["themes"], **arrays)
    except (ValueError, KeyError, TypeError):
        return None
