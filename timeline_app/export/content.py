"""What an exported document holds: its title, filter and numbered sources, read before any
drawing starts, and its events, read from the store a batch at a time whenever they are gone
through, so an export of any size holds only one batch of events in memory."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from timeline_app.store import queries
from timeline_app.store.database import Database
from timeline_app.timeline.dates import PartialDate
from timeline_app.timeline.events import Event, Source, Theme
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.wording.dates import date_label
from timeline_app.wording.filters import describe_filter


@dataclass(frozen=True)
class NumberedSources:
    """Every cited source once, numbered in the order the document first quotes it."""

    sources: tuple[Source, ...]
    numbers: dict[str, int]  # source id → citation number, from 1

    @classmethod
    def cited_by(cls, events: Iterable[Event]) -> NumberedSources:
        numbers: dict[str, int] = {}
        cited: list[Source] = []
        for event in events:
            for citation in event.citations:
                if citation.source.id not in numbers:
                    numbers[citation.source.id] = len(cited) + 1
                    cited.append(citation.source)
        return cls(tuple(cited), numbers)

    def number(self, source: Source) -> int:
        return self.numbers[source.id]


class StoredEvents(Sequence[Event]):
    """The exported events in order, read from the store a batch at a time when gone through:
    a list's questions (len, in order) without a list's memory."""

    BATCH = 500

    def __init__(self, db: Database, ids: Sequence[int]) -> None:
        self.db = db
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[Event]:
        for start in range(0, len(self.ids), self.BATCH):
            yield from queries.events(self.db, list(self.ids[start : start + self.BATCH]))

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return queries.events(self.db, list(self.ids[index]))
        return queries.events(self.db, [self.ids[index]])[0]


@dataclass(frozen=True)
class ExportContent:
    """The exported events with everything the document says about them."""

    title: str
    wanted: TimelineFilter
    filter_words: str
    exported_on: dt.date
    events: Sequence[Event]
    timeline_events: int
    themes: tuple[Theme, ...]
    sources: NumberedSources
    used_themes: frozenset[str]  # slugs of the themes the exported events carry

    @property
    def exported_on_label(self) -> str:
        day = self.exported_on
        return date_label(PartialDate(day.year, day.month, day.day))

    @property
    def theme_names(self) -> list[str]:
        """The names of the themes the exported events carry, in the timeline's order."""
        return [theme.name for theme in self.themes if theme.slug in self.used_themes]


def gather(
    db: Database, wanted: TimelineFilter, title: str | None = None, today: dt.date | None = None
) -> ExportContent:
    """Read everything the export needs in a few queries (never one per event)."""
    themes = tuple(queries.themes(db))
    events = StoredEvents(db, queries.event_ids(db, wanted))
    used: set[str] = set()

    def noting_themes(events: Iterable[Event]) -> Iterator[Event]:
        for event in events:
            used.update(theme.slug for theme in event.themes)
            yield event

    sources = NumberedSources.cited_by(noting_themes(events))  # one pass for both
    return ExportContent(
        title=title.strip() if title and title.strip() else queries.timeline_title(db),
        wanted=wanted,
        filter_words=describe_filter(wanted, {theme.slug: theme.name for theme in themes}),
        exported_on=today or dt.date.today(),
        events=events,
        timeline_events=queries.total_events(db),
        themes=themes,
        sources=sources,
        used_themes=frozenset(used),
    )
