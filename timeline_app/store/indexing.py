"""The in-memory index of an open database: loaded from the copy saved in the file when it is
current, otherwise built and saved; kept per database until the database says it changed, and
brought up to date event by event after an edit (events_changed)."""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from contextlib import suppress
from weakref import WeakKeyDictionary

from timeline_app.store.database import Database
from timeline_app.store.errors import StoreError
from timeline_app.store.timeline_index import (
    CACHE_NAME,
    RANK_SCALE,
    IndexRow,
    TimelineIndex,
    pack,
    unpack,
)
from timeline_app.timeline.importance import derived_score

_loaded: WeakKeyDictionary[Database, tuple[int, TimelineIndex]] = WeakKeyDictionary()
VECTOR_FROM = 25_000  # events; below this the pure-Python index answers in a few milliseconds
# From here numpy loads with the index: the plain index's first selection would cost more than
# numpy's import (about 0.15 s). Between the two, the plain index answers the first paint and
# use_vectors moves it onto numpy once the window has painted.
VECTORS_AT_OPEN = 200_000
_BATCH = 900  # ids per statement, below SQLite's limit on bound parameters


def index_of(db: Database) -> TimelineIndex:
    """The index of the database as it is now."""
    kept = _loaded.get(db)
    if kept is not None and kept[0] == db.generation:
        return kept[1]
    index = _load(db, at_open=kept is None)  # read again after a change: the window is up
    _loaded[db] = (db.generation, index)
    return index


def index_kind(events: int, at_open: bool = True) -> type[TimelineIndex]:
    """The index class for a timeline of this many events: numpy's only where it pays for its
    import, which at open is on the way to the first paint."""
    if events < (VECTORS_AT_OPEN if at_open else VECTOR_FROM):
        return TimelineIndex
    from timeline_app.store.vector_index import VectorIndex

    return VectorIndex


def use_vectors(db: Database) -> None:
    """Move the loaded index onto numpy if the timeline is large enough to gain by it: for after
    the first paint (numpy takes a fraction of a second to import). The arrays are shared."""
    kept = _loaded.get(db)
    if kept is None or kept[0] != db.generation:
        return
    index = kept[1]
    if type(index) is not TimelineIndex or len(index) < VECTOR_FROM:
        return
    from timeline_app.store.vector_index import VectorIndex

    faster = VectorIndex(
        index.ids, index.starts, index.ends, index.masks, index.primary, index.ranks,
        theme_slugs=index.theme_slugs,
    )  # fmt: skip
    faster.mark_rows = index.mark_rows
    _loaded[db] = (kept[0], faster)


def save_index(db: Database) -> None:
    """Save the loaded index in the file if an edit dropped the saved one (a trigger does, on
    every change): for when the file is closed, so that opening it again does not rebuild the
    index from the tables (seconds at a million events)."""
    kept = _loaded.get(db)
    if kept is None or kept[0] != db.generation or db.read_only:
        return
    with suppress(StoreError):  # a busy or full file goes without, as at open
        if not db.read("SELECT 1 FROM index_cache WHERE name = ?", (CACHE_NAME,)):
            _save(db, kept[1])


def _save(db: Database, index: TimelineIndex) -> None:
    db.write(
        "INSERT OR REPLACE INTO index_cache (name, data) VALUES (?, ?)", (CACHE_NAME, pack(index))
    )


def _load(db: Database, at_open: bool) -> TimelineIndex:
    saved = db.read("SELECT data FROM index_cache WHERE name = ?", (CACHE_NAME,))
    index = unpack(saved[0][0], lambda events: index_kind(events, at_open)) if saved else None
    if index is None:
        built = _read_arrays(db)
        index = index_kind(len(built["ids"]), at_open)(**built)
        with suppress(StoreError):  # a read-only or busy file simply goes without
            _save(db, index)
    return index


def build_index(db: Database) -> TimelineIndex:
    """The index, read afresh from the tables."""
    return TimelineIndex(**_read_arrays(db))


def _read_arrays(db: Database) -> dict:
    themes = db.read("SELECT id, slug FROM themes ORDER BY position, id")
    rows = db.read(
        "SELECT id, start_day, end_day, primary_theme_id, importance FROM events "
        "ORDER BY sort_key, id"
    )
    reading = _RowReader(themes)
    masks_by_id = reading.masks(db.read("SELECT event_id, theme_id FROM event_themes"))
    sourcing = reading.sourcing(
        db.read(
            "SELECT event_id, COUNT(DISTINCT source_id), COUNT(*) FROM citations GROUP BY event_id"
        )
    )
    return {
        "ids": array("q", (r[0] for r in rows)),
        "starts": array("q", (r[1] for r in rows)),
        "ends": array("q", (r[2] for r in rows)),
        "masks": array("Q", (masks_by_id.get(r[0], 0) for r in rows)),
        "primary": array("b", (reading.bit.get(r[3], -1) for r in rows)),
        "ranks": array("H", (reading.rank(r, sourcing) for r in rows)),
        "theme_slugs": [slug for _, slug in themes],
    }


