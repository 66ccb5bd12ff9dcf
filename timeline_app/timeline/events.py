"""Events, their themes, and the quoted sources they rest on."""

from __future__ import annotations

from dataclasses import dataclass, field

from timeline_app.timeline.dates import DateSpan, PartialDate
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

    def attribution(self) -> str:
        """ "Title", Publisher or Author, date — as a reader cites it."""
        parts = [f"“{self.title}”"]
        by = ", ".join(part for part in (self.author, self.publisher) if part)
        if by:
            parts.append(by)
        if self.published:
            date = PartialDate.parse(self.published).label()
            parts.append(f"c. {date}" if self.published_approximate else date)
        return ", ".join(parts)

    def has_web_link(self) -> bool:
        return bool(self.url) and self.url.lower().startswith(("http://", "https://"))


@dataclass(frozen=True)
class Citation:
    """The exact words of one source that an event rests on."""

    quote: str
    source: Source

    def as_text(self) -> str:
        """The quote with its attribution, ready to paste into a paper."""
        return f"“{self.quote}” — {self.source.attribution()}"


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
