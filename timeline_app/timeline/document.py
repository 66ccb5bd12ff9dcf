"""A whole timeline as a stream of records: what importers produce and exporters consume.

A stream starts with a TimelineInfo, then gives themes, sources and how sources depend on one
another, then events. An event may also bring themes and sources not announced before it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from timeline_app.timeline.events import Event, Source, Theme
from timeline_app.timeline.theme_names import theme_name_key


@dataclass(frozen=True)
class TimelineInfo:
    title: str
    description: str = ""


@dataclass(frozen=True)
class SourceDependence:
    """One source depending on another: it paraphrases it, or shares stock sentences with it."""

    source_id: str
    depends_on_id: str
    kind: str
    note: str | None = None


@dataclass(frozen=True)
class ArchivedText:
    """The text of the document a source's quotes come from, as the user stored it."""

    source_id: str
    text: str


Record = TimelineInfo | Theme | Source | SourceDependence | ArchivedText | Event

# Okabe–Ito: distinct for colour-blind readers; new themes take them in turn.
THEME_COLOURS = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
)  # fmt: skip


def slug_of(name: str) -> str:
    """ "Defense & Security" → "defense-security": ASCII, lower case, hyphens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "theme"


class ThemeBook:
    """The themes met while reading a file, by name: each new name becomes a theme once."""

    def __init__(self) -> None:
        self._by_name: dict[str, Theme] = {}
        self._slugs: set[str] = set()

    def theme(self, name: str, colour: str | None = None) -> Theme:
        name = " ".join(name.split())
        known = self._by_name.get(theme_name_key(name))
        if known is not None:
            return known
        slug, n = slug_of(name), 2
        while slug in self._slugs:
            slug, n = f"{slug_of(name)}-{n}", n + 1
        theme = Theme(slug, name, colour or THEME_COLOURS[len(self._slugs) % len(THEME_COLOURS)])
        self._by_name[theme_name_key(name)] = theme
        self._slugs.add(slug)
        return theme


class SourceBook:
    """The sources met while reading a file: one per URL (or per title when there is none)."""

    def __init__(self) -> None:
        self._known: dict[str, Source] = {}

    def source(self, title: str, url: str | None = None, publisher: str | None = None) -> Source:
        key = url or f"title:{title}"
        known = self._known.get(key)
        if known is None:
            known = Source(
                id=f"s{len(self._known) + 1}", title=title or url or "?", archive="",
                publisher=publisher or None, url=url or None,
            )  # fmt: skip
            self._known[key] = known
        return known


class KeyBook:
    """Event keys, unique within a file: a repeated or missing key gets a numbered one."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def key(self, wanted: str | None, number: int) -> str:
        key = base = (wanted or "").strip() or f"e{number}"
        n = number
        while key in self._used:
            key, n = f"{base}-{n}", n + 1
        self._used.add(key)
        return key
