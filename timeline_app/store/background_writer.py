"""Writing a new timeline on a thread of its own while the caller reads the next records.

Most of an import's writing is SQLite's own work (the search index's most of all), done in calls
that let go of Python's lock (event_batches.py); on a thread, it runs beside the reader's Python
instead of after it. Writes happen one at a time, in the order given, on the database's one
connection; a few wait in a short queue, so memory stays bounded however long the file.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from types import TracebackType

from timeline_app.store.database import Database

Write = Callable[[Database], None]


class BackgroundWriter:
    """Runs writes on its thread in order. Use it as a context manager: leaving the block waits
    for the last write and raises the first write's error, if any; leaving it by an exception
    (an error or a cancelled import) drops the writes not yet begun."""

    def __init__(self, db: Database, waiting: int = 2) -> None:
        self.db = db
        self._writes: queue.Queue[Write | None] = queue.Queue(maxsize=waiting)
        self._error: BaseException | None = None
        self._dropping = False
        self._thread = threading.Thread(target=self._run, name="timeline writer", daemon=True)
        self._thread.start()

    def put(self, write: Write) -> None:
        """Queue a write, waiting while the queue is full; raises an earlier write's error."""
        self._raise_error()
        self._writes.put(write)

    def __enter__(self) -> BackgroundWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._dropping = kind is not None
        self._writes.put(None)
        self._thread.join()
        if kind is None:
            self._raise_error()

    def _raise_error(self) -> None:
        if self._error is not None:
            raise self._error

    def _run(self) -> None:
        while (write := self._writes.get()) is not None:
            if self._error is not None or self._dropping:
                continue  # the caller will hear of the error, or has given up: only drain
            try:
                write(self.db)
            except BaseException as error:  # handed to the caller's thread
                self._error = error
