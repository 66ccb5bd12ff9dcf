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
from collections.abc import Callable
from dataclasses import dataclass
from operator import sub

from timeline_app.store.search import fts_query
from timeline_app.timeline.filter import TimelineFilter

_CACHED_FILTERS = 8
_MARK_ROWS_KEPT = 20_000  # rows of events shown on the canvas, kept for the next zoom or pan
RANK_SCALE = 1000  # weights are kept as whole thousandths

Matching = Callable[[str], frozenset[int]]  # the ids of the events a search finds


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
        self._notable: list[int] | None = None
        self.mark_rows: dict = {}  # queries.MarkRow by id, for what the canvas has shown

    def keep_mark_rows(self, rows: dict) -> None:
        """Keep rows read for the canvas, within a bound (the oldest go all at once)."""
        if len(self.mark_rows) + len(rows) > _MARK_ROWS_KEPT:
            self.mark_rows.clear()
        self.mark_rows.update(rows)

    def __len__(self) -> int:
        return len(self.ids)

    def select(self, wanted: TimelineFilter, matching: Matching | None = None) -> Selection:
        """The events that pass the filter (cached: the same filter is asked for often).
        `matching` finds the events a search names; without it the search is left out."""
        key = (wanted.themes, wanted.first_year, wanted.last_year, wanted.search.strip())
        cached = self._selections.get(key)
        if cached is not None:
            self._selections.move_to_end(key)
            return cached
        selection = self._select(wanted, matching)
        if matching is None and fts_query(wanted.search) is not None:
            return selection  # not the filter's answer: do not keep it under the filter's key
        self._selections[key] = selection
        if len(self._selections) > _CACHED_FILTERS:
            self._selections.popitem(last=False)
        return selection

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

    def _search(self, text: str, matching: Matching) -> frozenset[int]:
        cached = self._searches.get(text)
        if cached is None:
            cached = self._searches[text] = matching(text)
            if len(self._searches) > _CACHED_FILTERS:
                self._searches.popitem(last=False)
        return cached

    def theme_counts(
        self, wanted: TimelineFilter, matching: Matching | None = None
    ) -> dict[str, int]:
        """Per theme, the events it would show under the rest of the filter."""
        selection = self.select(wanted.with_themes(frozenset()), matching)
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


def pack(index: TimelineIndex) -> bytes:
    header = {
        "themes": index.theme_slugs,
        "arrays": [[name, getattr(index, name).typecode] for name in _ARRAYS],
        "length": len(index.ids),
    }
    body = b"".join(getattr(index, name).tobytes() for name in _ARRAYS)
    return json.dumps(header).encode() + b"\n" + body


def unpack(data: bytes) -> TimelineIndex | None:
    """The saved index, or None if it was saved by a build that lays it out differently."""
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
        return TimelineIndex(theme_slugs=header["themes"], **arrays)
    except (ValueError, KeyError, TypeError):
        return None
