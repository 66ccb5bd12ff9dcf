"""What an exported document holds, read from the store once, before any drawing starts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from timeline_app.store import queries
from timeline_app.store.database import Database
from timeline_app.timeline.dates import PartialDate
from timeline_app.timeline.events import Event, Source, Theme
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.wording.dates import date_label


@dataclass(frozen=True)
class NumberedSources:
    """Every cited source once, numbered in the order the document first quotes it."""

    sources: tuple[Source, ...]
    numbers: dict[str, int]  # source id → citation number, from 1

    @classmethod
    def cited_by(cls, events: list[Event]) -> NumberedSources:
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


@dataclass(frozen=True)
class ExportContent:
    """The exported events with everything the document says about them."""

    title: str
    wanted: TimelineFilter
    filter_words: str
    exported_on: dt.date
    events: list[Event]
    timeline_events: int
    themes: tuple[Theme, ...]
    sources: NumberedSources

    @property
    def exported_on_label(self) -> str:
        day = self.exported_on
        return date_label(PartialDate(day.year, day.month, day.day))

    @property
    def theme_names(self) -> list[str]:
        """The names of the themes the exported events carry, in the timeline's order."""
        used = {theme.slug for event in self.events for theme in event.themes}
        return [theme.name for theme in self.themes if theme.slug in used]


def gather(
    db: Database, wanted: TimelineFilter, title: str | None = None, today: dt.date | None = None
) -> ExportContent:
    """Read everything the export needs in a few queries (never one per event)."""
    themes = tuple(queries.themes(db))
    events = queries.filtered_events(db, wanted)
    return ExportContent(
        title=title.strip() if title and title.strip() else queries.timeline_title(db),
        wanted=wanted,
        filter_words=wanted.describe({theme.slug: theme.name for theme in themes}),
        exported_on=today or dt.date.today(),
        events=events,
        timeline_events=queries.total_events(db),
        themes=themes,
        sources=NumberedSources.cited_by(events),
    )
