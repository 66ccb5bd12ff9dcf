"""Sources and quotes as a reader cites them."""

from __future__ import annotations

from timeline_app.timeline.dates import DateError, PartialDate
from timeline_app.timeline.events import Citation, Source
from timeline_app.wording.dates import approximately, date_label
from timeline_app.wording.quotes import status_phrase
from timeline_app.wording.translation import translate


def published_label(source: Source) -> str | None:
    """When the source came out, as a reader writes it; its own words if not a date."""
    if not source.published:
        return None
    try:
        text = date_label(PartialDate.parse(source.published))
    except DateError:
        return source.published
    return approximately(text) if source.published_approximate else text


def attribution(source: Source) -> str:
    """ "Title", Author, Publisher, date: as a reader cites it."""
    parts = [translate("sources", "“{title}”").format(title=source.title)]
    by = ", ".join(part for part in (source.author, source.publisher) if part)
    if by:
        parts.append(by)
    published = published_label(source)
    if published:
        parts.append(published)
    return ", ".join(parts)


def citation_text(citation: Citation) -> str:
    """The quote with its attribution, ready to paste into a paper (the attribution alone for a
    source cited without a quote)."""
    if not citation.quote:
        return attribution(citation.source)
    return translate("sources", "“{quote}” — {attribution}").format(
        quote=citation.quote, attribution=attribution(citation.source)
    )


def quote_status_label(status: str | None) -> str | None:
    """A citation's status (timeline/quotes.py) as the PDF sets it after the quote; None where
    there is nothing to say. The words are kept with the other quote-status words."""
    return status_phrase(status) if status else None
