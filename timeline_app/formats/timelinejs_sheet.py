"""TimelineJS's Google Sheet, saved as CSV: one row per slide, under TimelineJS's own headers.

A row of Type "title" gives the timeline's title; "era" rows are eras. Rows are read one at a
time, so a sheet of any length streams.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from operator import itemgetter
from pathlib import Path
from typing import TextIO

from timeline_app.formats.errors import FormatError
from timeline_app.formats.html_text import escape, to_plain_text
from timeline_app.formats.reading import Progress, csv_header, csv_rows, partial_date
from timeline_app.formats.timelinejs import (
    Slide,
    SlideReader,
    display_date,
    group_of,
    inline_html,
    is_era,
    parse_time,
    slide_text,
)
from timeline_app.timeline.dates import DateError, PartialDate
from timeline_app.timeline.document import Record, TimelineInfo
from timeline_app.timeline.events import Event

HEADERS = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Type", "Group", "Background",
)  # fmt: skip
REQUIRED = ("Year", "Headline")


def looks_like_sheet(header: list[str]) -> bool:
    """Three of TimelineJS's own column names make a sheet (one may be missing by mistake)."""
    return len(set(HEADERS) & {h.strip() for h in header}) >= 3


def read(path: Path, progress: Progress | None = None) -> Iterator[Record]:
    """The timeline in a TimelineJS sheet, record by record; the title row may come anywhere
    but is given first only if it precedes the events (TimelineJS puts it first)."""
    header = csv_header(path)
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise FormatError(
            path, "is missing from the header row (is this a TimelineJS sheet?)", "line 1",
            missing[0],
        )  # fmt: skip
    names = [name for name in HEADERS if name in header]
    cells_of = _cells([header.index(name) for name in names])
    reader = SlideReader()
    titled = False
    for where, row in csv_rows(path, progress):
        cells = dict(zip(names, cells_of(row), strict=True))
        kind = cells.get("Type", "").lower()
        if kind == "title":
            if not titled:
                yield TimelineInfo(
                    to_plain_text(cells.get("Headline")).text or path.stem,
                    to_plain_text(cells.get("Text")).text,
                )
                titled = True
            continue
        if not titled:
            yield TimelineInfo(path.stem)
            titled = True
        yield reader.event(_slide(path, cells, where, kind == "era"))
    if not titled:
        yield TimelineInfo(path.stem)


def _cells(places: list[int]) -> Callable[[list[str]], Iterator[str]]:
    """A row's cells at these places, stripped; a short row's missing ones blank."""
    width = max(places) + 1
    take = itemgetter(*places)  # two places at least: the required columns

    def cells(row: list[str]) -> Iterator[str]:
        if len(row) < width:
            row = row + [""] * (width - len(row))
        return map(str.strip, take(row))

    return cells


def _slide(path: Path, cells: dict[str, str], where: str, era: bool) -> Slide:
    start = _date(path, cells, where, "")
    end = _date(path, cells, where, "End ") if cells.get("End Year") else None
    if era and end is None:
        raise FormatError(path, "an era needs an end", where, "End Year")
    if end is not None and end.last_day() < start.first_day():
        raise FormatError(path, f"ends ({end}) before it starts ({start})", where, "End Year")
    return Slide(
        start=start, end=end, headline=cells.get("Headline", ""), text=cells.get("Text", ""),
        display_date=cells.get("Display Date", ""), group=cells.get("Group", ""),
        media_url=cells.get("Media", ""), media_credit=cells.get("Media Credit", ""),
        media_caption=cells.get("Media Caption", ""), is_era=era,
    )  # fmt: skip


def _date(path: Path, cells: dict[str, str], where: str, prefix: str) -> PartialDate:
    field = f"{prefix}Year"
    try:
        field = f"{prefix}Time"
        hour, minute = parse_time(cells.get(field, ""))
        field = f"{prefix}Year"
        return partial_date(
            cells.get(f"{prefix}Year"), cells.get(f"{prefix}Month"), cells.get(f"{prefix}Day"),
            hour, minute,
        )  # fmt: skip
    except DateError as error:
        if field != f"{prefix}Time":  # name the column of the part the date type refused
            said = str(error).lower()
            for part, column in (("minute", "Time"), ("hour", "Time"), ("day", "Day"),
                                 ("month", "Month")):  # fmt: skip
                if part in said:
                    field = f"{prefix}{column}"
                    break
        headline = to_plain_text(cells.get("Headline")).text
        named = f" (event “{headline}”)" if headline else ""
        raise FormatError(path, f"{error}{named}", where, field) from error


def write(records: Iterable[Record], out: TextIO) -> int:
    """Write records as a TimelineJS sheet (CSV with its headers); returns how many events."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS)
    count = 0
    for record in records:
        if isinstance(record, TimelineInfo):
            title = {"Headline": inline_html(record.title), "Text": escape(record.description)}
            writer.writerow(_row(title | {"Type": "title"}))
        elif isinstance(record, Event):
            writer.writerow(_event_row(record))
            count += 1
    return count


def _event_row(event: Event) -> list[str]:
    start, end = event.when.start, event.when.end
    cells = {
        "Year": start.year, "Month": start.month, "Day": start.day, "Time": _sheet_time(start),
        "Display Date": display_date(event), "Headline": inline_html(event.title),
        "Text": slide_text(event), "Group": group_of(event),
    }  # fmt: skip
    if end is not None:
        cells |= {"End Year": end.year, "End Month": end.month, "End Day": end.day,
                  "End Time": _sheet_time(end)}  # fmt: skip
    if is_era(event):
        cells |= {"Type": "era", "Group": "", "Text": escape(event.summary)}
    return _row(cells)


def _row(cells: dict[str, object]) -> list[str]:
    return ["" if cells.get(h) is None else str(cells[h]) for h in HEADERS]


def _sheet_time(date: PartialDate) -> str | None:
    """The Time column as the sheet writes it: "14:30", or "14:00" for a time known to the hour."""
    if date.hour is None:
        return None
    return f"{date.hour:02d}:{date.minute or 0:02d}"
