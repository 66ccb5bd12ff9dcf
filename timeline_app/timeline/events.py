"""Events, their themes, and the quoted sources they rest on."""

from __future__ import annotations

from dataclasses import dataclass, field

from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.importance import Importance


@dataclass(frozen=True)
class Theme:
    slug: str
    name: str
    colour: str


@dataclass(frozen=True)
class Source:
    """A document quotes come from, described only by what the document itself shows."""

    id: str
    title: str
    archive: str
    publisher: str | None = None
    author: str | None = None
    published: str | None = None
    published_approximate: bool = False
    url: str | None = None
    note: str | None = None

    def has_web_link(self) -> bool:
        return bool(self.url) and self.url.lower().startswith(("http://", "https://"))


@dataclass(frozen=True)
class Citation:
    """The exact words of one source that an event rests on."""

    quote: str
    source: Source


@dataclass(frozen=True)
class Event:
    key: str
    when: DateSpan
    title: str
    summary: str
    themes: tuple[Theme, ...]
    citations: tuple[Citation, ...] = field(default=())
    id: int | None = None
    importance: Importance | None = None  # None: the timeline does not say
    date_basis: str = "documents"  # or "general knowledge"
