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
from dataclasses import dataclass

import numpy as np

from timeline_app.store.freed_memory import keep_freed_memory
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
        keep_freed_memory()  # selections of a large timeline reuse the pages of older ones
        self.longest = int((self.ends - self.starts).max()) if len(self.ids) else 0
        self._table: np.ndarray | None = None  # see _table_by_id
        self._gone: tuple[int, int, int] | None = None  # see _table_after_replace
        self._by_id: tuple[np.ndarray, np.ndarray] | None = None  # see _sorted_ids
        self._theme_order: tuple | None = None  # see _grouped_by_theme
        self._wide: np.ndarray | None = None  # see _selection
        self._everything: VectorSelection | None = None  # see _selection
        self._selections: OrderedDict = OrderedDict()
        self._searches: OrderedDict = OrderedDict()
        self._theme_counts: OrderedDict = OrderedDict()
        self._notable = None
        self.mark_rows = {}

    # -- ids and positions ------------------------------------------------------------------

    def positions_of(self, event_ids: np.ndarray) -> np.ndarray:
        """Positions of the ids the index holds, in the order given (unknown ids left out)."""
        table = self._table_by_id()
        if table is not None:
            inside = (event_ids >= 0) & (event_ids < len(table))
            found = table[event_ids[inside]]
            return found[found >= 0].astype(np.int64, copy=False)
        sorted_ids, order = self._sorted_ids()
        if not len(sorted_ids):
            return np.zeros(0, np.int64)
        at = np.minimum(np.searchsorted(sorted_ids, event_ids), len(sorted_ids) - 1)
        return order[at[sorted_ids[at] == event_ids]]

    def _table_by_id(self) -> np.ndarray | None:
        """Each id's position, indexed by id (-1 for none), where ids are dense enough (an
        import numbers them 1, 2, 3 …): one pass on the first question that names an event,
        instead of a dict of a million entries (about 100 MB) on the way to the first paint."""
        if self._table is None and len(self.ids):
            lowest, highest = int(self.ids.min()), int(self.ids.max())
            if lowest >= 0 and highest <= 4 * len(self.ids) + 1024:
                self._table = np.full(highest + 1, -1, np.int64)
                self._table[self.ids] = np.arange(len(self.ids), dtype=np.int64)
        return self._table

    def _sorted_ids(self) -> tuple[np.ndarray, np.ndarray]:
        """The ids sorted, and each one's position: for ids too sparse for a table."""
        if self._by_id is None:
            order = np.argsort(self.ids, kind="stable")
            self._by_id = (self.ids[order], order)
        return self._by_id

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

        return EventIds(_IdsAt(self.ids, positions), find_row)

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
        keep = np.ones(end, dtype=bool) if end < len(self.ids) else None  # None: keep all
        themes_alone = keep is None  # whether only the themes decide (see _starts_by_theme)
        if matching is not None and fts_query(wanted.search) is not None:
            positions = self.positions_of(self._search(wanted.search.strip(), matching))
            keep = np.zeros(len(self.ids), dtype=bool)
            keep[positions[positions < end]] = True
            themes_alone = False
        if wanted.first_year is not None:
            first = dt.date(wanted.first_year, 1, 1).toordinal()
            keep = _both(keep, self.ends >= first)
            themes_alone = False
        bits = None
        if wanted.themes:
            bits = self.theme_bits(wanted.themes)
            keep = _both(keep, (self.masks & np.uint64(bits)) != 0)
        if keep is not None and len(keep) < len(self.ids):
            keep = np.concatenate((keep, np.zeros(len(self.ids) - len(keep), dtype=bool)))
        return self._selection(keep, bits if themes_alone else None)

    def _selection(self, keep: np.ndarray | None, theme_bits: int | None = None) -> VectorSelection:  # type: ignore[override]
        """The selection of the positions where `keep` is true (None: every event); theme_bits
        when `keep` is those themes' events and nothing else."""
        if self._wide is None:  # once per index: the events lasting more than a day
            self._wide = np.flatnonzero(self.ends > self.starts).astype(np.int64, copy=False)
        if keep is None:
            if self._everything is None:  # the common case, kept for as long as the index
                self._everything = self._selection_of(None, None)
            return self._everything
        return self._selection_of(keep, theme_bits)

    def _selection_of(self, keep: np.ndarray | None, theme_bits: int | None) -> VectorSelection:
        wide = self._wide
        if keep is None:
            positions = np.arange(len(self.ids), dtype=np.int64)
            starts = self.starts
        else:
            positions = np.flatnonzero(keep).astype(np.int64, copy=False)
            starts = self.starts[positions]
        sparse = keep is not None and len(positions) * _SPARSE < len(self.ids)
        if sparse:  # a search's few: ask about them alone, not about every event
            wide = positions[self.ends[positions] > starts]
            by_theme = self._starts_by_theme_among(positions, starts)
        else:
            if keep is not None:
                wide = wide[keep[wide]]
            by_theme = self._starts_by_theme(keep, theme_bits)
        last_day = 0
        if len(positions):
            last_day = max(0, int(starts[-1]), int(self.ends[wide].max()) if len(wide) else 0)
        return VectorSelection(positions, starts, by_theme, wide, self.starts[wide], last_day)

    def _starts_by_theme_among(
        self, positions: np.ndarray, starts: np.ndarray
    ) -> dict[int, np.ndarray]:
        """_starts_by_theme for a few selected events: grouped by sorting them alone (a stable
        sort keeps each group's days ascending and its earliest event first)."""
        themes = self.primary[positions]
        order = np.argsort(themes, kind="stable")
        grouped = themes[order]
        bounds = (np.flatnonzero(np.diff(grouped)) + 1).tolist()
        begins = [0, *bounds] if len(order) else []
        ends = [*bounds, len(order)] if len(order) else []
        grouped_starts = starts[order]
        found = [
            (int(positions[order[begin]]), int(grouped[begin]), grouped_starts[begin:end])
            for begin, end in zip(begins, ends, strict=True)
        ]
        return {theme: days for _, theme, days in sorted(found, key=lambda f: f[0])}

    def _grouped_by_theme(self) -> tuple:
        """Once per index: the events grouped by primary theme (chronological within each), the
        groups' first days and theme masks, and each group as (theme, begin, end, whole) where
        whole says every event of the group carries its primary theme among its themes."""
        if self._theme_order is None:
            order = np.argsort(self.primary, kind="stable")  # stable: starts stay ascending
            themes, masks = self.primary[order], self.masks[order]
            bounds = np.flatnonzero(np.diff(themes)) + 1
            begins = np.concatenate(([0], bounds)).tolist() if len(order) else []
            ends = [*begins[1:], len(order)][: len(begins)]
            groups = []
            for begin, end in zip(begins, ends, strict=True):
                theme = int(themes[begin])
                bit = np.uint64(1 << theme) if theme >= 0 else np.uint64(0)
                whole = theme >= 0 and bool(np.all(masks[begin:end] & bit))
                groups.append((theme, begin, end, whole))
            self._theme_order = (order, self.starts[order], masks, groups)
        return self._theme_order

    def _starts_by_theme(
        self, keep: np.ndarray | None, theme_bits: int | None = None
    ) -> dict[int, np.ndarray]:
        """Each primary theme's first days among the kept events, ascending, themes in the
        order of their earliest kept event (as the plain index finds them).

        When only themes decide, a group whose primary theme is ticked passes whole (every
        event in it carries that theme): its days are the group's own, not copied; only the
        other groups are looked at event by event."""
        order, grouped_starts, grouped_masks, groups = self._grouped_by_theme()
        kept_in_order = None
        found = []
        for theme, begin, end, whole in groups:
            if keep is None or (theme_bits is not None and whole and theme_bits >> theme & 1):
                starts, first = grouped_starts[begin:end], int(order[begin])
            else:
                if theme_bits is not None:
                    kept = (grouped_masks[begin:end] & np.uint64(theme_bits)) != 0
                else:
                    if kept_in_order is None:
                        kept_in_order = keep[order]
                    kept = kept_in_order[begin:end]
                hits = np.flatnonzero(kept)
                if not len(hits):
                    continue
                starts, first = grouped_starts[begin:end][kept], int(order[begin + hits[0]])
            found.append((first, theme, starts))
        return {theme: starts for _, theme, starts in sorted(found, key=lambda f: f[0])}

    @staticmethod
    def _found(joined: str) -> np.ndarray:  # type: ignore[override]
        return np.fromstring(joined, np.int64, sep=",") if joined else np.zeros(0, np.int64)

    def _count_themes(self, selection: VectorSelection) -> dict[str, int]:  # type: ignore[override]
        masks = self.masks[selection.positions]
        return {
            slug: int(np.count_nonzero(masks & np.uint64(1 << i)))
            for i, slug in enumerate(self.theme_slugs)
        }

    @staticmethod
    def _positions_kept() -> int:
        # A selection here costs about 30 bytes an event, a third of a plain one's.
        return 3 * TimelineIndex._positions_kept()

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
        # in the same stretch; then rounded up, as a day below a fractional edge is below its
        # ceiling (searching int days for floats would copy them all to floats on each search).
        edges = _ceiling(first_day + np.arange(1, count + 1, dtype=np.float64) * width)
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
        limits = _ceiling(first_day + np.arange(1, slots + 1, dtype=np.float64) * width)
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
        if self._table is not None:  # kept up to date by _insert, which always follows
            self._table[self.ids[positions]] = -1
            self._gone = (positions[0], positions[-1], len(positions)) if positions else None
        for name in _ARRAY_TYPES:
            setattr(self, name, np.delete(getattr(self, name), positions))
        self._everything = None
        if self._by_id is not None:  # kept up to date: sorting a million ids again costs 0.1 s
            sorted_ids, order = self._by_id
            dropped = np.asarray(positions, np.int64)
            kept = ~np.isin(order, dropped)
            order = order[kept]
            self._by_id = (sorted_ids[kept], order - np.searchsorted(dropped, order))
        self._theme_order = self._wide = None

    def _insert(self, points: list[int], rows: list[IndexRow]) -> None:
        for name, (field_name, dtype) in _ARRAY_TYPES.items():
            values = np.array([getattr(row, field_name) for row in rows], dtype)
            setattr(self, name, np.insert(getattr(self, name), points, values))
        if self._table is not None:
            self._table_after_replace(points, rows)
        if self._by_id is not None:
            sorted_ids, order = self._by_id
            # np.insert puts each row before the old element at its point: an old element moves
            # up by the points at or before it, and row k lands at its point + k.
            order = order + np.searchsorted(np.asarray(points, np.int64), order, side="right")
            landed = sorted(
                (row.id, point + k) for k, (point, row) in enumerate(zip(points, rows, strict=True))
            )
            new_ids = np.array([i for i, _ in landed], np.int64)
            at = np.searchsorted(sorted_ids, new_ids)
            self._by_id = (
                np.insert(sorted_ids, at, new_ids),
                np.insert(order, at, np.array([p for _, p in landed], np.int64)),
            )
        self._theme_order = self._wide = self._everything = None

    def _table_after_replace(self, points: list[int], rows: list[IndexRow]) -> None:
        """The id table brought up to date after _delete then _insert: only the positions
        between the first and the last event taken out or put in moved (to the end when more
        came in than went out, or fewer), so only those are written again. Rebuilding the whole
        table after every edit took 14 ms at a million events."""
        table, gone = self._table, self._gone
        self._gone = None
        assert table is not None
        highest = max((row.id for row in rows), default=-1)
        if highest >= len(table):
            if highest > 4 * len(self.ids) + 1024:  # too sparse now: found by sorting instead
                self._table = None
                return
            table = np.concatenate((table, np.full(highest + 1 - len(table), -1, np.int64)))
            self._table = table
        landed = [point + k for k, point in enumerate(points)]  # np.insert's final positions
        touched = [*landed, *(gone[:2] if gone else ())]
        if not touched:
            return
        low = min(touched)
        same_count = (gone[2] if gone else 0) == len(rows)
        high = max(touched) + 1 if same_count else len(self.ids)
        table[self.ids[low:high]] = np.arange(low, high, dtype=np.int64)


