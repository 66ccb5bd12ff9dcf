"""Reading the timeline from its human-readable TOML files (themes, sources, events)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.events import (
    DATE_BASES,
    DEPENDENCE_KINDS,
    DOCUMENTS,
    Citation,
    Dependence,
    Event,
    Source,
    Theme,
)
from timeline_app.timeline.importance import Importance


class TextSourceError(ValueError):
    """The TOML files disagree with themselves: a missing key, an unknown theme or source."""


@dataclass(frozen=True)
class TimelineText:
    title: str
    themes: tuple[Theme, ...]
    sources: tuple[Source, ...]
    events: tuple[Event, ...]


def load_timeline_text(folder: Path) -> TimelineText:
    """Read themes.toml, sources.toml and events.toml from one folder."""
    themes_doc = _read(folder / "themes.toml")
    themes = tuple(Theme(t["slug"], t["name"], t["colour"]) for t in themes_doc.get("theme", []))
    sources = tuple(_source(s) for s in _read(folder / "sources.toml").get("source", []))
    by_slug = {t.slug: t for t in themes}
    by_source = {s.id: s for s in sources}
    for source in sources:
        for dependence in source.depends_on:
            if dependence.source_id not in by_source or dependence.source_id == source.id:
                raise TextSourceError(
                    f"source {source.id}: depends on {dependence.source_id!r}, "
                    "which is not another source"
                )
    events = tuple(
        _event(raw, by_slug, by_source) for raw in _read(folder / "events.toml").get("event", [])
    )
    keys = [e.key for e in events]
    if len(set(keys)) != len(keys):
        raise TextSourceError("two events share an id")
    return TimelineText(themes_doc.get("title", "Timeline"), themes, sources, events)


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise TextSourceError(f"{path.name}: {error}") from error


def _source(raw: dict) -> Source:
    raw_id = raw.get("id", "?")
    depends_on = (_dependence(raw_id, d) for d in raw.get("depends_on", []))
    try:
        return Source.from_record(raw, depends_on)
    except KeyError as error:
        raise TextSourceError(f"source {raw_id}: missing {error}") from error


def _dependence(source_id: str, raw: dict) -> Dependence:
    kind = raw.get("kind")
    if "id" not in raw or kind not in DEPENDENCE_KINDS:
        kinds = ", ".join(DEPENDENCE_KINDS)
        raise TextSourceError(f"source {source_id}: a dependence needs an id and a kind ({kinds})")
    return Dependence(raw["id"], kind, raw.get("note"))


def _event(raw: dict, themes: dict[str, Theme], sources: dict[str, Source]) -> Event:
    key = raw.get("id", "?")
    try:
        when = DateSpan.parse(raw["start"], raw.get("end"), bool(raw.get("approximate", False)))
        event_themes = tuple(themes[slug] for slug in raw["themes"])
        citations = tuple(
            Citation(c["quote"], sources[c["source"]]) for c in raw.get("citation", [])
        )
        importance = Importance.parse(raw["importance"]) if "importance" in raw else None
        date_basis = raw.get("date_basis", DOCUMENTS)
        if date_basis not in DATE_BASES:
            raise ValueError(f"date_basis {date_basis!r} is not one of {', '.join(DATE_BASES)}")
        return Event(
            key, when, raw["title"], raw["summary"], event_themes, citations,
            importance=importance, date_basis=date_basis,
        )  # fmt: skip
    except KeyError as error:
        raise TextSourceError(f"event {key}: unknown or missing {error}") from error
    except ValueError as error:  # a date or an importance the app cannot read
        raise TextSourceError(f"event {key}: {error}") from error
