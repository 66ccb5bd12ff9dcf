"""Turning what a reader types into a safe FTS5 query: their text is always data, never syntax.

The index holds each event's text with its letters folded (timeline.folding), and a query folds
the reader's words the same way, so "Qirmizi" finds "Qırmızı".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from timeline_app.timeline.folding import fold_letters

if TYPE_CHECKING:
    from timeline_app.store.database import Database

_WORD = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]*)"')
# An empty phrase matches no row: the query for a search with nothing searchable in it.
NOTHING = '""'
# The ids an FTS query finds, as one comma-separated string (see found_ids).
FOUND_IDS = "SELECT group_concat(rowid) FROM events_fts WHERE events_fts MATCH ?"
INSERT_ROW = "INSERT INTO events_fts(rowid, title, summary, quotes) VALUES (?, ?, ?, ?)"


def fts_query(text: str) -> str | None:
    """A MATCH expression in which every word must appear; None when nothing was typed.

    Balanced double quotes keep a phrase together; anything else (operators, brackets, a lone
    quote) is read as plain words. Words match as prefixes, so "lead" finds "leading" and
    results follow typing. Text with no word in it (only emoji or punctuation) finds nothing.
    """
    if not text.strip():
        return None
    text = fold_letters(text)
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
    return " AND ".join(terms) if terms else NOTHING


def search_row(
    event_id: int,
    title: str,
    summary: str,
    quotes: Iterable[str],
    fold: Callable[[str], str] = fold_letters,
) -> tuple:
    """One event's row of the full-text index (INSERT_ROW's parameters), its letters folded."""
    return (event_id, fold(title), fold(summary), fold("\n".join(quotes)))


def words_to_highlight(text: str) -> list[str]:
    """The words of a search, for highlighting matches in the list and the detail pane."""
    return [word for word in _WORD.findall(text) if word]


def matching_ids(db: Database, text: str) -> frozenset[int]:
    """The ids of the events whose title, summary or quotes hold every word of the search."""
    found = found_ids(db, text)
    return frozenset(map(int, found.split(","))) if found else frozenset()


def found_ids(db: Database, text: str) -> str:
    """matching_ids as one comma-separated string ("" for none): SQLite hands over a hundred
    thousand ids as one string several times quicker than as a row each."""
    query = fts_query(text)
    if query is None:
        return ""
    return db.read(FOUND_IDS, (query,))[0][0] or ""