class _RowReader:
    """How an event's rows become what the index keeps: one place for the whole build and for
    the few events an edit touches."""

    def __init__(self, themes: list[tuple]) -> None:
        self.bit = {theme_id: i for i, (theme_id, _) in enumerate(themes)}

    def masks(self, pairs: Iterable[tuple[int, int]]) -> dict[int, int]:
        masks: dict[int, int] = {}
        for event_id, theme_id in pairs:
            masks[event_id] = masks.get(event_id, 0) | (1 << self.bit[theme_id])
        return masks

    @staticmethod
    def sourcing(rows: Iterable[tuple[int, int, int]]) -> dict[int, tuple[int, int]]:
        return {event_id: (sources, quotes) for event_id, sources, quotes in rows}

    @staticmethod
    def rank(row: tuple, sourcing: dict[int, tuple[int, int]]) -> int:
        event_id, start, end, _theme, importance = row[:5]
        if importance is not None:
            return int(importance) * RANK_SCALE
        sources, quotes = sourcing.get(event_id, (0, 0))
        return int(derived_score(sources, quotes, end - start) * RANK_SCALE)


def events_changed(db: Database, event_ids: Iterable[int], themes_changed: bool = False) -> None:
    """Call after writing these events (added, edited or deleted), in place of db.changed():
    the loaded index is brought up to date for just them, where a change of the themes
    themselves (added, removed, reordered) has it read again in full."""
    kept = _loaded.get(db)
    db.changed()
    if themes_changed or kept is None or kept[0] != db.generation - 1:
        return  # what is loaded is older than the file now: read afresh when next asked
    index = kept[1]
    wanted = sorted(set(event_ids))
    themes = db.read("SELECT id, slug FROM themes ORDER BY position, id")
    if [slug for _, slug in themes] != index.theme_slugs:
        return
    rows, sort_keys = _current_rows(db, wanted, _RowReader(themes))
    rows.sort(key=lambda row: (sort_keys[row.id], row.id))
    index.replace_events(wanted, rows, lambda ids, row: _place(db, ids, row, sort_keys[row.id]))
    _loaded[db] = (db.generation, index)


def _current_rows(
    db: Database, ids: list[int], reading: _RowReader
) -> tuple[list[IndexRow], dict[int, str]]:
    """The index's rows for those of these events that still exist, and their sort keys."""
    rows: list[IndexRow] = []
    sort_keys: dict[int, str] = {}
    for begin in range(0, len(ids), _BATCH):
        batch = ids[begin : begin + _BATCH]
        marks = ",".join("?" * len(batch))
        pairs = f"SELECT event_id, theme_id FROM event_themes WHERE event_id IN ({marks})"
        masks = reading.masks(db.read(pairs, batch))
        sourcing = reading.sourcing(
            db.read(
                "SELECT event_id, COUNT(DISTINCT source_id), COUNT(*) FROM citations "
                f"WHERE event_id IN ({marks}) GROUP BY event_id",
                batch,
            )
        )
        for row in db.read(
            "SELECT id, start_day, end_day, primary_theme_id, importance, sort_key FROM events "
            f"WHERE id IN ({marks})",
            batch,
        ):
            event_id, start, end, theme_id = row[:4]
            sort_keys[event_id] = row[5]
            rows.append(
                IndexRow(
                    event_id, start, end, masks.get(event_id, 0),
                    reading.bit.get(theme_id, -1), reading.rank(row, sourcing),
                )
            )  # fmt: skip
    return rows, sort_keys


def _place(db: Database, ids: Sequence, row: IndexRow, sort_key: str) -> int:
    """Where an event with this sort key goes among the ids, which are in the file's order
    (sort key, then id): a bisection that reads about twenty sort keys."""

    def key(position: int) -> tuple[str, int]:
        event_id = int(ids[position])
        return db.read("SELECT sort_key FROM events WHERE id = ?", (event_id,))[0][0], event_id

    return bisect_left(range(len(ids)), (sort_key, row.id), key=key)
