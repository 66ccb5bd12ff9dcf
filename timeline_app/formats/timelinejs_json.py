"""TimelineJS's JSON (Knight Lab): {"title": slide, "events": [slide…], "eras": [era…]}.

A slide has start_date (and end_date) as {"year", "month", "day", "hour", "minute", …},
text {"headline", "text"} in HTML, media {"url", "credit", "caption"}, group and display_date.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from timeline_app.formats.errors import FormatError
from timeline_app.formats.html_text import escape, to_plain_text
from timeline_app.formats.reading import Progress, file_size, not_utf8, open_text, partial_date
from timeline_app.formats.timelinejs import (
    Slide,
    SlideReader,
    date_parts,
    display_date,
    group_of,
    inline_html,
    is_era,
    slide_text,
)
from timeline_app.timeline.dates import DateError, PartialDate
from timeline_app.timeline.document import Record, TimelineInfo
from timeline_app.timeline.events import Event


def read(path: Path, progress: Progress | None = None) -> Iterator[Record]:
    """The timeline in a TimelineJS JSON file, record by record."""
    document = load_json(path)
    if not isinstance(document, dict) or not isinstance(document.get("events"), list):
        raise FormatError(path, "is not a TimelineJS file: it has no list of events", "$.events")
    title = document.get("title") if isinstance(document.get("title"), dict) else {}
    title_text = _object(path, title, "$.title", "text")
    yield TimelineInfo(
        to_plain_text(_string(path, title_text, "$.title.text", "headline")).text or path.stem,
        to_plain_text(_string(path, title_text, "$.title.text", "text")).text,
    )
    reader = SlideReader()
    slides = [("events", i, raw) for i, raw in enumerate(document["events"])]
    eras = document.get("eras") or []
    if not isinstance(eras, list):
        raise FormatError(path, "should be a list of eras", "$.eras")
    slides += [("eras", i, raw) for i, raw in enumerate(eras)]
    size = file_size(path)
    for number, (kind, i, raw) in enumerate(slides, 1):
        yield reader.event(_slide(path, raw, f"$.{kind}[{i}]", kind == "eras"))
        if progress and number % 500 == 0:
            progress(size * number // len(slides), size)


def load_json(path: Path) -> Any:
    """The parsed document, or one message naming the line and column where it breaks."""
    try:
        with open_text(path) as text:
            content = text.read()
        document = json.loads(content)
    except json.JSONDecodeError as error:
        raise FormatError(
            path, f"is not valid JSON: {error.msg}", f"line {error.lineno}, column {error.colno}"
        ) from error
    except UnicodeDecodeError as error:
        raise not_utf8(path, None, error) from error
    except RecursionError as error:
        raise FormatError(path, "is nested too deeply to be a timeline") from error
    # A \ud800 escape with no partner decodes to half a character, which no text can hold:
    # SQLite and the window would refuse it later with an unexpected error. Only a file with
    # such an escape at all is walked to find where.
    if _SURROGATE_ESCAPE.search(content):
        try:
            where = _half_character(document, "$")
        except RecursionError as error:
            raise FormatError(path, "is nested too deeply to be a timeline") from error
        if where is not None:
            raise FormatError(
                path, "holds half a character (an unpaired \\uD800–\\uDFFF escape)", where
            )
    return document


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_HALF_CHARACTER = re.compile("[\ud800-\udfff]")


def _half_character(value: Any, where: str) -> str | None:
    """Where, as a JSON path, the first text (or name) holding a lone surrogate is."""
    if isinstance(value, str):
        return where if _HALF_CHARACTER.search(value) else None
    if isinstance(value, list):
        items: Iterable[tuple[str, Any]] = ((f"{where}[{i}]", v) for i, v in enumerate(value))
    elif isinstance(value, dict):
        for name in value:
            if _HALF_CHARACTER.search(name):
                return where
        items = ((f"{where}.{name}", v) for name, v in value.items())
    else:
        return None
    for inner, item in items:
        found = _half_character(item, inner)
        if found is not None:
            return found
    return None


def _slide(path: Path, raw: Any, where: str, era: bool) -> Slide:
    if not isinstance(raw, dict):
        raise FormatError(path, "should be an object (a slide)", where)
    text = _object(path, raw, where, "text")
    media = _object(path, raw, where, "media")
    start = _date(path, raw, where, "start_date", required=True)
    end = _date(path, raw, where, "end_date", required=era)
    if end is not None and end.last_day() < start.first_day():
        raise FormatError(path, f"ends ({end}) before it starts ({start})", where, "end_date")
    start_display = raw.get("start_date", {}).get("display_date", "")
    return Slide(
        start=start, end=end,
        headline=_string(path, text, f"{where}.text", "headline"),
        text=_string(path, text, f"{where}.text", "text"),
        display_date=_string(path, raw, where, "display_date") or str(start_display or ""),
        group=_string(path, raw, where, "group"),
        media_url=_string(path, media, f"{where}.media", "url"),
        media_credit=_string(path, media, f"{where}.media", "credit"),
        media_caption=_string(path, media, f"{where}.media", "caption"),
        unique_id=_string(path, raw, where, "unique_id"),
        is_era=era,
    )  # fmt: skip


def _object(path: Path, raw: dict, where: str, name: str) -> dict:
    value = raw.get(name)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise FormatError(path, "should be an object", f"{where}.{name}")
    return value


def _string(path: Path, raw: dict, where: str, name: str) -> str:
    value = raw.get(name)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise FormatError(path, "should be text", where, name)
    return str(value)


def _date(path: Path, raw: dict, where: str, name: str, required: bool) -> PartialDate | None:
    value = raw.get(name)
    if value is None:
        if required:
            raise FormatError(path, "is missing", where, name)
        return None
    if not isinstance(value, dict):
        raise FormatError(path, "should be an object with a year", where, name)
    try:
        return partial_date(*(value.get(p) for p in ("year", "month", "day", "hour", "minute")))
    except DateError as error:
        headline = (
            raw.get("text", {}).get("headline") if isinstance(raw.get("text"), dict) else None
        )
        named = f" (event “{to_plain_text(str(headline)).text}”)" if headline else ""
        raise FormatError(path, f"{error}{named}", where, name) from error


def write(records: Iterable[Record], out: TextIO) -> int:
    """Write records as TimelineJS JSON, one event at a time; returns how many events."""
    info, events, eras = TimelineInfo("Timeline"), 0, []
    out.write('{\n  "events": [')
    for record in records:
        if isinstance(record, TimelineInfo):
            info = record
        elif isinstance(record, Event) and is_era(record):
            eras.append(_era(record))
        elif isinstance(record, Event):
            out.write(("," if events else "") + "\n    " + _dumps(_event(record)))
            events += 1
    out.write("\n  ],\n")
    title = {"text": {"headline": inline_html(info.title), "text": escape(info.description)}}
    out.write(f'  "title": {_dumps(title)},\n')
    out.write(f'  "eras": {_dumps(eras)}\n}}\n')
    return events + len(eras)


def _event(event: Event) -> dict:
    slide: dict[str, Any] = {
        "unique_id": event.key,
        "start_date": date_parts(event.when.start),
        "text": {"headline": inline_html(event.title), "text": slide_text(event)},
    }
    if event.when.end is not None:
        slide["end_date"] = date_parts(event.when.end)
    if group_of(event):
        slide["group"] = group_of(event)
    if display_date(event):
        slide["display_date"] = display_date(event)
    return slide


def _era(event: Event) -> dict:
    return {
        "start_date": date_parts(event.when.start),
        "end_date": date_parts(event.when.end or event.when.start),
        "text": {"headline": inline_html(event.title), "text": escape(event.summary)},
    }


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
