"""The app's own JSON: every field of a timeline, so that a timeline survives the trip out and in.

{"format": "timeline-app", "version": 1, "title", "description", "themes": [...],
 "sources": [...], "source_dependences": [...], "archived_texts": [...], "events": [...]}; dates
as ISO 8601 cut to their precision; themes and sources referred to by slug and id. A source's
archived text is {"source", "text"}; a quote found in an archived document carries that
document's sha256 as "verified_in", so its status is the same once read back.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from timeline_app.formats.errors import FormatError
from timeline_app.formats.reading import Progress, file_size
from timeline_app.formats.timelinejs_json import load_json
from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.document import ArchivedText, Record, SourceDependence, TimelineInfo
from timeline_app.timeline.events import SOURCE_FIELDS, Citation, Event, Source, Theme
from timeline_app.timeline.importance import Importance

FORMAT = "timeline-app"
VERSION = 1
# A source's dependence on others travels as records of its own ("dependences"), not inside it:
# a source is its SOURCE_FIELDS (Source.as_record / Source.from_record).


def is_app_json(document: Any) -> bool:
    return isinstance(document, dict) and document.get("format") == FORMAT


def read(path: Path, progress: Progress | None = None) -> Iterator[Record]:
    document = load_json(path)
    if not is_app_json(document):
        raise FormatError(path, f'is not this app\'s JSON (no "format": "{FORMAT}")', "$.format")
    if not isinstance(document.get("version"), int) or document["version"] > VERSION:
        raise FormatError(
            path, "was written by a newer version of this app; update the app", "$.version"
        )
    yield from read_document(path, document, progress)


def read_document(path: Path, document: dict, progress: Progress | None = None) -> Iterator[Record]:
    check = _Checker(path)
    yield TimelineInfo(
        check.text(document, "$", "title", required=True),
        check.text(document, "$", "description"),
    )
    themes: dict[str, Theme] = {}
    for i, raw in enumerate(check.items(document, "themes")):
        where = f"$.themes[{i}]"
        theme = Theme(
            *(check.text(raw, where, f, required=True) for f in ("slug", "name", "colour"))
        )
        themes[theme.slug] = theme
        yield theme
    sources: dict[str, Source] = {}
    for i, raw in enumerate(check.items(document, "sources")):
        source = check.source(raw, f"$.sources[{i}]")
        sources[source.id] = source
        yield source
    for i, raw in enumerate(check.items(document, "source_dependences")):
        where = f"$.source_dependences[{i}]"
        ids = [check.reference(raw, where, f, sources) for f in ("source", "depends_on")]
        yield SourceDependence(*ids, check.text(raw, where, "kind", required=True),
                               check.text(raw, where, "note") or None)  # fmt: skip
    for i, raw in enumerate(check.items(document, "archived_texts")):
        where = f"$.archived_texts[{i}]"
        yield ArchivedText(check.reference(raw, where, "source", sources),
                           check.text(raw, where, "text", required=True))  # fmt: skip
    events = check.items(document, "events")
    size = file_size(path)
    for i, raw in enumerate(events):
        yield check.event(raw, f"$.events[{i}]", themes, sources)
        if progress and i % 1000 == 999:
            progress(size * (i + 1) // len(events), size)


class _Checker:
    """Reads values out of the parsed document, naming the JSON path of any that is wrong."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def items(self, document: dict, name: str) -> list:
        value = document.get(name, [])
        if not isinstance(value, list):
            raise FormatError(self.path, "should be a list", f"$.{name}")
        return value

    def text(self, raw: Any, where: str, name: str, required: bool = False) -> str:
        if not isinstance(raw, dict):
            raise FormatError(self.path, "should be an object", where)
        value = raw.get(name)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or (required and not value):
            problem = "is missing" if value is None else "should be text"
            raise FormatError(self.path, problem, where, name)
        return value

    def reference(self, raw: dict, where: str, name: str, known: dict) -> str:
        value = self.text(raw, where, name, required=True)
        if value not in known:
            raise FormatError(self.path, f"names {value!r}, which is not listed", where, name)
        return value

    def source(self, raw: Any, where: str) -> Source:
        values = {
            f: self.text(raw, where, f) or None
            for f in SOURCE_FIELDS
            if f != "published_approximate"
        }
        for required in ("id", "title"):
            self.text(raw, where, required, required=True)
        values["archive"] = values["archive"] or ""
        values["published_approximate"] = raw.get("published_approximate") is True
        return Source.from_record(values)

    def event(self, raw: Any, where: str, themes: dict, sources: dict) -> Event:
        key = self.text(raw, where, "key", required=True)
        try:
            when = DateSpan.parse(
                self.text(raw, where, "start", required=True),
                self.text(raw, where, "end") or None,
                raw.get("approximate") is True,
            )
        except ValueError as error:
            raise FormatError(self.path, f"{error} (event {key!r})", where, "start") from error
        importance = raw.get("importance")
        if importance is not None and importance not in Importance.__members__.values():
            raise FormatError(
                self.path, f"{importance!r} is not an importance", where, "importance"
            )
        citations = []
        for n, cited in enumerate(raw.get("citations") or []):
            place = f"{where}.citations[{n}]"
            source = sources[self.reference(cited, place, "source", sources)]
            checked = self.text(cited, place, "verified_in") or None
            citations.append(Citation(self.text(cited, place, "quote"), source,
                                      verified_in=checked))  # fmt: skip
        return Event(
            key=key, when=when,
            title=self.text(raw, where, "title", required=True),
            summary=self.text(raw, where, "summary"),
            themes=tuple(themes[self.reference({"theme": s}, where, "theme", themes)]
                         for s in raw.get("themes") or []),
            citations=tuple(citations),
            importance=None if importance is None else Importance(importance),
            date_basis=self.text(raw, where, "date_basis") or "documents",
        )  # fmt: skip


