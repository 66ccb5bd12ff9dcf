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
        return translate("dates", "{month} {year}").format(
            month=month_name(date.month), year=date.year
        )
    day = translate("dates", "{day} {month} {year}").format(
        day=date.day, month=month_name(date.month), year=date.year
    )
    if date.hour is None:
        return day
    return translate("dates", "{day}, {time}").format(day=day, time=time_label(date))


def time_label(date: PartialDate) -> str:
    """ "14:30", or "14h" for a time known only to the hour; "" without a time."""
    if date.hour is None:
        return ""
    if date.minute is None:
        return translate("dates", "{hour:02d}h").format(hour=date.hour)
    return f"{date.hour:02d}:{date.minute:02d}"


def approximately(text: str) -> str:
    """ "c. 2005": a date the sources give only loosely."""
    return translate("dates", "c. {date}").format(date=text)


def span_label(span: DateSpan) -> str:
    """ "1991", "July 2006", "16–18 February 2024", "2014–2018", "c. 2005"."""
    text = date_label(span.start) if span.end is None else _period_label(span.start, span.end)
    return approximately(text) if span.approximate else text


def _period_label(start: PartialDate, end: PartialDate) -> str:
    if start.hour is not None or end.hour is not None:
        if start.hour is not None and end.hour is not None and start.first_day() == end.first_day():
            return translate("dates", "{start}–{end}").format(
                start=date_label(start), end=time_label(end)
            )
        return translate("dates", "{start} – {end}").format(
            start=date_label(start), end=date_label(end)
        )
    same_precision = start.precision == end.precision
    if same_precision and start.year == end.year:
        if start.precision is Precision.DAY and start.month == end.month:
            return translate("dates", "{first}–{last} {month} {year}").format(
                first=start.day,
                last=end.day,
                month=month_name(start.month),
                year=start.year,
            )
        if start.precision is Precision.DAY:
            return translate("dates", "{day} {month} – {end}").format(
                day=start.day,
                month=month_name(start.month),
                end=date_label(end),
            )
        if start.precision is Precision.MONTH:
            return translate("dates", "{month}–{end}").format(
                month=month_name(start.month),
                end=date_label(end),
            )
        return date_label(start)
    if same_precision and start.precision is Precision.YEAR:
        return translate("dates", "{first}–{last}").format(first=start.year, last=end.year)
    return translate("dates", "{start} – {end}").format(
        start=date_label(start), end=date_label(end)
    )
