"""A new timeline file from a stream of records, appearing only once it is complete."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from timeline_app.formats.errors import FormatError
from timeline_app.part_files import new_part, remove_abandoned_parts
from timeline_app.store.build import compact_to_one_file
from timeline_app.store.database import Database, open_database
from timeline_app.store.indexing import index_of
from timeline_app.store.writing import (
    add_archived_texts,
    add_events,
    add_source_relations,
    add_sources,
    add_themes,
    set_setting,
)
from timeline_app.timeline.document import ArchivedText, Record, SourceDependence, TimelineInfo
from timeline_app.timeline.events import Event, Source, Theme

_BATCH = 5000


class TargetExists(FormatError):
    """The file an import would create is already there; it is never replaced."""


def create_timeline(records: Iterable[Record], target: Path) -> int:
    """Write the records into a new timeline file at target; returns how many events.

    The file is built beside target under a hidden name and moved into place only when it is
    whole; an existing target is refused, before and after the work. On any error or a
    cancellation (an exception from the records), nothing is left behind.
    """
    target = Path(target)
    if target.exists():
        raise TargetExists(target, "already exists; an import never replaces a file")
    remove_abandoned_parts(target.parent)  # of imports killed before they could clean up
    temporary = new_part(target)
    try:
        db = open_database(temporary, create=True)
        try:
            db.build_unseen()
            count = _Writer(db).write(records)
            index_of(db)  # built and saved inside the file, so opening it never has to write
        finally:
            db.close()
        compact_to_one_file(temporary)
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


class _Writer:
    """Stores records as they come: themes and sources before the first event that needs them."""

    def __init__(self, db: Database) -> None:
        self.db = db
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
                set_setting(self.db, "title", record.title)
                if record.description:
                    set_setting(self.db, "description", record.description)
        self._flush()
        add_source_relations(self.db, self.dependences)
        add_archived_texts(self.db, self.texts)
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
        add_themes(self.db, self.new_themes)
        add_sources(self.db, self.new_sources)
        add_events(self.db, self.events)
        self.new_themes, self.new_sources, self.events = [], [], []
