"""The exported document's words, in order: heading, timeline, events with quotes, sources."""

from __future__ import annotations

from collections.abc import Iterator

from timeline_app.export.blocks import Block, GraphicBlock, TextBlock
from timeline_app.export.content import ExportContent, NumberedSources
from timeline_app.export.typeset import Paragraph, TextStyle
from timeline_app.export.words import backing_words, date_basis_words, dependence_words, tr
from timeline_app.timeline.events import Event, Source
from timeline_app.timeline.quotes import NOT_FOUND, UNVERIFIABLE, VERIFIED
from timeline_app.wording.dates import span_label
from timeline_app.wording.sources import attribution, quote_status_label

GREY = "#555555"
TITLE = TextStyle(18, bold=True)
FILTER = TextStyle(11, colour="#333333")
META = TextStyle(9, colour=GREY)
SECTION = TextStyle(14, bold=True)
DATE = TextStyle(9, bold=True, colour=GREY)
EVENT_TITLE = TextStyle(11.5, bold=True)
THEMES = TextStyle(8.5, colour=GREY)
SUMMARY = TextStyle(10)
QUOTE = TextStyle(9.5, colour="#222222")
MARKER = TextStyle(9.5, colour=GREY)
SOURCE = TextStyle(9)
NOTHING = TextStyle(10, italic=True, colour=GREY)
QUOTE_INDENT = 14.0
SOURCE_INDENT = 24.0
QUOTE_RULE = "#b8b8b8"
# A quote's standing against its source's archived text, set after its source number: found in
# green, not found in red, unverifiable in grey (the words say it too, for a grey print).
QUOTE_STATUS = {
    VERIFIED: TextStyle(8.5, colour="#1a7f37"),
    NOT_FOUND: TextStyle(8.5, bold=True, colour="#b42318"),
    UNVERIFIABLE: TextStyle(8.5, italic=True, colour=GREY),
}


def events_line(content: ExportContent) -> str:
    """ "12 of 36 events"."""
    total = content.timeline_events
    return tr("{shown} of %n event(s)", None, total, shown=len(content.events))


def document_blocks(content: ExportContent, graphic: list[GraphicBlock]) -> Iterator[Block]:
    """Every block of the document, top to bottom."""
    yield heading(content)
    if not content.events:
        yield TextBlock((Paragraph(tr("No events match this filter."), NOTHING),), space_before=14)
        return
    yield from graphic
    yield TextBlock((Paragraph(tr("Events"), SECTION),), space_before=16, keep_with_next=True)
    for event in content.events:
        yield from event_blocks(event, content.sources)
    if not content.sources.sources:
        return
    yield TextBlock((Paragraph(tr("Sources"), SECTION),), space_before=20, keep_with_next=True)
    for source in content.sources.sources:
        yield source_block(source, content.sources)


def heading(content: ExportContent) -> TextBlock:
    meta = tr("Exported {date}", date=content.exported_on_label) + " · " + events_line(content)
    return TextBlock(
        (
            Paragraph(content.title, TITLE, space_after=4),
            Paragraph(content.filter_words, FILTER, space_after=2),
            Paragraph(meta, META, space_after=8),
        )
    )


def event_blocks(event: Event, sources: NumberedSources) -> Iterator[TextBlock]:
    """The event's heading and summary in one block, then one block per quote."""
    paragraphs = [
        Paragraph.of([(span_label(event.when), None, None), (provenance(event), META, None)], DATE,
                     space_after=1),
        Paragraph(event.title, EVENT_TITLE, space_after=1),
    ]  # fmt: skip
    if event.themes:
        names = " · ".join(theme.name for theme in event.themes)
        paragraphs.append(Paragraph(names, THEMES, space_after=3))
    if event.summary.strip():
        paragraphs.append(Paragraph(event.summary.strip(), SUMMARY, space_after=2))
    yield TextBlock(tuple(paragraphs), space_before=12)
    if event.citations:
        yield continued_heading(event)
    rule = event.themes[0].colour if event.themes else QUOTE_RULE
    for citation in event.citations:
        marker = f" [{sources.number(citation.source)}]"
        # An imported source may come without a quote (a link, a picture's credit): named only.
        words = f"“{citation.quote.strip()}”" if citation.quote.strip() else tr("Source")
        pieces = [(words, None, None), (marker, MARKER, None)]
        status = quote_status_label(citation.status) if citation.quote.strip() else None
        if status:
            pieces.append((f" · {status}", QUOTE_STATUS[citation.status], None))
        quote = Paragraph.of(
            pieces,
            QUOTE,
            indent=QUOTE_INDENT,
            space_after=2,
        )
        yield TextBlock((quote,), space_before=3, rule=rule, continues=True)


def continued_heading(event: Event) -> TextBlock:
    """The event's date and title again, above its quotes where they go on on a new page."""
    return TextBlock(
        (
            Paragraph(span_label(event.when), DATE, space_after=1),
            Paragraph(tr("{title} (continued)", title=event.title), EVENT_TITLE, space_after=3),
        ),
        repeated_heading=True,
    )


def provenance(event: Event) -> str:
    """ " · date from the sources · backed by 2 independent sources", to follow the date."""
    words = " · " + date_basis_words(event.date_basis)
    if event.citations:
        backing = backing_words(event.independent_sources, event.cited_sources)
        words += " · " + tr("backed by {sources}", sources=backing)
    return words


def source_block(source: Source, sources: NumberedSources) -> TextBlock:
    """ "[3] “Title”, Author, Publisher, 12 March 2024. https://…" with the address a link,
    then which other listed source it depends on: "Paraphrases [2]"."""
    pieces: list[tuple[str, TextStyle | None, str | None]] = [
        (attribution(source) + ".", None, None)
    ]
    if source.url:
        link = source.url if source.has_web_link() else None
        pieces.append((" ", None, None))
        pieces.append((source.url, None, link))
    for dependence in source.depends_on:
        if dependence.source_id in sources.numbers:
            other = f"[{sources.numbers[dependence.source_id]}]"
            words = dependence_words(dependence.kind, tr("It"), other)
            pieces.append((f" {words}.", None, None))
    paragraph = Paragraph.of(
        pieces, SOURCE, indent=SOURCE_INDENT, space_after=3, label=f"[{sources.number(source)}]"
    )
    return TextBlock((paragraph,), space_before=2)
