"""How much an event matters to the story: what the timeline labels first when room is short."""

from __future__ import annotations

from enum import IntEnum


class Importance(IntEnum):
    NORMAL = 0
    MAJOR = 1
    MILESTONE = 2

    @classmethod
    def parse(cls, text: str) -> Importance:
        """ "milestone", "major" or "normal", as the timeline's files write it."""
        try:
            return cls[text.strip().upper()]
        except KeyError:
            names = ", ".join(member.name.lower() for member in cls)
            raise ValueError(f"importance {text!r} is not one of {names}") from None

    @property
    def word(self) -> str:
        return self.name.lower()


def derived_score(independent_sources: int, quotes: int, span_days: int) -> float:
    """A stand-in for importance where the timeline gives none, below every stated level's
    next step: better sourced and longer events first. Between 0 and 1."""
    sourcing = min(independent_sources, 5) / 5 * 0.6 + min(quotes, 10) / 10 * 0.2
    length = min(max(span_days, 0), 3650) / 3650 * 0.2
    return min(sourcing + length, 0.999)
