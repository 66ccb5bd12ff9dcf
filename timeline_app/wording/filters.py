"""A filter in words: "Themes: Energy, Trade & Economy · 2006–2024 · Search: “oil”"."""

from __future__ import annotations

from collections.abc import Mapping

from timeline_app.timeline.filter import TimelineFilter
from timeline_app.wording.translation import translate


def describe_filter(wanted: TimelineFilter, theme_names: Mapping[str, str]) -> str:
    """The filter as the window's status line and the PDF's heading say it."""
    parts = []
    if wanted.themes:
        names = ", ".join(sorted(theme_names.get(slug, slug) for slug in wanted.themes))
        parts.append(translate("filters", "Themes: {names}").format(names=names))
    if wanted.first_year or wanted.last_year:
        first = str(wanted.first_year) if wanted.first_year else "…"
        last = str(wanted.last_year) if wanted.last_year else "…"
        parts.append(translate("filters", "{first}–{last}").format(first=first, last=last))
    if wanted.search.strip():
        search = wanted.search.strip()
        parts.append(translate("filters", "Search: “{text}”").format(text=search))
    return " · ".join(parts) if parts else translate("filters", "All events")
