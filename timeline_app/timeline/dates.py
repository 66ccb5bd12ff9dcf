"""Partial dates: a year is a year, a month a month, and a period has an end."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import IntEnum

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class Precision(IntEnum):
    YEAR = 1
    MONTH = 2
    DAY = 3


def precision_of(iso: str) -> Precision:
    """The precision of a date already known to be well formed ("1991", "2006-07", …)."""
    return {4: Precision.YEAR, 7: Precision.MONTH}.get(len(iso), Precision.DAY)


class DateError(ValueError):
    """A date string that is not a year, a year-month or a full ISO date."""


@dataclass(frozen=True, order=False)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise DateError(f"year {self.year} is out of range")
        if self.day is not None and self.month is None:
            raise DateError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateError(f"month {self.month} does not exist")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise DateError(f"{self.year}-{self.month:02d} has no day {self.day}")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read "1991", "2006-07" or "2024-02-16"."""
        match = _ISO.match(text.strip())
        if not match:
            raise DateError(f"{text!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(part) if part else None for part in match.groups())
        return cls(year, month, day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day is not None:
            return dt.date(self.year, self.month, self.day)
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        """ISO 8601 cut to the precision: "1991", "2006-07", "2024-02-16"."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def sort_key(self) -> tuple[int, int, int]:
        # A year sorts before its months and a month before its days: the vaguer date comes first.
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key() < other.sort_key()

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True)
class DateSpan:
    """When an event happened: one partial date or a period, maybe approximate."""

    start: PartialDate
    end: PartialDate | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        if self.end is not None and self.end.last_day() < self.start.first_day():
            raise DateError(f"the period ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def parse(cls, start: str, end: str | None = None, approximate: bool = False) -> DateSpan:
        return cls(PartialDate.parse(start), PartialDate.parse(end) if end else None, approximate)

    @property
    def is_period(self) -> bool:
        return self.end is not None

    def first_day(self) -> dt.date:
        return self.start.first_day()

    def last_day(self) -> dt.date:
        return (self.end or self.start).last_day()

    def overlaps_years(self, first_year: int | None, last_year: int | None) -> bool:
        if first_year is not None and self.last_day().year < first_year:
            return False
        return not (last_year is not None and self.first_day().year > last_year)

    def sort_key(self) -> str:
        """Orders events by start, then end, a vaguer date before a precise one, as a string
        (the store keeps it in a column): "20200900-20201110"."""
        start, end = self.start, self.end or self.start
        return "-".join("{:04d}{:02d}{:02d}".format(*date.sort_key()) for date in (start, end))
