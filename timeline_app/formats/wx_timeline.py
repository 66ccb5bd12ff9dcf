"""The `.timeline` XML of the wxPython Timeline app (thetimelineproj).

<timeline> holds <version>, <timetype>, <eras>, <categories> (each with <name>, <color>, maybe
<parent>) and <events> (each with <start>, <end>, <text>, <fuzzy>, <category>, <description>,
<hyperlink> as ;-separated URLs, <milestone>). Container events' texts start "[id]", their
sub-events' "(id)". Times are "YYYY-MM-DD HH:MM:SS".

Read with expat, a chunk at a time; a document type declaration (and with it every entity
definition) is refused, so nothing in the file is expanded, fetched or run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.parsers import expat

from timeline_app.formats.errors import FormatError
from timeline_app.formats.reading import Progress, file_size, partial_date
from timeline_app.timeline.dates import DateError, DateSpan, PartialDate
from timeline_app.timeline.document import KeyBook, Record, SourceBook, ThemeBook, TimelineInfo
from timeline_app.timeline.events import Citation, Event, Theme
from timeline_app.timeline.importance import Importance
from timeline_app.wording.dates import span_label

ERAS_THEME = "Eras"
_TIME = re.compile(r"^\s*(-?\d+)-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$")
_CONTAINER = re.compile(r"^\s?[\[(]-?\d*[\])]")
_COLOUR = re.compile(r"^\s*(\d{1,3}),(\d{1,3}),(\d{1,3})\s*$")
_CHUNK = 1 << 16
_RECORDS = {"event": "events", "category": "categories", "era": "eras"}  # in their lists


class _Refused(Exception):
    pass


def read(path: Path, progress: Progress | None = None) -> Iterator[Record]:
    """The timeline in a .timeline file, record by record."""
    builder = _Builder(path)
    parser = expat.ParserCreate()
    builder.attach(parser)
    size = file_size(path)
    yield TimelineInfo(path.name.removesuffix(".timeline") or path.stem)
    try:
        handle = path.open("rb")
    except OSError as error:
        raise FormatError(path, f"cannot be read: {error.strerror or error}") from error
    with handle:
        done = 0
        while chunk := handle.read(_CHUNK):
            done += len(chunk)
            _parse(parser, path, chunk, False)
            yield from builder.take()
            if progress:
                progress(done, size)
        _parse(parser, path, b"", True)
    yield from builder.take()
    if not builder.seen_root:
        raise FormatError(path, "is not a Timeline file: its root element is not <timeline>")


def _parse(parser: expat.XMLParserType, path: Path, chunk: bytes, last: bool) -> None:
    try:
        parser.Parse(chunk, last)
    except _Refused as error:
        raise FormatError(path, str(error), f"line {parser.CurrentLineNumber}") from error
    except expat.ExpatError as error:
        raise FormatError(
            path, f"is not well-formed XML: {expat.errors.messages[error.code]}",
            f"line {error.lineno}, column {error.offset + 1}",
        ) from error  # fmt: skip


class _Builder:
    """Collects each <event>, <category> and <era> as a dict of its children's text."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.seen_root = False
        self.stack: list[str] = []
        self.current: dict[str, object] | None = None
        self.record_line = 0
        self.text: list[str] = []
        self.pending: list[Record] = []
        self.themes = ThemeBook()
        self.categories: dict[str, tuple[Theme, str | None]] = {}
        self.sources = SourceBook()
        self.keys = KeyBook()
        self.count = 0
        self.gregorian = True

    def attach(self, parser: expat.XMLParserType) -> None:
        self.parser = parser
        parser.StartDoctypeDeclHandler = self._refuse_doctype
        parser.EntityDeclHandler = self._refuse_entity
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self.text.append

    def take(self) -> list[Record]:
        records, self.pending = self.pending, []
        return records

    def _refuse_doctype(self, *_args: object) -> None:
        raise _Refused(
            "has a document type declaration (<!DOCTYPE>), which Timeline files never have; "
            "it is refused so that nothing in it is expanded or fetched"
        )

    def _refuse_entity(self, *_args: object) -> None:
        raise _Refused("defines an entity (<!ENTITY>), which Timeline files never do")

    def _start(self, tag: str, _attributes: dict) -> None:
        if not self.stack:
            if tag != "timeline":
                raise _Refused(f"is not a Timeline file: its root element is <{tag}>")
            self.seen_root = True
        self.stack.append(tag)
        self.text.clear()
        parent = self.stack[-2] if len(self.stack) > 1 else ""
        if _RECORDS.get(tag) == parent and self.current is None:
            self.current = {"categories": []}
            self.record_line = self.parser.CurrentLineNumber

    def _end(self, tag: str) -> None:
        value = "".join(self.text).strip()
        self.text.clear()
        self.stack.pop()
        depth = len(self.stack)
        if (
            self.current is not None
            and depth >= 4
            and self.stack[-1] == "categories"
            and tag == "category"
        ):
            self.current["categories"].append(value)  # an event's several categories
        elif self.current is not None and tag in _RECORDS and depth == 2:
            record, self.current = self.current, None
            getattr(self, f"_{tag}")(record, f"<{tag}> at line {self.record_line}")
        elif self.current is not None and tag != "categories":
            self.current[tag] = value
        elif tag == "timetype" and value not in ("", "gregoriantime"):
            raise _Refused(f"uses the {value!r} calendar; only Gregorian dates can be imported")

    def _category(self, raw: dict, where: str) -> None:
        name = str(raw.get("name") or "").strip()
        if not name:
            raise FormatError(self.path, "has no name", where, "name")
        match = _COLOUR.match(str(raw.get("color") or ""))
        colour = (
            "#{:02X}{:02X}{:02X}".format(*(min(int(c), 255) for c in match.groups()))
            if match
            else None
        )
        theme = self.themes.theme(name, colour)
        self.categories[name] = (theme, str(raw.get("parent") or "").strip() or None)
        self.pending.append(theme)

    def _era(self, raw: dict, where: str) -> None:
        name = str(raw.get("name") or "").strip() or "Era"
        self._emit(raw, where, name, "", (self.themes.theme(ERAS_THEME),), ())

    def _event(self, raw: dict, where: str) -> None:
        title = _CONTAINER.sub("", str(raw.get("text") or "")).strip()
        names = [str(n) for n in raw["categories"]] or [str(raw.get("category") or "")]
        themes: list[Theme] = []
        for name in (n.strip() for n in names if n.strip()):
            themes += self._with_parents(name, where)
        links = [u.strip() for u in str(raw.get("hyperlink") or "").split(";") if u.strip()]
        citations = tuple(
            Citation("", self.sources.source(url, url))
            for url in links
            if url.lower().startswith(("http://", "https://", "mailto:"))
        )
        self._emit(
            raw,
            where,
            title,
            str(raw.get("description") or ""),
            tuple(dict.fromkeys(themes)),
            citations,
        )

    def _with_parents(self, name: str, where: str) -> list[Theme]:
        chain: list[Theme] = []
        while name and len(chain) < 50:  # a cycle of parents stops here
            known = self.categories.get(name)
            if known is None:
                raise FormatError(self.path, f"names the category {name!r}, which is not defined",
                                  where, "category")  # fmt: skip
            chain.append(known[0])
            name = known[1]
        return chain

    def _emit(
        self, raw: dict, where: str, title: str, summary: str, themes: tuple, citations: tuple
    ) -> None:
        self.count += 1
        start = self._time(raw, where, "start", title)
        end = self._time(raw, where, "end", title) if raw.get("end") else start
        fuzzy = any(
            str(raw.get(k, "")).strip() == "True" for k in ("fuzzy", "fuzzy_start", "fuzzy_end")
        )
        milestone = str(raw.get("milestone", "")).strip() == "True"
        try:
            when = DateSpan(start, None if end == start else end, fuzzy)
        except DateError as error:
            raise FormatError(self.path, f"{error} (event “{title}”)", where, "end") from error
        self.pending.append(Event(
            key=self.keys.key(None, self.count), when=when, title=title or span_label(when),
            summary=summary, themes=themes, citations=citations,
            importance=Importance.MILESTONE if milestone else None,
        ))  # fmt: skip

    def _time(self, raw: dict, where: str, field: str, title: str) -> PartialDate:
        text = str(raw.get(field) or "")
        match = _TIME.match(text)
        try:
            if not match:
                raise DateError(f"{text!r} is not a time: Timeline writes YYYY-MM-DD HH:MM:SS")
            year, month, day, hour, minute, _second = match.groups()
            if hour is not None and int(hour) == 0 and int(minute) == 0:
                hour = minute = None  # midnight: Timeline's way of saying "that day"
            return partial_date(year, month, day, hour, minute)
        except DateError as error:
            raise FormatError(self.path, f"{error} (event “{title}”)", where, field) from error