# A selection of fewer than one event in this many is worked out from its own positions.
_SPARSE = 8

_ARRAY_TYPES = {
    "ids": ("id", np.int64), "starts": ("start", np.int64), "ends": ("end", np.int64),
    "masks": ("mask", np.uint64), "primary": ("primary", np.int8), "ranks": ("rank", np.uint16),
}  # fmt: skip


class _IdsAt:
    """ids[positions], read as asked: a list pane reads a page at a time, so the million ids of
    a selection need not be gathered on every change of filter."""

    def __init__(self, ids: np.ndarray, positions: np.ndarray) -> None:
        self._ids, self._positions = ids, positions

    def __len__(self) -> int:
        return len(self._positions)

    def __getitem__(self, row):
        return self._ids[self._positions[row]]

    def tolist(self) -> list[int]:
        return self._ids[self._positions].tolist()


def _vector(values: Sequence, dtype) -> np.ndarray:
    if isinstance(values, array):  # the saved index's arrays: shared, not copied
        return np.frombuffer(values, dtype=dtype) if len(values) else np.zeros(0, dtype)
    return np.asarray(values, dtype=dtype)


def _positions(positions: Iterable[int]) -> np.ndarray:
    if isinstance(positions, np.ndarray):
        return positions
    return np.fromiter(positions, np.int64)


def _ceiling(values: np.ndarray) -> np.ndarray:
    return np.ceil(values).astype(np.int64)


def _both(keep: np.ndarray | None, also: np.ndarray) -> np.ndarray:
    """Where both hold; `keep` may be shorter (the events up to a last year) or None (all)."""
    return also if keep is None else keep & also[: len(keep)]
