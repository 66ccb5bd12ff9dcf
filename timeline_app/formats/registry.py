"""Which format a file is in, and the reader and writer of each format, by name."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import TextIO

from timeline_app.formats import (
    app_json,
    mapped_csv,
    timelinejs_json,
    timelinejs_sheet,
    wx_timeline,
)
from timeline_app.formats.errors import FormatError
from timeline_app.formats.names import IMPORT_FORMATS
from timeline_app.formats.reading import Progress, csv_header
from timeline_app.timeline.document import Record

Writer = Callable[[Iterable[Record], TextIO], int]
WRITERS: dict[str, Writer] = {
    "json": app_json.write,
    "timelinejs": timelinejs_json.write,
    "csv": timelinejs_sheet.write,
}


def detect(path: Path) -> str:
    """The import format of a file, from its name and, where that is ambiguous, its content."""
    name = path.name.lower()
    if name.endswith(".timeline") or name.endswith(".xml"):
        return "timeline"
    if name.endswith(".csv") or name.endswith(".tsv"):
        return "timelinejs-csv" if timelinejs_sheet.looks_like_sheet(csv_header(path)) else "csv"
    if name.endswith(".json"):
        return "json" if _is_app_json(path) else "timelinejs"
    raise FormatError(
        path, "has a name that does not say its format; give it with --format "
        f"({', '.join(IMPORT_FORMATS)})",
    )  # fmt: skip


def _is_app_json(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as error:
        raise FormatError(path, f"cannot be read: {error.strerror or error}") from error
    return f'"format": "{app_json.FORMAT}"'.encode() in head.replace(b'":"', b'": "')


def reader(
    path: Path, format_name: str | None = None, mapping: Mapping[str, str] | None = None
) -> Callable[[Progress | None], Iterator[Record]]:
    """A function that reads the file record by record (taking a progress callback)."""
    name = format_name or detect(path)
    if name == "csv":
        if not mapping:
            columns = ", ".join(csv_header(path)) or "none"
            raise FormatError(
                path, "is a CSV file that is not a TimelineJS sheet: say which column is which "
                f"with --map title=COLUMN,start=COLUMN (its columns: {columns})",
            )  # fmt: skip
        return partial(mapped_csv.read, path, mapping)
    readers = {
        "json": app_json.read, "timelinejs": timelinejs_json.read,
        "timelinejs-csv": timelinejs_sheet.read, "timeline": wx_timeline.read,
    }  # fmt: skip
    if name not in readers:
        raise FormatError(path, f"“{name}” is not a format this app reads")
    return partial(readers[name], path)
