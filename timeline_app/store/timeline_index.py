"""An in-memory index of every event's dates and themes, in chronological order.

Filtering by theme and years, counting per theme and per stretch of time all run over these
compact arrays instead of the database: at 100,000 events a theme toggle, a zoom step or a pan
step takes milliseconds. Only search goes to SQLite (its full-text index), and only titles and
quotes for what is on screen are read from disk.
"""

from __future__ import annotations

import datetime as dt
import json
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, OrderedDict
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline_app.store.errors import StoreError
from timeline_app.store.search import fts_query
from timeline_app.timeline.filter import TimelineFilter

if TYPE_CHECKING:
    from timeline_app.store.database import Database

_CACHED_FILTERS = 8


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
        theme_slugs: list[str],
    ) -> None:
        self.ids = ids
        self.starts = starts
        self.ends = ends
        self.masks = masks
        self.primary = primary
        self.theme_slugs = theme_slugs
        self.position_of = {event_id: i for i, event_id in enumerate(ids)}
        self.longest = max((e - s for s, e in zip(starts, ends, strict=True)), default=0)
        self._selections: OrderedDict[tuple, Selection] = OrderedDict()
        self._searches: OrderedDict[str, frozenset[int]] = OrderedDict()
        self._db: Database | None = None
        self.mark_rows: dict = {}  # queries.MarkRow by id, for what the canvas has shown

    @classmethod
    def load(cls, db: Database) -> TimelineIndex:
        """From the saved copy when there is a current one; otherwise built and saved."""
        saved = db.read("SELECT data FROM index_cache WHERE name = ?", (_CACHE_NAME,))
        index = _unpack(saved[0][0]) if saved else None
        if index is None:
            index = cls._build(db)
            with suppress(StoreError):  # a read-only or busy file simply goes without
                db.write(
                    "INSERT OR REPLACE INTO index_cache (name, data) VALUES (?, ?)",
                    (_CACHE_NAME, _pack(index)),
                )
        index._db = db
        return index

    @classmethod
    def _build(cls, db: Database) -> TimelineIndex:
        themes = db.read("SELECT id, slug FROM themes ORDER BY position, id")
        bit = {theme_id: i for i, (theme_id, _) in enumerate(themes)}
        rows = db.read(
            "SELECT id, start_day, end_day, primary_theme_id FROM events ORDER BY sort_key, id"
        )
        masks_by_id: dict[int, int] = {}
        for event_id, theme_id in db.read("SELECT event_id, theme_id FROM event_themes"):
            masks_by_id[event_id] = masks_by_id.get(event_id, 0) | (1 << bit[theme_id])
        return cls(
            ids=array("q", (r[0] for r in rows)),
            starts=array("q", (r[1] for r in rows)),
            ends=array("q", (r[2] for r in rows)),
            masks=array("Q", (masks_by_id.get(r[0], 0) for r in rows)),
            primary=array("b", (bit.get(r[3], -1) for r in rows)),
            theme_slugs=[slug for _, slug in themes],
        )

    def __len__(self) -> int:
        return len(self.ids)

    def select(self, wanted: TimelineFilter) -> Selection:
        """The events that pass the filter (cached: the same filter is asked for often)."""
        key = (wanted.themes, wanted.first_year, wanted.last_year, wanted.search.strip())
        cached = self._selections.get(key)
        if cached is not None:
            self._selections.move_to_end(key)
            return cached
        selection = self._select(wanted)
        self._selections[key] = selection
        if len(self._selections) > _CACHED_FILTERS:
            self._selections.popitem(last=False)
        return selection

    def _select(self, wanted: TimelineFilter) -> Selection:
        positions: range | list[int] = range(len(self.ids))
        if wanted.last_year is not None:  # starts are ascending: cut the tail by bisection
            last = dt.date(wanted.last_year, 12, 31).toordinal()
            positions = range(bisect_right(self.starts, last))
        if wanted.first_year is not None:
            first = dt.date(wanted.first_year, 1, 1).toordinal()
            ends = self.ends
            positions = [p for p in positions if ends[p] >= first]
        if wanted.themes:
            bits = self.theme_bits(wanted.themes)
            masks = self.masks
            positions = [p for p in positions if masks[p] & bits]
        if fts_query(wanted.search) is not None:
            found = self._search(wanted.search.strip())
            ids = self.ids
            positions = [p for p in positions if ids[p] in found]
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

    def _search(self, text: str) -> frozenset[int]:
        cached = self._searches.get(text)
        if cached is None:
            rows = self._db.read(
                "SELECT rowid FROM events_fts WHERE events_fts MATCH ?", (fts_query(text),)
            )
            cached = frozenset(row[0] for row in rows)
            self._searches[text] = cached
            if len(self._searches) > _CACHED_FILTERS:
                self._searches.popitem(last=False)
        return cached

    def theme_counts(self, wanted: TimelineFilter) -> dict[str, int]:
        """Per theme, the events it would show under the rest of the filter."""
        selection = self.select(wanted.with_themes(frozenset()))
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
        result: dict[int, dict[str, int]] = {}
        count = max(int((last_day - first_day) // width) + 1, 1)
        edges = [first_day + k * width for k in range(count + 1)]
        for theme, starts in selection.by_primary_theme.items():
            slug = self.theme_slugs[theme] if theme >= 0 else ""
            stop = bisect_right(starts, last_day)
            previous = bisect_left(starts, first_day)
            for k in range(count):
                if previous >= stop:
                    break
                upto = min(bisect_left(starts, edges[k + 1], previous, stop), stop)
                if upto > previous:
                    result.setdefault(k, {})[slug] = upto - previous
                previous = upto
        for p in self._running_into(selection, first_day, last_day):
            theme = self.primary[p]
            slug = self.theme_slugs[theme] if theme >= 0 else ""
            counts = result.setdefault(0, {})
            counts[slug] = counts.get(slug, 0) + 1
        return result


def _gather(values: array, positions: range | list[int]) -> list:
    """values[p] for each position, in order."""
    if isinstance(positions, range) and positions.step == 1:
        return values[positions.start : positions.stop].tolist()
    return list(map(values.__getitem__, positions))


_CACHE_NAME = "timeline-index-v1"
_ARRAYS = ("ids", "starts", "ends", "masks", "primary")


def _pack(index: TimelineIndex) -> bytes:
    header = {
        "themes": index.theme_slugs,
        "arrays": [[name, getattr(index, name).typecode] for name in _ARRAYS],
        "length": len(index.ids),
    }
    body = b"".join(getattr(index, name).tobytes() for name in _ARRAYS)
    return json.dumps(header).encode() + b"\n" + body


def _unpack(data: bytes) -> TimelineIndex | None:
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
