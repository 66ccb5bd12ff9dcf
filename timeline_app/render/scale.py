"""The time scale: which span of days the view shows, and where each day falls in pixels."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MIN_SPAN_DAYS = 3.0  # zoomed all the way in, a few days fill the width
MAX_SPAN_DAYS = 366.0 * 500  # zoomed all the way out, five centuries
FIRST_DAY = dt.date(1, 1, 1).toordinal()
LAST_DAY = dt.date(9999, 12, 31).toordinal()


@dataclass(frozen=True)
class TimeScale:
    """Maps days (proleptic Gregorian ordinals, as date.toordinal()) to x and back."""

    first_day: float
    last_day: float
    left: float
    width: float

    @classmethod
    def fit(
        cls, first_day: float, last_day: float, left: float, width: float, margin: float = 0.04
    ) -> TimeScale:
        """A scale that shows first_day to last_day with a little room on both sides."""
        span = max(last_day - first_day, 0.0)
        if span < 365:  # a single event or a short burst: show the year around it
            middle = (first_day + last_day) / 2
            first_day, last_day, span = middle - 183, middle + 183, 366.0
        pad = span * margin
        return cls._clamped(first_day - pad, last_day + pad, left, width)

    @classmethod
    def _clamped(cls, first_day: float, last_day: float, left: float, width: float) -> TimeScale:
        span = min(max(last_day - first_day, MIN_SPAN_DAYS), MAX_SPAN_DAYS)
        middle = (first_day + last_day) / 2
        first = min(max(middle - span / 2, FIRST_DAY), LAST_DAY - span)
        return cls(first, first + span, left, max(width, 1.0))

    @property
    def span(self) -> float:
        return self.last_day - self.first_day

    @property
    def days_per_pixel(self) -> float:
        return self.span / self.width

    def x(self, day: float) -> float:
        return self.left + (day - self.first_day) / self.days_per_pixel

    def day(self, x: float) -> float:
        return self.first_day + (x - self.left) * self.days_per_pixel

    def zoomed(self, factor: float, around_x: float) -> TimeScale:
        """Zoom in (factor > 1) or out, keeping the day under around_x where it is."""
        anchor = self.day(around_x)
        span = min(max(self.span / factor, MIN_SPAN_DAYS), MAX_SPAN_DAYS)
        share = (around_x - self.left) / self.width
        first = anchor - share * span
        return TimeScale._clamped(first, first + span, self.left, self.width)

    def panned(self, dx: float) -> TimeScale:
        """Move by dx pixels; positive dx brings earlier dates into view, like dragging right."""
        shift = -dx * self.days_per_pixel
        return TimeScale._clamped(
            self.first_day + shift, self.last_day + shift, self.left, self.width
        )

    def resized(self, left: float, width: float) -> TimeScale:
        return TimeScale(self.first_day, self.last_day, left, max(width, 1.0))
