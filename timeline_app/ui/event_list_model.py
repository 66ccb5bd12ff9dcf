"""The event list as a Qt model: the filtered ids in time order, rows fetched by the page.

The model never loads whole events: it holds the ids that pass the filter and asks the store for
the light EventLine rows of the page a view is looking at, keeping a few recent pages.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from timeline_app.store import queries
from timeline_app.store.database import Database
from timeline_app.store.queries import EventLine
from timeline_app.store.timeline_index import EventIds
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.wording.dates import span_label

# A page is read with one query of scattered rows: at a million events 200 rows took about
# 30 ms, 50 about 6 ms, and a list pane shows 20 to 40 rows.
PAGE_SIZE = 50
PAGES_KEPT = 64

_Index = QModelIndex | QPersistentModelIndex


class EventRole(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    DATE = Qt.ItemDataRole.UserRole + 2
    TITLE = Qt.ItemDataRole.UserRole + 3
    THEMES = Qt.ItemDataRole.UserRole + 4  # theme slugs, in the themes' order
    LINE = Qt.ItemDataRole.UserRole + 5  # the whole EventLine, for the list's painting


class EventListModel(QAbstractListModel):
    """One row per event that passes the filter, in chronological order."""

    def __init__(self, db: Database, parent=None, *, read_now: bool = True) -> None:
        """read_now=False: no rows until set_filter (a window sets the filter it restores, and
        a large timeline's ids are then read once, not twice)."""
        super().__init__(parent)
        self._db = db
        self._filter = TimelineFilter()
        self._ids = EventIds([], lambda _event_id: None)
        self._pages: OrderedDict[int, list[EventLine]] = OrderedDict()
        self._theme_names: dict[str, str] = {}
        self._names_read: tuple | None = None  # the file and its generation the names are from
        if read_now:
            self.reload()

    # -- what the window asks -------------------------------------------------------------------

    @property
    def ids(self) -> Sequence[int]:
        """The ids shown, in time order."""
        return self._ids

    @property
    def current_filter(self) -> TimelineFilter:
        return self._filter

    def set_database(self, db: Database) -> None:
        if db is self._db:  # the window's first database: read at start-up by set_filter
            return
        self._db = db
        self.reload()

    def set_filter(self, wanted: TimelineFilter) -> None:
        self._filter = wanted
        self.reload()

    def reload(self) -> None:
        """Ask the store again which events pass the filter."""
        self.beginResetModel()
        self._ids = queries.event_ids(self._db, self._filter)
        self._pages.clear()
        self.endResetModel()

    def row_of(self, event_id: int) -> int | None:
        return self._ids.row_of(event_id)

    def event_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def line(self, row: int) -> EventLine | None:
        """The row's date, title and themes, from the page cache or the store."""
        if not 0 <= row < len(self._ids):
            return None
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            page = queries.event_lines(
                self._db, self._ids[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
            )
            self._pages[number] = page
            while len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        offset = row - number * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def _names(self) -> dict[str, str]:
        """Theme names for tool tips, read when one is first asked for after a change to the
        file, not on every filter change (a query each)."""
        read = (id(self._db), self._db.generation)
        if read != self._names_read:
            self._theme_names = {theme.slug: theme.name for theme in queries.themes(self._db)}
            self._names_read = read
        return self._theme_names

    # -- QAbstractItemModel ---------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.parent().isValid():
            return None
        line = self.line(index.row())
        if line is None:
            return None
        if role == EventRole.LINE:
            return line
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{span_label(line.when)} — {line.title}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            names = self._names()
            themes = ", ".join(names.get(slug, slug) for slug in line.theme_slugs)
            return f"{span_label(line.when)}: {line.title} ({themes})"
        if role == EventRole.ID:
            return line.id
        if role == EventRole.DATE:
            return span_label(line.when)
        if role == EventRole.TITLE:
            return line.title
        if role == EventRole.THEMES:
            return list(line.theme_slugs)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        names.update({
            EventRole.ID: b"eventId", EventRole.DATE: b"date",
            EventRole.TITLE: b"title", EventRole.THEMES: b"themes", EventRole.LINE: b"line",
        })  # fmt: skip
        return names
