"""What TimelineJS's JSON and its sheet share: a slide's parts becoming an event, and back."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from timeline_app.formats.html_text import escape, to_plain_text
from timeline_app.timeline.dates import DateError, DateSpan, PartialDate
from timeline_app.timeline.document import KeyBook, SourceBook, ThemeBook
from timeline_app.timeline.events import Citation, Event, Theme
from timeline_app.wording.dates import date_label, span_label
from timeline_app.wording.sources import attribution

ERAS_THEME = "Eras"  # TimelineJS's eras become events of this theme, and go back as eras
_APPROXIMATE = re.compile(r"^\s*(c\.|ca\.|circa|about|around|~)", re.IGNORECASE)
_TIME = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?(?::\d{2}(?:\.\d+)?)?\s*([AaPp][Mm])?\s*$")


@dataclass
class Slide:
    """One TimelineJS slide (event or era), its text still HTML."""

    start: PartialDate
    end: PartialDate | None
    headline: str
    text: str
    display_date: str = ""
    group: str = ""
    media_url: str = ""
    media_credit: str = ""
    media_caption: str = ""
    unique_id: str = ""
    is_era: bool = False


class SlideReader:
    """Turns slides into events, keeping one theme per group and one source per URL."""

    def __init__(self) -> None:
        self.themes = ThemeBook()
        self.sources = SourceBook()
        self.keys = KeyBook()
        self.count = 0

    def event(self, slide: Slide) -> Event:
        self.count += 1
        text = to_plain_text(slide.text)
        citations = [self._quoted(q.text, q.cite, q.attribution) for q in text.quotes]
        citations += self._media(slide)
        citations += [
            Citation("", self.sources.source(link.label, link.url)) for link in text.links
        ]
        group = ERAS_THEME if slide.is_era else " ".join(slide.group.split())
        themes: tuple[Theme, ...] = (self.themes.theme(group),) if group else ()
        approximate = bool(_APPROXIMATE.match(slide.display_date))
        end = None if slide.end == slide.start else slide.end
        return Event(
            key=self.keys.key(slide.unique_id, self.count),
            when=DateSpan(slide.start, end, approximate),
            title=to_plain_text(slide.headline).text or date_label(slide.start),
            summary=text.text,
            themes=themes,
            citations=tuple(_unique(citations)),
        )

    def _quoted(self, quote: str, url: str | None, attribution: str | None) -> Citation:
        return Citation(quote, self.sources.source(attribution or url or "Quoted source", url))

    def _media(self, slide: Slide) -> list[Citation]:
        url, credit = slide.media_url.strip(), to_plain_text(slide.media_credit).text
        caption = to_plain_text(slide.media_caption).text
        if url.startswith("<"):  # TimelineJS shows HTML media (a blockquote) as it is
            media = to_plain_text(url)
            if media.quotes:
                return [
                    self._quoted(q.text, q.cite, q.attribution or credit or None)
                    for q in media.quotes
                ]
            return []
        if not url.lower().startswith(("http://", "https://")):
            return []  # a file beside the sheet, or nothing: not a source anyone can follow
        return [Citation("", self.sources.source(caption or url, url, credit))]


def _unique(citations: list[Citation]) -> list[Citation]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for citation in citations:
        key = (citation.quote, citation.source.id)
        if key not in seen:
            seen.add(key)
            kept.append(citation)
    return kept


def parse_time(text: str) -> tuple[int | None, int | None]:
    """ "14:30", "2:30 PM", "14" or "" as (hour, minute); DateError otherwise."""
    if not text or not text.strip():
        return None, None
    match = _TIME.match(text)
    if not match:
        raise DateError(f"{text!r} is not a time of day: write HH:MM")
    hour, minute, half = int(match[1]), match[2], (match[3] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise DateError(f"{text!r} is not a time of day")
        hour = hour % 12 + (12 if half == "pm" else 0)
    return hour, int(minute) if minute is not None else None


def slide_text(event: Event) -> str:
    """The event's summary and citations as TimelineJS text: quotes as block quotes with their
    source, sources without a quote as links."""
    parts = [escape(event.summary)]
    for citation in event.citations:
        source = citation.source
        if citation.quote:
            cite = f' cite="{_attribute(source.url)}"' if source.has_web_link() else ""
            parts.append(
                f"<blockquote{cite}>{escape(citation.quote)}"
                f"<cite>{inline_html(attribution(source))}</cite></blockquote>"
            )
        elif source.has_web_link():
            parts.append(
                f'<p><a href="{_attribute(source.url)}">{inline_html(source.title)}</a></p>'
            )
        else:
            parts.append(f"<p>{inline_html(attribution(source))}</p>")
    return "".join(part for part in parts if part)


def display_date(event: Event) -> str:
    """Only an approximate date needs saying in words: TimelineJS has no "circa" of its own."""
    return span_label(event.when) if event.when.approximate else ""


def group_of(event: Event) -> str:
    return event.themes[0].name if event.themes else ""


def is_era(event: Event) -> bool:
    return event.when.is_period and [t.name for t in event.themes] == [ERAS_THEME]


def inline_html(text: str) -> str:
    """Plain text inside an HTML element, without paragraphs: for headlines."""
    return html.escape(text, quote=False)


def _attribute(text: str | None) -> str:
    return html.escape(text or "", quote=True)


def date_parts(date: PartialDate) -> dict[str, str]:
    """A date as TimelineJS's fields, only those known."""
    values = {
        "year": date.year, "month": date.month, "day": date.day,
        "hour": date.hour, "minute": date.minute,
    }  # fmt: skip
    return {name: str(value) for name, value in values.items() if value is not None}
