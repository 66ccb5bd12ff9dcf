"""Any CSV with a header row, through a column mapping: which column holds the title, the start…

Fields: title and start are required; end, summary, themes (several split by ";"), source (a
URL or a name), quote (the source's words), approximate ("yes"/"true"/"1"), key. Dates are ISO
8601 cut to their precision: "1991", "2006-07", "2024-02-16", "2024-02-16 14:30".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from timeline_app.formats.errors import FormatError
from timeline_app.formats.reading import Progress, csv_header, csv_rows
from timeline_app.timeline.dates import DateError, DateSpan, PartialDate
from timeline_app.timeline.document import KeyBook, Record, SourceBook, ThemeBook, TimelineInfo
from timeline_app.timeline.events import Citation, Event

FIELDS = ("title", "start", "end", "summary", "themes", "source", "quote", "approximate", "key")
REQUIRED = ("title", "start")
_TRUE = {"1", "yes", "y", "true", "x", "approximate", "c.", "circa"}


def parse_mapping(text: str) -> dict[str, str]:
    """ "title=Name,start=Date" → {"title": "Name", "start": "Date"}; ValueError if malformed."""
    mapping: dict[str, str] = {}
    for part in (p for p in text.split(",") if p.strip()):
        field, sep, column = part.partition("=")
        field = field.strip().lower()
        if not sep or not column.strip():
            raise ValueError(f"“{part.strip()}” should be FIELD=COLUMN")
        if field not in FIELDS:
            raise ValueError(f"“{field}” is not a field; the fields are {', '.join(FIELDS)}")
        mapping[field] = column.strip()
    missing = [f for f in REQUIRED if f not in mapping]
    if missing:
        raise ValueError(f"the mapping needs {' and '.join(missing)} (e.g. title=Name,start=Date)")
    return mapping


def read(
    path: Path, mapping: Mapping[str, str], progress: Progress | None = None
) -> Iterator[Record]:
    """The events in a CSV file, one per row, record by record."""
    columns = csv_header(path)
    index: dict[str, int] = {}
    for field, column in mapping.items():
        if column not in columns:
            raise FormatError(path, f"there is no column “{column}” (mapped to {field})", "line 1")
        index[field] = columns.index(column)
    yield TimelineInfo(path.stem)
    themes, sources, keys = ThemeBook(), SourceBook(), KeyBook()
    for number, (where, row) in enumerate(csv_rows(path, progress), 1):
        cell = {f: row[i].strip() if i < len(row) else "" for f, i in index.items()}
        key = keys.key(cell.get("key"), number)
        yield _event(path, cell, where, mapping, themes, sources, key)


def _event(path, cell, where, mapping, themes, sources, key) -> Event:
    def date(field: str) -> PartialDate | None:
        value = cell.get(field, "")
        if not value:
            if field == "start":
                raise FormatError(path, "is empty", where, mapping[field])
            return None
        try:
            return PartialDate.parse(value)
        except DateError as error:
            raise FormatError(path, str(error), where, mapping[field]) from error

    if not cell["title"]:
        raise FormatError(path, "is empty", where, mapping["title"])
    start, end = date("start"), date("end")
    try:
        when = DateSpan(
            start, None if end == start else end, cell.get("approximate", "").lower() in _TRUE
        )
    except DateError as error:
        raise FormatError(
            path, f"{error} (event “{cell['title']}”)", where, mapping["end"]
        ) from error
    source = cell.get("source", "")
    citations = ()
    if source:
        is_url = source.lower().startswith(("http://", "https://"))
        cited = sources.source(source, source if is_url else None)
        citations = (Citation(cell.get("quote", ""), cited),)
    names = [n for n in cell.get("themes", "").split(";") if n.strip()]
    return Event(
        key=key, when=when, title=cell["title"], summary=cell.get("summary", ""),
        themes=tuple(dict.fromkeys(themes.theme(n) for n in names)), citations=citations,
    )  # fmt: skip
