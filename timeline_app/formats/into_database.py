"""A new timeline file from a stream of records, appearing only once it is complete."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from timeline_app.formats.errors import FormatError, ImportCancelled
from timeline_app.part_files import new_part, remove_abandoned_parts
from timeline_app.store.background_writer import BackgroundWriter
from timeline_app.store.build import compact_to_one_file
from timeline_app.store.bulk import IndexesSetAside
from timeline_app.store.database import Database, open_database
from timeline_app.store.event_batches import EventBatch
from timeline_app.store.indexing import index_of
from timeline_app.store.writing import (
    add_archived_texts,
    add_source_relations,
    add_sources,
    add_themes,
    first_new_event_id,
    set_setting,
    store_batch,
)
from timeline_app.timeline.document import ArchivedText, Record, SourceDependence, TimelineInfo
from timeline_app.timeline.events import Event, Source, Theme

_BATCH = 5000
_FREE_SHARE = 0.1  # of the new file's pages left free rather than rewrite the file


class TargetExists(FormatError):
    """The file an import would create is already there; it is never replaced."""


def _never() -> bool:
    return False


def create_timeline(
    records: Iterable[Record], target: Path, cancelled: Callable[[], bool] = _never
) -> int:
    """Write the records into a new timeline file at target; returns how many events.

    The file is built beside target under a hidden name and moved into place only when it is
    whole; an existing target is refused, before and after the work. On any error or a
    cancellation (an exception from the records, or `cancelled()` true between the steps that
    follow the reading), nothing is left behind.
    """

    def go_on(_db: Database | None = None) -> None:
        # The steps after the reading take as long as it does at a million events; Cancel
        # pressed then is heard at the next step.
        if cancelled():
            raise ImportCancelled

    target = Path(target)
    if target.exists():
        raise TargetExists(target, "already exists; an import never replaces a file")
    remove_abandoned_parts(target.parent)  # of imports killed before they could clean up
    temporary = new_part(target)
    try:
        db = open_database(temporary, create=True)
        try:
            db.build_unseen()
            indexes = IndexesSetAside()
            with BackgroundWriter(db) as writer:
                writer.put(indexes.drop)
                count = _Writer(db, writer).write(records)
                writer.put(go_on)  # on the writer's thread, once the last rows are in
                writer.put(indexes.make_again)
            go_on()
            db.changed()
            index_of(db)  # built and saved inside the file, so opening it never has to write
        finally:
            db.close()
        go_on()
        compact_to_one_file(temporary, free_share=_FREE_SHARE)
        go_on()
        _move_into_place(temporary, target)
        return count
    finally:
        for leftover in (temporary, *temporary.parent.glob(temporary.name + "-*")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _move_into_place(temporary: Path, target: Path) -> None:
    try:
        os.link(temporary, target)  # fails, rather than replaces, if target appeared meanwhile
    except FileExistsError as error:
        raise TargetExists(target, "already exists; an import never replaces a file") from error
    except OSError:  # a file system without hard links
        if target.exists():
            raise TargetExists(target, "already exists; an import never replaces a file") from None
        os.replace(temporary, target)
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Have the new name reach the disk with the file (compacting synced its content): after a
    power cut, the imported file is then there, not only the part that is later removed."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:  # a system where folders cannot be opened (Windows): its rename is enough
        return
    try:
        with contextlib.suppress(OSError):  # a file system that does not sync folders
            os.fsync(handle)
    finally:
        os.close(handle)


class _Writer:
    """Stores records as they come: themes and sources before the first event that needs them.

    The rows of each batch of events are made here, on the reader's thread, and stored on the
    writer's (store.background_writer), so reading and SQLite's work overlap."""

    def __init__(self, db: Database, writer: BackgroundWriter) -> None:
        self.db = db
        self.writer = writer
        self.next_id = first_new_event_id(db)
        self.themes: set[str] = set()
        self.sources: set[str] = set()
        self.new_themes: list[Theme] = []
        self.new_sources: list[Source] = []
        self.dependences: list[SourceDependence] = []
        self.texts: list[ArchivedText] = []
        self.events: list[Event] = []
        self.count = 0

    def write(self, records: Iterable[Record]) -> int:
        for record in records:
            if isinstance(record, Event):
                self._event(record)
            elif isinstance(record, Theme):
                self._theme(record)
            elif isinstance(record, Source):
                self._source(record)
            elif isinstance(record, SourceDependence):
                self.dependences.append(record)
            elif isinstance(record, ArchivedText):
                self.texts.append(record)
            elif isinstance(record, TimelineInfo):
                self.writer.put(partial(set_setting, key="title", value=record.title))
                if record.description:
                    self.writer.put(
                        partial(set_setting, key="description", value=record.description)
                    )
        self._flush()
        self.writer.put(partial(add_source_relations, relations=self.dependences))
        self.writer.put(partial(add_archived_texts, texts=self.texts))
        return self.count

    def _theme(self, theme: Theme) -> None:
        if theme.slug not in self.themes:
            self.themes.add(theme.slug)
            self.new_themes.append(theme)

    def _source(self, source: Source) -> None:
        if source.id not in self.sources:
            self.sources.add(source.id)
            self.new_sources.append(source)

    def _event(self, event: Event) -> None:
        for theme in event.themes:
            self._theme(theme)
        for citation in event.citations:
            self._source(citation.source)
        self.events.append(event)
        self.count += 1
        if len(self.events) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        if self.new_themes:
            self.writer.put(partial(add_themes, themes=self.new_themes))
        if self.new_sources:
            self.writer.put(partial(add_sources, sources=self.new_sources))
        if self.events:
            batch = EventBatch.of(self.events, self.next_id)
            self.writer.put(partial(store_batch, batch=batch))
            self.next_id += len(batch)
        self.new_themes, self.new_sources, self.events = [], [], []
