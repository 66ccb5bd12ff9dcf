"""What an editor starts from (the drafts of what is stored), and what goes with a deletion."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline_app.store.change import gone_refusal
from timeline_app.store.errors import StoreError
from timeline_app.timeline.drafts import CitationDraft, EventDraft, SourceDraft, ThemeDraft
from timeline_app.timeline.importance import Importance
from timeline_app.timeline.phrases import QT_TRANSLATE_NOOP, Phrase, phrase, tr

if TYPE_CHECKING:
    from collections.abc import Sequence

    from timeline_app.store.database import Database


def _say(text: str, **values: object) -> Phrase:
    return phrase("editing", text, **values)


class NotStored(StoreError):
    """Asked for a draft of something the file does not hold (deleted meanwhile), said as a
    change's refusal would say it, without its id ("events", "themes" or "sources")."""

    def __init__(self, table: str) -> None:
        (self.phrase,) = gone_refusal(table).values()
        super().__init__(str(self.phrase))


def event_draft(db: Database, event_id: int) -> EventDraft:
    """The event as stored. Its themes: the primary theme first, then the others in the order
    of the theme list (only the first theme's place is the user's to choose; the others are
    links, kept without an order of their own), so it equals as_stored of the draft saved."""
    rows = db.read(
        'SELECT title, summary, start, "end", approximate, importance, date_basis, '
        "primary_theme_id FROM events WHERE id = ?",
        (event_id,),
    )
    if not rows:
        raise NotStored("events")
    title, summary, start, end, approximate, importance, basis, primary = rows[0]
    themes = db.read(
        "SELECT t.id, t.slug FROM event_themes et JOIN themes t ON t.id = et.theme_id "
        "WHERE et.event_id = ? ORDER BY t.position, t.id",
        (event_id,),
    )
    slugs = [slug for theme_id, slug in themes if theme_id == primary]
    slugs += [slug for theme_id, slug in themes if theme_id != primary]
    return EventDraft(
        title=title,
        summary=summary,
        start=start,
        end=end,
        approximate=bool(approximate),
        importance=None if importance is None else Importance(importance),
        date_basis=basis,
        theme_slugs=tuple(slugs),
    )


def as_stored(db: Database, draft: EventDraft) -> EventDraft:
    """The draft as the event reads back once saved (event_draft): title and summary trimmed,
    dates as stored, the first theme first and the others once each in theme order. For a draft
    problems() has nothing to say of."""
    span = draft.span()
    order = {slug: n for n, (slug,) in enumerate(db.read("SELECT slug FROM themes "
                                                          "ORDER BY position, id"))}  # fmt: skip
    first = draft.theme_slugs[:1]
    others = sorted(set(draft.theme_slugs) - set(first), key=lambda slug: order.get(slug, -1))
    return EventDraft(
        title=draft.title.strip(),
        summary=draft.summary.strip(),
        start=span.start.iso(),
        end=span.end.iso() if span.end else None,
        approximate=span.approximate,
        importance=draft.importance,
        date_basis=draft.date_basis,
        theme_slugs=(*first, *others),
    )


def theme_draft(db: Database, slug: str) -> ThemeDraft:
    rows = db.read("SELECT name, colour FROM themes WHERE slug = ?", (slug,))
    if not rows:
        raise NotStored("themes")
    return ThemeDraft(*rows[0])


def source_draft(db: Database, source_id: str) -> SourceDraft:
    rows = db.read(
        "SELECT title, publisher, author, published, published_approximate, url, note "
        "FROM sources WHERE id = ?",
        (source_id,),
    )
    if not rows:
        raise NotStored("sources")
    title, publisher, author, published, approximate, url, note = rows[0]
    return SourceDraft(
        title, publisher, author, published, bool(approximate), url,
        archived_text(db, source_id), note,
    )  # fmt: skip


def archived_text(db: Database, source_id: str) -> str | None:
    """The document a source's quotes come from, as the user stored it; None if not stored."""
    rows = db.read("SELECT text FROM source_texts WHERE source_id = ?", (source_id,))
    return rows[0][0] if rows else None


def citations_of(db: Database, event_id: int) -> list[tuple[int, CitationDraft]]:
    """(citation id, draft) of an event's citations, in order."""
    rows = db.read(
        "SELECT id, source_id, quote FROM citations WHERE event_id = ? ORDER BY position, id",
        (event_id,),
    )
    return [(citation_id, CitationDraft(source, quote)) for citation_id, source, quote in rows]


@dataclass(frozen=True)
class Consequences:
    """What else a deletion takes with it, for the question asked before it happens."""

    events: int = 0  # events deleted
    citations: int = 0  # citations deleted with them
    theme_links: int = 0  # events that lose a theme (the events stay)
    relations: int = 0  # a source's links to other sources it depends on or that depend on it
    archived_text: bool = False  # a source's archived text goes with it
    phrases: tuple[Phrase, ...] = ()  # each of the above that is not zero, in words

    @property
    def lines(self) -> tuple[str, ...]:
        """The phrases in English (wording.editing.consequence_lines: in the reader's language)."""
        return tuple(str(line) for line in self.phrases)


def deletion_consequences(
    db: Database,
    *,
    event_ids: Sequence[int] = (),
    theme_slug: str | None = None,
    source_id: str | None = None,
) -> Consequences:
    """What deleting these events, this theme or this source also deletes."""
    events = citations = links = relations = 0
    text = False
    lines: list[Phrase] = []
    if event_ids:
        ids = list(dict.fromkeys(event_ids))
        marks = ",".join("?" * len(ids))
        events = db.read(f"SELECT count(*) FROM events WHERE id IN ({marks})", ids)[0][0]
        citations = db.read(f"SELECT count(*) FROM citations WHERE event_id IN ({marks})", ids)[0][
            0
        ]
        if citations:
            lines.append(tr("%Ln quote(s).", "", citations))
    if theme_slug is not None:
        links = db.read(
            "SELECT count(*) FROM event_themes et JOIN themes t ON t.id = et.theme_id "
            "WHERE t.slug = ?",
            (theme_slug,),
        )[0][0]
        if links:
            lines.append(tr("Its link(s) to %Ln event(s) (no event is deleted).", "", links))
    if source_id is not None:
        cited, in_events = db.read(
            "SELECT count(*), count(DISTINCT event_id) FROM citations WHERE source_id = ?",
            (source_id,),
        )[0]
        citations += cited
        if cited:  # two counts, two sentences: each language forms each plural whole
            lines.append(tr("%Ln quote(s) from it.", "", cited))
            lines.append(tr("Quoted in %Ln event(s); no event is deleted.", "", in_events))
        relations = db.read(
            "SELECT count(*) FROM source_relations WHERE source_id = ?1 OR depends_on_id = ?1",
            (source_id,),
        )[0][0]
        if relations:
            lines.append(tr("Its link(s) to %Ln other source(s).", "", relations))
        # Whether there is one, without reading a text that may run to megabytes.
        text = bool(db.read("SELECT 1 FROM source_texts WHERE source_id = ?", (source_id,)))
        if text:
            lines.append(_say(QT_TRANSLATE_NOOP("editing", "Its archived text.")))
    return Consequences(events, citations, links, relations, text, tuple(lines))
