"""The in-memory index of an open database: loaded from the copy saved in the file when it is
current, otherwise built and saved; kept per database until the database says it changed."""

from __future__ import annotations

from array import array
from contextlib import suppress
from weakref import WeakKeyDictionary

from timeline_app.store.database import Database
from timeline_app.store.errors import StoreError
from timeline_app.store.timeline_index import CACHE_NAME, RANK_SCALE, TimelineIndex, pack, unpack
from timeline_app.timeline.importance import derived_score

_loaded: WeakKeyDictionary[Database, tuple[int, TimelineIndex]] = WeakKeyDictionary()


def index_of(db: Database) -> TimelineIndex:
    """The index of the database as it is now."""
    kept = _loaded.get(db)
    if kept is not None and kept[0] == db.generation:
        return kept[1]
    index = _load(db)
    _loaded[db] = (db.generation, index)
    return index


def _load(db: Database) -> TimelineIndex:
    saved = db.read("SELECT data FROM index_cache WHERE name = ?", (CACHE_NAME,))
    index = unpack(saved[0][0]) if saved else None
    if index is None:
        index = build_index(db)
        with suppress(StoreError):  # a read-only or busy file simply goes without
            db.write(
                "INSERT OR REPLACE INTO index_cache (name, data) VALUES (?, ?)",
                (CACHE_NAME, pack(index)),
            )
    return index


def build_index(db: Database) -> TimelineIndex:
    """The index, read afresh from the tables."""
    themes = db.read("SELECT id, slug FROM themes ORDER BY position, id")
    bit = {theme_id: i for i, (theme_id, _) in enumerate(themes)}
    rows = db.read(
        "SELECT id, start_day, end_day, primary_theme_id, importance FROM events "
        "ORDER BY sort_key, id"
    )
    masks_by_id: dict[int, int] = {}
    for event_id, theme_id in db.read("SELECT event_id, theme_id FROM event_themes"):
        masks_by_id[event_id] = masks_by_id.get(event_id, 0) | (1 << bit[theme_id])
    sourcing = {
        event_id: (sources, quotes)
        for event_id, sources, quotes in db.read(
            "SELECT event_id, COUNT(DISTINCT source_id), COUNT(*) FROM citations GROUP BY event_id"
        )
    }

    def rank(row: tuple) -> int:
        event_id, start, end, _theme, importance = row
        if importance is not None:
            return int(importance) * RANK_SCALE
        sources, quotes = sourcing.get(event_id, (0, 0))
        return int(derived_score(sources, quotes, end - start) * RANK_SCALE)

    return TimelineIndex(
        ids=array("q", (r[0] for r in rows)),
        starts=array("q", (r[1] for r in rows)),
        ends=array("q", (r[2] for r in rows)),
        masks=array("Q", (masks_by_id.get(r[0], 0) for r in rows)),
        primary=array("b", (bit.get(r[3], -1) for r in rows)),
        ranks=array("H", (rank(r) for r in rows)),
        theme_slugs=[slug for _, slug in themes],
    )
