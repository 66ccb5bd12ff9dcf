"""Axis ticks that adapt from centuries and decades down to months and days."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from timeline_app.render.scale import TimeScale
from timeline_app.wording.dates import month_abbreviation

_YEAR_STEPS = (100, 50, 20, 10, 5, 2, 1)
_MONTH_STEPS = (6, 3, 1)
_DAY_STEPS = (14, 7, 2, 1)


@dataclass(frozen=True)
class Tick:
    day: int
    label: str


def ticks(scale: TimeScale, min_spacing: float = 70.0) -> list[Tick]:
    """Ticks at the finest calendar step whose labels stay at least min_spacing pixels apart."""
    first = dt.date.fromordinal(max(int(scale.first_day), 1))
    last = dt.date.fromordinal(max(int(scale.last_day) + 1, 1))
    days_between = min_spacing * scale.days_per_pixel
    for step in reversed(_DAY_STEPS):
        if step >= days_between:
            return _day_ticks(first, last, step)
    for step in reversed(_MONTH_STEPS):
        if step * 30.4 >= days_between:
            return _month_ticks(first, last, step)
    for step in reversed(_YEAR_STEPS):
        if step * 365.25 >= days_between:
            return _year_ticks(first, last, step)
    return _year_ticks(first, last, 100)


def _year_ticks(first: dt.date, last: dt.date, step: int) -> list[Tick]:
    start = (first.year // step + 1) * step if first.year % step else first.year
    if dt.date(start, 1, 1) < first:
        start += step
    return [
        Tick(dt.date(year, 1, 1).toordinal(), str(year))
        for year in range(max(start, 1), min(last.year, 9999) + 1, step)
    ]


def _month_ticks(first: dt.date, last: dt.date, step: int) -> list[Tick]:
    result = []
    year, month = first.year, first.month
    if first.day > 1:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    while (year, month) <= (last.year, last.month):
        if (month - 1) % step == 0:
            name = month_abbreviation(month)
            label = f"{name} {year}" if month == 1 or not result else name
            result.append(Tick(dt.date(year, month, 1).toordinal(), label))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def _day_ticks(first: dt.date, last: dt.date, step: int) -> list[Tick]:
    result = []
    day = first
    while day <= last:
        if (day.day - 1) % step == 0 and day.day <= 28 or day.day == 1:
            month = month_abbreviation(day.month)
            label = f"{day.day} {month} {day.year}" if not result or day.day == 1 else str(day.day)
            result.append(Tick(day.toordinal(), label))
        day += dt.timedelta(days=1)
    return result
