"""Triggers that keep the full-text index in step with events and citations, whoever writes.

The index holds each event's title, summary and quotes with their letters folded
(timeline.folding). A trigger folds them in SQL the same way, with one replace() per letter, so
any program that writes the file keeps search right without this app's Python.
"""

from __future__ import annotations

from timeline_app.timeline.folding import PLAIN_LETTERS


def fold_sql(expression: str) -> str:
    """SQL that folds the letters of expression as fold_letters does."""
    for letter, plain in PLAIN_LETTERS.items():
        expression = f"replace({expression}, '{chr(letter)}', '{plain}')"
    return expression


def _quotes_of(event_id: str) -> str:
    # The quotes joined by line feeds in citation order, as search_row joins them. SQLite
    # concatenates in the order the inner query gives; ORDER BY inside group_concat needs 3.44.
    quote = fold_sql("quote")
    return (
        f"coalesce((SELECT group_concat(folded, char(10)) FROM (SELECT {quote} AS folded "
        f"FROM citations WHERE event_id = {event_id} ORDER BY position, id)), '')"
    )


def _requote(event_id: str) -> str:
    return f"UPDATE events_fts SET quotes = {_quotes_of(event_id)} WHERE rowid = {event_id};"


SEARCH_TRIGGERS = {
    "events_insert_indexes_search": (
        "AFTER INSERT ON events BEGIN "
        "INSERT INTO events_fts (rowid, title, summary, quotes) VALUES (new.id, "
        f"{fold_sql('new.title')}, {fold_sql('new.summary')}, {_quotes_of('new.id')}); END"
    ),
    "events_update_indexes_search": (
        "AFTER UPDATE OF title, summary ON events BEGIN "
        f"UPDATE events_fts SET title = {fold_sql('new.title')}, "
        f"summary = {fold_sql('new.summary')} WHERE rowid = new.id; END"
    ),
    "events_delete_indexes_search": (
        "AFTER DELETE ON events BEGIN DELETE FROM events_fts WHERE rowid = old.id; END"
    ),
    "citations_insert_indexes_search": (
        f"AFTER INSERT ON citations BEGIN {_requote('new.event_id')} END"
    ),
    "citations_update_indexes_search": (
        "AFTER UPDATE OF quote, event_id, position ON citations BEGIN "
        f"{_requote('old.event_id')} {_requote('new.event_id')} END"
    ),
    "citations_delete_indexes_search": (
        f"AFTER DELETE ON citations BEGIN {_requote('old.event_id')} END"
    ),
}

# The saved in-memory index ranks events by how many sources and quotes they have: a change of
# citations drops it too, as changes of events and themes already do (migration 0001).
_CITATION_CHANGES = {
    "citations_insert_drops_index_cache": "AFTER INSERT ON citations",
    "citations_update_drops_index_cache": "AFTER UPDATE OF event_id, source_id ON citations",
    "citations_delete_drops_index_cache": "AFTER DELETE ON citations",
}
INDEX_CACHE_TRIGGERS = {
    name: f"{when} BEGIN DELETE FROM index_cache; END" for name, when in _CITATION_CHANGES.items()
}


def create_statements(triggers: dict[str, str]) -> list[str]:
    return [f"CREATE TRIGGER {name} {body}" for name, body in triggers.items()]


def drop_statements(triggers: dict[str, str]) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name}" for name in triggers]
