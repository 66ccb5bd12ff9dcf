"""What every reader shares: opening text as UTF-8, reporting progress, reading dates."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO

from timeline_app.formats.errors import FormatError
from timeline_app.timeline.dates import DateError, DateSpan, PartialDate

# Called with (bytes read so far, bytes in all); may raise ImportCancelled to stop.
Progress = Callable[[int, int], None]
csv.field_size_limit(16 * 1024 * 1024)  # a long text cell is normal; the default is 128 KiB


@contextmanager
def open_text(path: Path) -> Iterator[TextIO]:
    """The file as UTF-8 text (a byte-order mark is skipped); a clear message if it cannot open."""
    try:
        handle = path.open("rb")
    except OSError as error:
        raise FormatError(path, f"cannot be read: {error.strerror or error}") from error
    with handle, io.TextIOWrapper(handle, encoding="utf-8-sig") as text:
        yield text


def file_size(path: Path) -> int:
    try:
        return max(path.stat().st_size, 1)
    except OSError:
        return 1


def not_utf8(path: Path, where: str | None, error: UnicodeDecodeError) -> FormatError:
    return FormatError(
        path,
        f"is not UTF-8 text (byte {error.object[error.start]:#04x} cannot be read); "
        "save it as UTF-8 and import it again",
        where,
    )


def partial_date(
    year: object, month: object = None, day: object = None, hour: object = None,
    minute: object = None,
) -> PartialDate:  # fmt: skip
    """A date from its parts as files write them (numbers or digit strings, blanks for unknown)."""
    parts = [_number(value, name) for value, name in (
        (year, "year"), (month, "month"), (day, "day"), (hour, "hour"), (minute, "minute"),
    )]  # fmt: skip
    if parts[0] is None:
        raise DateError("the year is missing")
    if parts[0] < 1:
        raise DateError(
            f"year {parts[0]} is before year 1, which this app cannot place on its time line"
        )
    # A part is known only when every larger part is.
    for i in range(1, len(parts)):
        if parts[i - 1] is None:
            parts[i] = None
    return PartialDate(*parts)


def _number(value: object, name: str) -> int | None:
    if type(value) is str and value.isdigit():  # the usual cell, quickly
        return int(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise DateError(f"the {name} {value!r} is not a number")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip()
    if text.lstrip("-").isdigit():
        return int(text)
    raise DateError(f"the {name} {value!r} is not a number")


def date_span(start: PartialDate, end: PartialDate | None, approximate: bool) -> DateSpan:
    """A span; an end equal to its start is no period."""
    return DateSpan(start, None if end == start else end, approximate)


class _Lines:
    """A binary file's lines as text, decoded one at a time so a bad byte is found on its line."""

    def __init__(self, path: Path, handle: BinaryIO) -> None:
        self.path, self.handle = path, handle
        self.line = 0
        self.bytes = 0

    def __iter__(self) -> Iterator[str]:
        for raw in self.handle:
            self.line += 1
            self.bytes += len(raw)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise not_utf8(self.path, f"line {self.line}", error) from error
            yield text.removeprefix("\ufeff") if self.line == 1 else text


@contextmanager
def _csv(path: Path) -> Iterator[tuple[_Lines, Iterator[list[str]]]]:
    try:
        handle = path.open("rb")
    except OSError as error:
        raise FormatError(path, f"cannot be read: {error.strerror or error}") from error
    with handle:
        lines = _Lines(path, handle)
        yield lines, csv.reader(lines)


def csv_header(path: Path) -> list[str]:
    """The column names of a CSV file (its first row)."""
    with _csv(path) as (_lines, rows):
        try:
            return [h.strip() for h in next(rows, [])]
        except csv.Error as error:
            raise FormatError(path, f"is not valid CSV: {error}", "line 1") from error


def csv_rows(path: Path, progress: Progress | None = None) -> Iterator[tuple[str, list[str]]]:
    """("line N", cells) for every row after the header that is not blank, read as it goes."""
    size = file_size(path)
    with _csv(path) as (lines, rows):
        try:
            next(rows, None)
            for number, row in enumerate(rows, 1):
                text = "".join(row)
                if text and not text.isspace():
                    first = lines.line - text.count("\n")  # a quoted cell may span lines
                    yield f"line {first}", row
                if progress and number % 1000 == 0:
                    progress(lines.bytes, size)
        except csv.Error as error:
            raise FormatError(path, f"is not valid CSV: {error}", f"line {lines.line}") from error
