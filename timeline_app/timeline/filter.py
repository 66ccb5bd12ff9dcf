"""What the reader has narrowed the timeline to: themes, a span of years, a search."""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class TimelineFilter:
    """Themes combine as any-of; the kinds of filter combine with AND. Empty means everything."""

    themes: frozenset[str] = field(default_factory=frozenset)  # theme slugs
    first_year: int | None = None
    last_year: int | None = None
    search: str = ""

    def is_empty(self) -> bool:
        return not (self.themes or self.first_year or self.last_year or self.search.strip())

    def with_themes(self, themes: frozenset[str]) -> TimelineFilter:
        return replace(self, themes=frozenset(themes))
