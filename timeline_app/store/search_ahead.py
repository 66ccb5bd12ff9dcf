"""Asking SQLite for a search's matches while the window waits out the pause after a keystroke.

The window applies a search a moment after the reader stops typing (ui/filter_panel.py's
SEARCH_DELAY_MS). At a million events the full-text query alone takes about as long as the rest
of the search together (a two-letter prefix finds over 100,000 events), so each keystroke starts
it at once, in a thread, on a read-only connection of its own: by the time the search is
applied its matches are usually waiting. A newer keystroke interrupts the older query; an edit
in between (the database's generation moves on) has the answer read again.

Any write through the Database stops the search first (database.before_each_write): in a file
with a rollback journal its read would hold off the write's commit. A search keeps the file's
path and identity, not the Database, so a window's Database closed and dropped goes with it.
"""

from __future__ import annotations

import sqlite3
import threading
from weakref import WeakKeyDictionary

from timeline_app.store.database import Database, before_each_write, reading_connection
from timeline_app.store.errors import StoreError
from timeline_app.store.search import FOUND_IDS, NOTHING, found_ids, fts_query


class _Search(threading.Thread):
    """One full-text query running on its own connection; `found` is None until it answers,
    and stays None if it was interrupted or failed (the window then asks in the usual way)."""

    def __init__(self, db: Database, query: str) -> None:
        super().__init__(name="search-ahead", daemon=True)
        self.query = query
        self.generation = db.generation
        self.found: str | None = None
        self._path = db.path
        self._identity = db.identity
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._stopped = False

    def run(self) -> None:
        try:
            connection = reading_connection(self._path, self._identity)
        except StoreError:  # the file cannot be opened, or is no longer the window's file
            return
        try:
            with self._lock:
                if self._stopped:
                    return
                self._connection = connection
            row = connection.execute(FOUND_IDS, (self.query,)).fetchone()
            self.found = (row[0] if row else None) or ""
        except sqlite3.Error:  # interrupted by a newer keystroke, or the file is busy
            self.found = None
        finally:
            with self._lock:
                self._connection = None
            connection.close()

    def stop(self) -> None:
        """Interrupt the query (it ends with no answer)."""
        with self._lock:
            self._stopped = True
            if self._connection is not None:
                self._connection.interrupt()

    def answers(self, db: Database, query: str | None) -> bool:
        return query == self.query and db.generation == self.generation


_running: WeakKeyDictionary[Database, _Search] = WeakKeyDictionary()


def search_ahead(db: Database, text: str) -> None:
    """Start finding the events that match `text`, in a thread; a newer call stops an older
    search of the same database that is not for the same words."""
    query = fts_query(text)
    older = _running.get(db)
    if older is not None:
        if older.answers(db, query):
            return  # already on it: the same words (or a space more)
        older.stop()
        del _running[db]
    if query is None or query == NOTHING:
        return  # nothing to search for, or nothing it could find
    search = _Search(db, query)
    _running[db] = search
    search.start()


def found_ids_ahead(db: Database, text: str) -> str:
    """search.found_ids, taken from the search started ahead for the same words when there is
    one (waiting for it to finish), else asked now."""
    query = fts_query(text)
    ahead = _running.pop(db, None)
    if ahead is not None:
        if ahead.answers(db, query):
            ahead.join()
            if ahead.found is not None:
                return ahead.found
        else:
            ahead.stop()
    return found_ids(db, text)


def stop_searching(db: Database) -> None:
    """Stop any search started ahead for this database (it is being closed, or written to)."""
    ahead = _running.pop(db, None)
    if ahead is not None:
        ahead.stop()
        ahead.join()


before_each_write(stop_searching)