def write(records: Iterable[Record], out: TextIO) -> int:
    """Write records as the app's JSON, one event per line; returns how many events."""
    lists: dict[str, list] = {
        "themes": [], "sources": [], "source_dependences": [], "archived_texts": []
    }  # fmt: skip
    info = TimelineInfo("Timeline")
    count = 0
    for record in records:
        if isinstance(record, Event):
            if count == 0:
                _head(out, info, lists)
            out.write(("," if count else "") + "\n    " + _dumps(_event(record)))
            count += 1
        elif isinstance(record, TimelineInfo):
            info = record
        elif isinstance(record, Theme):
            lists["themes"].append(dataclasses.asdict(record))
        elif isinstance(record, Source):
            lists["sources"].append(record.as_record())
        elif isinstance(record, ArchivedText):
            lists["archived_texts"].append({"source": record.source_id, "text": record.text})
        elif isinstance(record, SourceDependence):
            lists["source_dependences"].append({
                "source": record.source_id, "depends_on": record.depends_on_id,
                "kind": record.kind, "note": record.note,
            })  # fmt: skip
    if count == 0:
        _head(out, info, lists)
    out.write("\n  ]\n}\n")
    return count


def _head(out: TextIO, info: TimelineInfo, lists: dict[str, list]) -> None:
    head = {
        "format": FORMAT,
        "version": VERSION,
        "title": info.title,
        "description": info.description,
    }
    out.write("{\n")
    for name, value in (head | lists).items():
        out.write(f"  {_dumps(name)}: {_dumps(value)},\n")
    out.write('  "events": [')


def _event(event: Event) -> dict:
    return {
        "key": event.key,
        "start": event.when.start.iso(),
        "end": event.when.end.iso() if event.when.end else None,
        "approximate": event.when.approximate,
        "title": event.title,
        "summary": event.summary,
        "themes": [t.slug for t in event.themes],
        "citations": [_citation(c) for c in event.citations],
        "importance": None if event.importance is None else int(event.importance),
        "date_basis": event.date_basis,
    }


def _citation(citation: Citation) -> dict:
    said = {"quote": citation.quote, "source": citation.source.id}
    if citation.verified_in:  # the archived document it was found in (its sha256)
        said["verified_in"] = citation.verified_in
    return said


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
