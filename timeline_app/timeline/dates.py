"""Partial dates: a year is a year, a month a month, a time of day only when known; periods end."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import IntEnum

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2})(?::(\d{2}))?)?)?)?$")


_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """28 to 31. Counted here, not by the calendar module, which loads locale on the way to the
    first paint and also works out weekdays; every date of a large import is checked here."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS_IN_MONTH[month]


class Precision(IntEnum):
    YEAR = 1
    MONTH = 2
    DAY = 3
    HOUR = 4
    MINUTE = 5


def precision_of(iso: str) -> Precision:
    """The precision of a date already known to be well formed ("1991", "2006-07", …)."""
    return _PRECISION_BY_LENGTH.get(len(iso), Precision.DAY)


# "1991", "2006-07", "2024-02-16", "2024-02-16T14", "2024-02-16T14:30"
_PRECISION_BY_LENGTH = {
    4: Precision.YEAR, 7: Precision.MONTH, 13: Precision.HOUR, 16: Precision.MINUTE,
}  # fmt: skip


class DateError(ValueError):
    """A date string that is not a year, a year-month or a full ISO date."""


@dataclass(frozen=True, order=False)
class PartialDate:
    """A calendar date known to the year, the month or the day; a day may carry a time of day
    known to the hour or the minute (local to the event: no time zone)."""

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise DateError(f"year {self.year} is out of range")
        if self.day is not None and self.month is None:
            raise DateError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateError(f"month {self.month} does not exist")
        if self.day is not None:
            last = days_in_month(self.year, self.month)
            if not 1 <= self.day <= last:
                raise DateError(f"{self.year}-{self.month:02d} has no day {self.day}")
        if self.hour is not None and (self.day is None or not 0 <= self.hour <= 23):
            raise DateError(
                f"hour {self.hour} does not exist" if self.day else "an hour needs a day"
            )
        if self.minute is not None and (self.hour is None or not 0 <= self.minute <= 59):
            raise DateError(
                f"minute {self.minute} does not exist" if self.hour is not None
                else "a minute needs an hour"
            )  # fmt: skip

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read "1991", "2006-07", "2024-02-16", "2024-02-16T14" or "2024-02-16T14:30"."""
        match = _ISO.match(text.strip())
        if not match:
            raise DateError(
                f"{text!r} is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM"
            )
        return cls(*(int(part) if part else None for part in match.groups()))

    @property
    def precision(self) -> Precision:
        if self.minute is not None:
            return Precision.MINUTE
        if self.hour is not None:
            return Precision.HOUR
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day is not None:
            return dt.date(self.year, self.month, self.day)
        month = self.month or 12
        return dt.date(self.year, month, days_in_month(self.year, month))

    def iso(self) -> str:
        """ISO 8601 cut to the precision: "1991", "2006-07", "2024-02-16", "2024-02-16T14:30"."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.hour is not None:
            text += f"T{self.hour:02d}"
        if self.minute is not None:
            text += f":{self.minute:02d}"
        return text

    def sort_key(self) -> tuple[int, int, int, int, int]:
        # A year sorts before its months, a month before its days, a day before its hours: the
        # vaguer date comes first.
        hour = -1 if self.hour is None else self.hour
        minute = -1 if self.minute is None else self.minute
        return (self.year, self.month or 0, self.day or 0, hour, minute)

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
        if self.end is not None and _ends_before_start(self.start, self.end):
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
        (the store keeps it in a column): "20200900-20201110", "20240216T0930-20240216T11"."""
        return "-".join(_sortable(date) for date in (self.start, self.end or self.start))


def _sortable(date: PartialDate) -> str:
    # A time is added only where there is one, so a date without one sorts first, and the text
    # of an untimed date is what files written before times existed hold.
    year, month, day, hour, minute = date.sort_key()
    text = f"{year:04d}{month:02d}{day:02d}"
    if hour >= 0:
        text += f"T{hour:02d}" + (f"{minute:02d}" if minute >= 0 else "")
    return text


def _ends_before_start(start: PartialDate, end: PartialDate) -> bool:
    if end.last_day() < start.first_day():
        return True
    both_timed = start.hour is not None and end.hour is not None
    return both_timed and end.sort_key() < start.sort_key()
