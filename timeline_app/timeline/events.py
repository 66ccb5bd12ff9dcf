"""Events, their themes, and the quoted sources they rest on."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import MISSING, dataclass, field, fields

from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.importance import Importance

# Where an event's date comes from: the documents it cites, or well-established general
# knowledge that those documents do not state.
DOCUMENTS = "documents"
GENERAL_KNOWLEDGE = "general knowledge"
DATE_BASES = (DOCUMENTS, GENERAL_KNOWLEDGE)

# How one source can depend on another, so that the two are not independent witnesses.
DEPENDENCE_KINDS = ("paraphrases", "shares text")


@dataclass(frozen=True)
class Theme:
    slug: str
    name: str
    colour: str


@dataclass(frozen=True)
class Dependence:
    """This source is not independent of another: it paraphrases it, or shares text with it."""

    source_id: str  # the other source
    kind: str  # one of DEPENDENCE_KINDS
    note: str | None = None


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
    depends_on: tuple[Dependence, ...] = ()

    def has_web_link(self) -> bool:
        return bool(self.url) and self.url.lower().startswith(("http://", "https://"))

    def as_record(self) -> dict[str, object]:
        """The source's own fields as {name: value}: SOURCE_FIELDS, which are the columns of
        the store's sources table and the keys of a source in sources.toml and the JSON (its
        dependences on other sources are stored and written apart)."""
        return {name: getattr(self, name) for name in SOURCE_FIELDS}

    @classmethod
    def from_record(
        cls, record: Mapping[str, object], depends_on: Iterable[Dependence] = ()
    ) -> Source:
        """The source a record of SOURCE_FIELDS describes (missing optional fields take their
        defaults; other keys are ignored); KeyError names a missing required field."""
        values: dict[str, object] = {}
        for name in SOURCE_FIELDS:
            if record.get(name) is not None:
                values[name] = record[name]
            elif _SOURCE_DEFAULTS[name] is MISSING:
                raise KeyError(name)
        values["published_approximate"] = bool(values.get("published_approximate", False))
        return cls(**values, depends_on=tuple(depends_on))


_SOURCE_DEFAULTS = {f.name: f.default for f in fields(Source)}
SOURCE_FIELDS = tuple(name for name in _SOURCE_DEFAULTS if name != "depends_on")


@dataclass(frozen=True)
class Citation:
    """The exact words of one source that an event rests on."""

    quote: str
    source: Source
    # Its row in the store, for editing it; and VERIFIED, NOT_FOUND or UNVERIFIABLE
    # (timeline/quotes.py) as the store last checked it, None where not read from a store or
    # with no quote to check. Neither is part of what the citation says, so neither compares.
    id: int | None = field(default=None, compare=False)
    status: str | None = field(default=None, compare=False)
    # The sha256 of the archived document the quote was last found in (the store's
    # citations.verified_in), carried by the app's own JSON so its status survives the trip.
    verified_in: str | None = field(default=None, compare=False)


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
    date_basis: str = DOCUMENTS  # or GENERAL_KNOWLEDGE

    @property
    def cited_sources(self) -> int:
        """How many different sources the event quotes."""
        return len({citation.source.id for citation in self.citations})

    @property
    def independent_sources(self) -> int:
        """How many of them are independent: see independent_count."""
        return independent_count(citation.source for citation in self.citations)

    def dependences(self) -> list[tuple[Source, Dependence, Source]]:
        """Each cited source's dependence on another cited source: why they count as one."""
        cited = {citation.source.id: citation.source for citation in self.citations}
        return [
            (source, dependence, cited[dependence.source_id])
            for source in cited.values()
            for dependence in source.depends_on
            if dependence.source_id in cited
        ]


def independent_count(sources: Iterable[Source]) -> int:
    """How many independent witnesses these sources are. A source that depends on another one
    of them (paraphrases it, shares text with it) does not count again, in either direction."""
    cited = {source.id: source for source in sources}
    group = {source_id: source_id for source_id in cited}

    def root(source_id: str) -> str:
        while group[source_id] != source_id:
            source_id = group[source_id]
        return source_id

    for source in cited.values():
        for dependence in source.depends_on:
            if dependence.source_id in cited:
                group[root(source.id)] = root(dependence.source_id)
    return len({root(source_id) for source_id in cited})
