"""Turning what a reader types into a safe FTS5 query: their text is always data, never syntax."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline_app.store.database import Database

_WORD = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]*)"')


def fts_query(text: str) -> str | None:
    """A MATCH expression in which every word must appear; None when there is nothing to find.

    Balanced double quotes keep a phrase together; anything else (operators, brackets, a lone
    quote) is read as plain words. Words match as prefixes, so "lead" finds "leading" and
    results follow typing.
    """
    terms: list[str] = []
    remainder = text
    if text.count('"') % 2 == 0:
        for phrase in _PHRASE.findall(text):
            words = _WORD.findall(phrase)
            if words:
                terms.append('"' + " ".join(words) + '"')
        remainder = _PHRASE.sub(" ", text)
    words = _WORD.findall(remainder)
    terms.extend(f'"{word}"*' for word in words)
    return " AND ".join(terms) if terms else None


def words_to_highlight(text: str) -> list[str]:
    """The words of a search, for highlighting matches in the list and the detail pane."""
    return [word for word in _WORD.findall(text) if word]


def matching_ids(db: Database, text: str) -> frozenset[int]:
    """The ids of the events whose title, summary or quotes hold every word of the search."""
    query = fts_query(text)
    if query is None:
        return frozenset()
    rows = db.read("SELECT rowid FROM events_fts WHERE events_fts MATCH ?", (query,))
    return frozenset(row[0] for row in rows)
