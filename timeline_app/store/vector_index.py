"""The timeline index over numpy arrays, for large timelines: the same answers as TimelineIndex,
each filter, count and span a few whole-array operations instead of a Python pass per event.

At a million events a theme toggle's pass over the selected events took about a second in
Python; here it is a few milliseconds. numpy costs a fraction of a second to import, so only
timelines of indexing.VECTOR_FROM events or more load it, when they open.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from timeline_app.store.search import fts_query
from timeline_app.store.timeline_index import (
    RANK_SCALE,
    EventIds,
    IndexRow,
    Matching,
    TimelineIndex,
    _plain_list,
)
from timeline_app.timeline.filter import TimelineFilter


@dataclass(eq=False)
class VectorSelection:
    """The events that pass one filter, as positions in chronological order (numpy arrays)."""

    positions: np.ndarray
    starts: np.ndarray  # their first days, ascending
    by_primary_theme: dict[int, np.ndarray]  # theme position -> first days, ascending
    wide: np.ndarray  # positions of events lasting more than a day, in chronological order
    wide_starts: np.ndarray  # their first days
    last_day: int
    theme_counts: dict[str, int] | None = field(default=None)  # asked of the theme filter often


class VectorIndex(TimelineIndex):
    """TimelineIndex's questions answered over numpy arrays."""

    def __init__(
        self,
        ids: Sequence,
        starts: Sequence,
        ends: Sequence,
        masks: Sequence,
        primary: Sequence,
        ranks: Sequence,
        theme_slugs: list[str],
    ) -> None:
        self.ids = _vector(ids, np.int64)
        self.starts = _vector(starts, np.int64)
        self.ends = _vector(ends, np.int64)
        self.masks = _vector(masks, np.uint64)
        self.primary = _vector(primary, np.int8)
        self.ranks = _vector(ranks, np.uint16)
        self.theme_slugs = theme_slugs
        self.longest = int((self.ends - self.starts).max()) if len(self.ids) else 0
        self._by_id: tuple[np.ndarray, np.ndarray] | None = None  # ids sorted, their positions
        self._selections: OrderedDict = OrderedDict()
        self._searches: OrderedDict = OrderedDict()
        self._notable = None
        self.mark_rows = {}

    # -- ids and positions ------------------------------------------------------------------

    def _id_lookup(self) -> tuple[np.ndarray, np.ndarray]:
        # Sorted once, on the first question that names an event (a search or a select), instead
        # of a dict of a million entries (about 100 MB) on the way to the first paint.
        if self._by_id is None:
            order = np.argsort(self.ids, kind="stable")
            self._by_id = (self.ids[order], order)
        return self._by_id

    def positions_of(self, event_ids: np.ndarray) -> np.ndarray:
        """Positions of the ids the index holds, in the order given (unknown ids left out)."""
        sorted_ids, order = self._id_lookup()
        if not len(sorted_ids):
            return np.zeros(0, np.int64)
        at = np.minimum(np.searchsorted(sorted_ids, event_ids), len(sorted_ids) - 1)
        return order[at[sorted_ids[at] == event_ids]]

    def position(self, event_id: int) -> int | None:
        found = self.positions_of(np.array([event_id], np.int64))
        return int(found[0]) if len(found) else None

    @property
    def position_of(self) -> dict[int, int]:  # type: ignore[override]
        raise AttributeError("VectorIndex has no position_of; ask position() or positions_of()")

    def event_ids(self, selection: VectorSelection) -> EventIds:  # type: ignore[override]
        positions = selection.positions

        def find_row(event_id: int) -> int | None:
            p = self.position(event_id)
            if p is None:
                return None
            row = int(np.searchsorted(positions, p))
            return row if row < len(positions) and positions[row] == p else None

        return EventIds(self.ids[positions], find_row)

    def ids_at(self, positions: Iterable[int]) -> list[int]:
        return _plain_list(self.ids[_positions(positions)])

    def ranks_at(self, positions: Iterable[int]) -> list[int]:
        return _plain_list(self.ranks[_positions(positions)])

    # -- filtering ----------------------------------------------------------------------------

    def _select(self, wanted: TimelineFilter, matching: Matching | None) -> VectorSelection:
        end = len(self.ids)
        if wanted.last_year is not None:
            last = dt.date(wanted.last_year, 12, 31).toordinal()
            end = int(np.searchsorted(self.starts, last, side="right"))
        positions: np.ndarray | None = None  # None: every position below `end`
        if matching is not None and fts_query(wanted.search) is not None:
            found = self._search(wanted.search.strip(), matching)
            positions = np.sort(self.positions_of(np.fromiter(found, np.int64, len(found))))
            positions = positions[: np.searchsorted(positions, end)]
        keep = None
        if wanted.first_year is not None:
            first = dt.date(wanted.first_year, 1, 1).toordinal()
            keep = _of(self.ends, positions, end) >= first
        if wanted.themes:
            bits = np.uint64(self.theme_bits(wanted.themes))
            chosen = (_of(self.masks, positions, end) & bits) != 0
            keep = chosen if keep is None else keep & chosen
        if positions is None:
            if keep is None:
                return self._selection(np.arange(end, dtype=np.int64), whole=True)
            return self._selection(np.flatnonzero(keep).astype(np.int64, copy=False))
        return self._selection(positions if keep is None else positions[keep])

    def _selection(self, positions: np.ndarray, whole: bool = False) -> VectorSelection:  # type: ignore[override]
        count = len(positions)
        starts = self.starts[:count] if whole else self.starts[positions]
        ends = self.ends[:count] if whole else self.ends[positions]
        is_wide = ends > starts
        wide, wide_starts = positions[is_wide], starts[is_wide]
        last_day = 0
        if count:
            last_day = max(0, int(starts[-1]), int(ends[is_wide].max()) if len(wide) else 0)
        primary = self.primary[:count] if whole else self.primary[positions]
        return VectorSelection(
            positions, starts, _starts_by_theme(primary, starts), wide, wide_starts, last_day
        )

    def theme_counts(
        self, wanted: TimelineFilter, matching: Matching | None = None
    ) -> dict[str, int]:
        selection = self.select(wanted.with_themes(frozenset()), matching)
        if selection.theme_counts is None:
            masks = self.masks[selection.positions]
            selection.theme_counts = {
                slug: int(np.count_nonzero(masks & np.uint64(1 << i)))
                for i, slug in enumerate(self.theme_slugs)
            }
        return dict(selection.theme_counts)

    # -- spans --------------------------------------------------------------------------------

    def in_span(self, selection: VectorSelection, first_day: int, last_day: int) -> list[int]:  # type: ignore[override]
        lo = np.searchsorted(selection.starts, first_day - self.longest, side="left")
        hi = np.searchsorted(selection.starts, last_day, side="right")
        positions = selection.positions[lo:hi]
        return _plain_list(positions[self.ends[positions] >= first_day])

    def count_in_span(self, selection: VectorSelection, first_day: int, last_day: int) -> int:  # type: ignore[override]
        starts = selection.starts
        inside = int(
            np.searchsorted(starts, last_day, side="right")
            - np.searchsorted(starts, first_day, side="left")
        )
        return inside + len(self._running_into(selection, first_day, last_day))

    def _running_into(self, selection: VectorSelection, first_day: int, last_day: int) -> list[int]:  # type: ignore[override]
        lo = np.searchsorted(selection.wide_starts, first_day - self.longest, side="left")
        hi = np.searchsorted(selection.wide_starts, first_day, side="left")
        positions = selection.wide[lo:hi]
        return _plain_list(positions[self.ends[positions] >= first_day])

    def buckets(
        self, selection: VectorSelection, first_day: int, last_day: int, width: float
    ) -> dict[int, dict[str, int]]:  # type: ignore[override]
        slugs = self.theme_slugs
        count = max(int((last_day - first_day) // width) + 1, 1)
        # The same float arithmetic as count_per_stretch's edges, so a start on an edge falls
        # in the same stretch.
        edges = first_day + np.arange(1, count + 1, dtype=np.float64) * width
        result: dict[int, dict[str, int]] = {}
        for theme, starts in selection.by_primary_theme.items():
            slug = slugs[theme] if theme >= 0 else ""
            begin = int(np.searchsorted(starts, first_day, side="left"))
            stop = int(np.searchsorted(starts, last_day, side="right"))
            if begin >= stop:
                continue
            cuts = np.searchsorted(starts[begin:stop], edges, side="left")
            counts = np.diff(cuts, prepend=0)
            for k in np.flatnonzero(counts).tolist():
                result.setdefault(k, {})[slug] = int(counts[k])
        primary = self.primary
        for p in self._running_into(selection, first_day, last_day):
            slug = slugs[primary[p]] if primary[p] >= 0 else ""
            counts_here = result.setdefault(0, {})
            counts_here[slug] = counts_here.get(slug, 0) + 1
        return result

    def notable(self) -> list[int]:
        if self._notable is None:
            self._notable = np.flatnonzero(self.ranks >= RANK_SCALE)
        return self._notable

    def landmarks(
        self,
        selection: VectorSelection,
        first_day: int,
        last_day: int,
        slots: int,
        sample: int = 48,
    ) -> list[int]:  # type: ignore[override]
        starts, positions, ranks = selection.starts, selection.positions, self.ranks
        notable = self.notable()
        notable_starts = self.starts[notable]
        lo = np.searchsorted(notable_starts, first_day, side="left")
        hi = np.searchsorted(notable_starts, last_day, side="right")
        candidates = notable[lo:hi]
        at = np.searchsorted(positions, candidates)
        inside = at < len(positions)
        candidates, at = candidates[inside], at[inside]
        chosen = set(candidates[positions[at] == candidates].tolist())
        width = max((last_day - first_day) / max(slots, 1), 1e-9)
        begin = int(np.searchsorted(starts, first_day, side="left"))
        limits = first_day + np.arange(1, slots + 1, dtype=np.float64) * width
        for end in np.searchsorted(starts, limits, side="left").tolist():
            if end > begin:
                step = max((end - begin) // sample, 1)
                sampled = positions[begin:end:step]
                chosen.add(int(sampled[np.argmax(ranks[sampled])]))
            begin = max(begin, end)
        rank_of = {p: int(ranks[p]) for p in chosen}
        return sorted(chosen, key=lambda p: (-rank_of[p], p))

    # -- edits --------------------------------------------------------------------------------

    def _delete(self, positions: list[int]) -> None:
        for name in _ARRAY_TYPES:
            setattr(self, name, np.delete(getattr(self, name), positions))

    def _insert(self, points: list[int], rows: list[IndexRow]) -> None:
        for name, (field_name, dtype) in _ARRAY_TYPES.items():
            values = np.array([getattr(row, field_name) for row in rows], dtype)
            setattr(self, name, np.insert(getattr(self, name), points, values))
        self._by_id = None


_ARRAY_TYPES = {
    "ids": ("id", np.int64), "starts": ("start", np.int64), "ends": ("end", np.int64),
    "masks": ("mask", np.uint64), "primary": ("primary", np.int8), "ranks": ("rank", np.uint16),
}  # fmt: skip


def _vector(values: Sequence, dtype) -> np.ndarray:
    if isinstance(values, array):  # the saved index's arrays: shared, not copied
        return np.frombuffer(values, dtype=dtype) if len(values) else np.zeros(0, dtype)
    return np.asarray(values, dtype=dtype)


def _positions(positions: Iterable[int]) -> np.ndarray:
    if isinstance(positions, np.ndarray):
        return positions
    return np.fromiter(positions, np.int64)


def _of(values: np.ndarray, positions: np.ndarray | None, end: int) -> np.ndarray:
    """values at the positions, or at every position below `end`."""
    return values[:end] if positions is None else values[positions]


def _starts_by_theme(primary: np.ndarray, starts: np.ndarray) -> dict[int, np.ndarray]:
    """Each primary theme's first days, ascending, themes in order of their earliest event."""
    order = np.argsort(primary, kind="stable")  # a stable sort keeps each theme's starts ascending
    grouped = starts[order]
    themes = primary[order]
    bounds = np.flatnonzero(np.diff(themes)) + 1
    begins = np.concatenate(([0], bounds)) if len(themes) else np.zeros(0, np.int64)
    ends = np.concatenate((bounds, [len(themes)])) if len(themes) else np.zeros(0, np.int64)
    groups = sorted(zip(order[begins].tolist(), begins.tolist(), ends.tolist(), strict=True))
    return {int(themes[b]): grouped[b:e] for _, b, e in groups}
