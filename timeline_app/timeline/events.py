"""Events, their themes, and the quoted sources they rest on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, asdict, dataclass, field, fields

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

    def as_record(self) -> dict[str, object]:
        """The source as {field: value}: the keys are SOURCE_FIELDS, the columns of the store's
        sources table and the keys of sources.toml."""
        return asdict(self)

    @classmethod
    def from_record(cls, record: Mapping[str, object]) -> Source:
        """The source a record describes (missing optional fields take their defaults);
        KeyError names a missing required one."""
        values = {}
        for name, default in _SOURCE_DEFAULTS.items():
            if name in record and record[name] is not None:
                values[name] = record[name]
            elif default is MISSING:
                raise KeyError(name)
        values["published_approximate"] = bool(values.get("published_approximate", False))
        return cls(**values)


_SOURCE_DEFAULTS = {f.name: f.default for f in fields(Source)}
SOURCE_FIELDS = tuple(_SOURCE_DEFAULTS)


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
