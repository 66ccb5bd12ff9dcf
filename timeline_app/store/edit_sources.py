"""Adding, editing and deleting sources, with their archived texts."""

from __future__ import annotations

import sqlite3

from timeline_app.store.change import (
    Change,
    EditRefused,
    draft_phrases,
    gone_refusal,
    refuse,
    say,
)
from timeline_app.store.database import Database
from timeline_app.store.keys import new_key
from timeline_app.store.row_changes import RowChange, changes, read_one, read_rows
from timeline_app.timeline.drafts import SourceDraft
from timeline_app.timeline.phrases import QT_TRANSLATE_NOOP
from timeline_app.timeline.quotes import document_sha256, verified_in


def add_source(db: Database, draft: SourceDraft) -> Change:
    refuse(draft_phrases(draft))

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        source_id = new_key(connection, "sources", "id", draft.title, _year(draft.published))
        row = {"id": source_id, "archive": "", **_source_columns(draft)}
        rows = [RowChange("sources", None, row)]
        return rows + changes("source_texts", [], _text_rows(source_id, draft.archived_text))

    return Change(
        say(QT_TRANSLATE_NOOP("editing", "Add source “{title}”"), title=draft.title.strip()),
        plan,
        sources_changed=True,
    )


def edit_source(db: Database, source_id: str, draft: SourceDraft) -> Change:
    _source_title(db, source_id)
    refuse(draft_phrases(draft))

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        before = read_one(connection, "sources", "id = ?", (source_id,))
        texts = read_rows(connection, "source_texts", "source_id = ?", (source_id,))
        new_texts = _text_rows(source_id, draft.archived_text)
        rows = changes("sources", [before], [before | _source_columns(draft)])
        rows += changes("source_texts", texts, new_texts)
        if texts != new_texts and new_texts:  # every quote of it checked against the new text
            cited = read_rows(connection, "citations", "source_id = ?", (source_id,))
            text = new_texts[0]["text"]
            checked = [row | {"verified_in": verified_in(row["quote"], text)} for row in cited]
            rows += changes("citations", cited, checked)
        return rows

    return Change(
        say(QT_TRANSLATE_NOOP("editing", "Edit source “{title}”"), title=draft.title.strip()),
        plan,
        sources_changed=True,
    )


def delete_source(db: Database, source_id: str) -> Change:
    title = _source_title(db, source_id)

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        rows = []
        for table, where in (
            ("citations", "source_id = ?"),
            ("source_relations", "source_id = ?1 OR depends_on_id = ?1"),
            ("source_texts", "source_id = ?"),
            ("sources", "id = ?"),
        ):
            rows += changes(table, read_rows(connection, table, where, (source_id,)), [])
        return rows

    return Change(
        say(QT_TRANSLATE_NOOP("editing", "Delete source “{title}”"), title=title),
        plan,
        sources_changed=True,
    )


def _source_columns(draft: SourceDraft) -> dict[str, object]:
    def optional(text: str | None) -> str | None:
        return text.strip() or None if text else None

    published = optional(draft.published)
    return {
        "title": draft.title.strip(),
        "publisher": optional(draft.publisher),
        "author": optional(draft.author),
        "published": published,
        "published_approximate": int(bool(published and draft.published_approximate)),
        "url": optional(draft.url),
        "note": optional(draft.note),
    }


def _text_rows(source_id: str, text: str | None) -> list[dict]:
    if not text or not text.strip():
        return []
    return [{"source_id": source_id, "text": text, "sha256": document_sha256(text)}]


def _year(published: str | None) -> str:
    return published.strip()[:4] if published else ""


def _source_title(db: Database, source_id: str) -> str:
    rows = db.read("SELECT title FROM sources WHERE id = ?", (source_id,))
    if not rows:
        raise EditRefused(gone_refusal("sources"))
    return rows[0][0]
