"""Dates as a reader writes them: "1991", "July 2006", "16–18 February 2024", "c. 2005"."""

from __future__ import annotations

from timeline_app.timeline.dates import DateSpan, PartialDate, Precision
from timeline_app.wording.translation import QT_TRANSLATE_NOOP, translate

CONTEXT = "dates"

MONTH_NAMES = (
    QT_TRANSLATE_NOOP("dates", "January"), QT_TRANSLATE_NOOP("dates", "February"),
    QT_TRANSLATE_NOOP("dates", "March"), QT_TRANSLATE_NOOP("dates", "April"),
    QT_TRANSLATE_NOOP("dates", "May"), QT_TRANSLATE_NOOP("dates", "June"),
    QT_TRANSLATE_NOOP("dates", "July"), QT_TRANSLATE_NOOP("dates", "August"),
    QT_TRANSLATE_NOOP("dates", "September"), QT_TRANSLATE_NOOP("dates", "October"),
    QT_TRANSLATE_NOOP("dates", "November"), QT_TRANSLATE_NOOP("dates", "December"),
)  # fmt: skip
# The axis's short forms, in a context of their own: "May" is one word here and another there.
SHORT_CONTEXT = "dates, short"
MONTH_ABBREVIATIONS = (
    QT_TRANSLATE_NOOP("dates, short", "Jan"), QT_TRANSLATE_NOOP("dates, short", "Feb"),
    QT_TRANSLATE_NOOP("dates, short", "Mar"), QT_TRANSLATE_NOOP("dates, short", "Apr"),
    QT_TRANSLATE_NOOP("dates, short", "May"), QT_TRANSLATE_NOOP("dates, short", "Jun"),
    QT_TRANSLATE_NOOP("dates, short", "Jul"), QT_TRANSLATE_NOOP("dates, short", "Aug"),
    QT_TRANSLATE_NOOP("dates, short", "Sep"), QT_TRANSLATE_NOOP("dates, short", "Oct"),
    QT_TRANSLATE_NOOP("dates, short", "Nov"), QT_TRANSLATE_NOOP("dates, short", "Dec"),
)  # fmt: skip


def _words(pattern: str, **values: object) -> str:
    return translate(CONTEXT, pattern).format(**values)


def month_name(month: int) -> str:
    """ "February" for 2."""
    return translate(CONTEXT, MONTH_NAMES[month - 1])


def month_abbreviation(month: int) -> str:
    """ "Feb" for 2: the axis's short form."""
    return translate(SHORT_CONTEXT, MONTH_ABBREVIATIONS[month - 1])


def date_label(date: PartialDate) -> str:
    """ "1991", "July 2006", "16 February 2024", "16 February 2024, 14:30"."""
    if date.month is None:
        return str(date.year)
    if date.day is None:
        return _words("{month} {year}", month=month_name(date.month), year=date.year)
    day = _words("{day} {month} {year}", day=date.day, month=month_name(date.month), year=date.year)
    if date.hour is None:
        return day
    return _words("{day}, {time}", day=day, time=time_label(date))


def time_label(date: PartialDate) -> str:
    """ "14:30", or "14h" for a time known only to the hour; "" without a time."""
    if date.hour is None:
        return ""
    if date.minute is None:
        return _words("{hour:02d}h", hour=date.hour)
    return f"{date.hour:02d}:{date.minute:02d}"


def approximately(text: str) -> str:
    """ "c. 2005": a date the sources give only loosely."""
    return _words("c. {date}", date=text)


def span_label(span: DateSpan) -> str:
    """ "1991", "July 2006", "16–18 February 2024", "2014–2018", "c. 2005"."""
    text = date_label(span.start) if span.end is None else _period_label(span.start, span.end)
    return approximately(text) if span.approximate else text


def _period_label(start: PartialDate, end: PartialDate) -> str:
    if start.hour is not None or end.hour is not None:
        if start.hour is not None and end.hour is not None and start.first_day() == end.first_day():
            return _words("{start}–{end}", start=date_label(start), end=time_label(end))
        return _words("{start} – {end}", start=date_label(start), end=date_label(end))
    same_precision = start.precision == end.precision
    if same_precision and start.year == end.year:
        if start.precision is Precision.DAY and start.month == end.month:
            return _words(
                "{first}–{last} {month} {year}",
                first=start.day,
                last=end.day,
                month=month_name(start.month),
                year=start.year,
            )
        if start.precision is Precision.DAY:
            return _words(
                "{day} {month} – {end}",
                day=start.day,
                month=month_name(start.month),
                end=date_label(end),
            )
        if start.precision is Precision.MONTH:
            return _words("{month}–{end}", month=month_name(start.month), end=date_label(end))
        return date_label(start)
    if same_precision and start.precision is Precision.YEAR:
        return _words("{first}–{last}", first=start.year, last=end.year)
    return _words("{start} – {end}", start=date_label(start), end=date_label(end))
