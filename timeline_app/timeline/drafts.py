"""What an editor edits: an event, a theme, a source or a citation as typed, before it is saved.

Validation lives here, in one place: problems(draft) says what is wrong with each field, in the
user's words, keyed by the dataclass field name so an editor can put it beside that field. What
only the stored timeline can tell (an unknown theme, a name taken already) the store adds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import TypeVar

from timeline_app.timeline.dates import DateError, DateSpan, PartialDate
from timeline_app.timeline.events import DATE_BASES
from timeline_app.timeline.importance import Importance


@dataclass(frozen=True)
class EventDraft:
    title: str
    summary: str
    start: str  # ISO partial date as typed: "2023", "2023-03", "2023-03-29", "2023-03-29T14:05"
    end: str | None  # None: a moment, not a period
    approximate: bool
    importance: Importance | None
    date_basis: str  # DOCUMENTS or GENERAL_KNOWLEDGE (timeline/events.py)
    # The first is the event's primary theme; the others are kept in the theme list's order
    # (store.editing.as_stored says how a draft reads back once saved).
    theme_slugs: tuple[str, ...]

    def span(self) -> DateSpan:
        """When the event happened; DateError when problems() has something to say of it."""
        return DateSpan.parse(self.start, self.end or None, self.approximate)


@dataclass(frozen=True)
class ThemeDraft:
    name: str
    colour: str  # "#RRGGBB"


@dataclass(frozen=True)
class SourceDraft:
    title: str
    publisher: str | None
    author: str | None
    published: str | None  # ISO partial date or None
    published_approximate: bool
    url: str | None
    archived_text: str | None  # the document's text, pasted or read from a .txt/.html file
    note: str | None


@dataclass(frozen=True)
class CitationDraft:
    source_id: str
    quote: str


Draft = EventDraft | ThemeDraft | SourceDraft | CitationDraft
D = TypeVar("D", EventDraft, ThemeDraft, SourceDraft, CitationDraft)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks a sentence for the translation catalogue (wording/drafts.py translates it)."""
    return text


# Every phrase problems() can say, in one place (the store's own refusals are in store/editing).
SAY = {
    "no title": QT_TRANSLATE_NOOP("drafts", "Give it a title."),
    "no name": QT_TRANSLATE_NOOP("drafts", "Give the theme a name."),
    "no source": QT_TRANSLATE_NOOP("drafts", "Choose the source the quote comes from."),
    "not a date": QT_TRANSLATE_NOOP(
        "drafts", "Write the date as YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM."
    ),
    "no such date": QT_TRANSLATE_NOOP("drafts", "There is no such date."),
    "ends before start": QT_TRANSLATE_NOOP("drafts", "The period ends before it starts."),
    "not a colour": QT_TRANSLATE_NOOP(
        "drafts", "Write the colour as # and six hexadecimal digits, such as #1f77b4."
    ),
    "unknown basis": QT_TRANSLATE_NOOP(
        "drafts", "Say whether the date comes from the documents or from general knowledge."
    ),
    "theme twice": QT_TRANSLATE_NOOP("drafts", "A theme is listed twice."),
    "not an address": QT_TRANSLATE_NOOP(
        "drafts", "Write a web address such as https://example.org/article."
    ),
}
Say = Callable[[str], str]  # one of SAY's sentences in the reader's language


_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_URL = re.compile(r"^\S+$")  # anything typed without spaces: a web address, a DOI, a file name


def keep_typing(typed: D, loaded: D, stored: D) -> D:
    """What a form shows when what it was loaded from changed in the file meanwhile (an undo,
    another window): each field the user has typed in since keeps the typing, every other
    field shows what is stored now."""
    mine = {f.name: getattr(typed, f.name) for f in fields(typed)
            if getattr(typed, f.name) != getattr(loaded, f.name)}  # fmt: skip
    return replace(stored, **mine)


def clashing(typed: D, loaded: D, stored: D) -> tuple[str, ...]:
    """The fields keep_typing keeps the typing of although the file changed them too, to
    something else: the form says so beside each, so that Save does not write over the other
    change unseen."""
    return tuple(
        f.name for f in fields(typed)
        if getattr(loaded, f.name) != getattr(typed, f.name) != getattr(stored, f.name)
        and getattr(loaded, f.name) != getattr(stored, f.name)
    )  # fmt: skip


def problems(draft: Draft, say: Say = str) -> dict[str, str]:
    """{field name: what is wrong with it}; empty when the draft can be saved as it is.

    say translates each sentence (wording.drafts.draft_problems passes the reader's language)."""
    check = _CHECKS[type(draft)]
    return {field: say(SAY[problem]) for field, problem in check(draft) if problem}


def _event(draft: EventDraft):
    yield "title", None if draft.title.strip() else "no title"
    start = _date_problem(draft.start)
    yield "start", start
    end = _date_problem(draft.end) if draft.end else None
    yield "end", end
    if not start and not end and draft.end:
        try:
            draft.span()
        except DateError:
            yield "end", "ends before start"
    if draft.date_basis not in DATE_BASES:
        yield "date_basis", "unknown basis"
    if len(set(draft.theme_slugs)) != len(draft.theme_slugs):
        yield "theme_slugs", "theme twice"


def _theme(draft: ThemeDraft):
    yield "name", None if draft.name.strip() else "no name"
    yield "colour", None if _COLOUR.match(draft.colour.strip()) else "not a colour"


def _source(draft: SourceDraft):
    yield "title", None if draft.title.strip() else "no title"
    yield "published", _date_problem(draft.published) if draft.published else None
    if draft.url and not _URL.match(draft.url.strip()):
        yield "url", "not an address"


def _citation(draft: CitationDraft):
    # An empty quote is allowed: a source credited without its words (check_quote says EMPTY).
    yield "source_id", None if draft.source_id.strip() else "no source"


def _date_problem(text: str) -> str | None:
    try:
        PartialDate.parse(text)
    except DateError as error:
        if "is not a date" in str(error):
            return "not a date"
        return "no such date"
    return None


_CHECKS = {EventDraft: _event, ThemeDraft: _theme, SourceDraft: _source, CitationDraft: _citation}
