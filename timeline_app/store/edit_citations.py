"""Adding, editing and deleting the quotes an event cites, each checked as it is written."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from timeline_app.store.change import (
    SAY,
    Change,
    EditRefused,
    draft_phrases,
    event_title,
    gone_refusal,
    next_id,
    refuse,
    say,
)
from timeline_app.store.database import Database
from timeline_app.store.row_changes import RowChange, changes, read_one, read_rows
from timeline_app.timeline.drafts import CitationDraft
from timeline_app.timeline.phrases import QT_TRANSLATE_NOOP, Phrase
from timeline_app.timeline.quotes import normalise, verified_in


def add_citation(db: Database, event_id: int, draft: CitationDraft) -> Change:
    title = event_title(db, event_id)
    refuse(citation_problems(db, [draft], numbered=False))

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        position = connection.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM citations WHERE event_id = ?",
            (event_id,),
        ).fetchone()[0]
        citation_id = next_id(connection, "citations")
        row = citation_row(connection, citation_id, event_id, position, draft)
        return [RowChange("citations", None, row)]

    return Change(say(QT_TRANSLATE_NOOP("editing", "Add a quote to “{title}”"), title=title), plan)


def edit_citation(db: Database, citation_id: int, draft: CitationDraft) -> Change:
    title = _citationevent_title(db, citation_id)
    refuse(citation_problems(db, [draft], numbered=False))

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        before = read_one(connection, "citations", "id = ?", (citation_id,))
        after = citation_row(connection, citation_id, before["event_id"], before["position"],
                              draft, before)  # fmt: skip
        return changes("citations", [before], [after])

    return Change(say(QT_TRANSLATE_NOOP("editing", "Edit a quote of “{title}”"), title=title), plan)


def delete_citation(db: Database, citation_id: int) -> Change:
    title = _citationevent_title(db, citation_id)

    def plan(connection: sqlite3.Connection) -> list[RowChange]:
        return changes("citations", read_rows(connection, "citations", "id = ?", (citation_id,)),
                       [])  # fmt: skip

    return Change(
        say(QT_TRANSLATE_NOOP("editing", "Delete a quote of “{title}”"), title=title), plan
    )


def citation_row(
    connection: sqlite3.Connection, citation_id: int, event_id: int, position: int,
    draft: CitationDraft, before: dict | None = None,
) -> dict[str, object]:  # fmt: skip
    """The citation as stored, its verified_in checked against its source's stored text. With
    no text to check against (a bundled quote, verified when the file was built), the same
    words from the same source keep the verification they had."""

    # Deleted since the change was built: refused as the build would have, where the file
    # itself would only fail the commit and call it a conflict.
    def stored(source_id: str) -> bool:
        query = "SELECT 1 FROM sources WHERE id = ?"
        return connection.execute(query, (source_id,)).fetchone() is not None

    refuse(_source_problem(draft, stored))
    text = connection.execute(
        "SELECT text FROM source_texts WHERE source_id = ?", (draft.source_id,)
    ).fetchone()
    if (
        text is None
        and before is not None
        and before["source_id"] == draft.source_id
        and (normalise(before["quote"]) == normalise(draft.quote))
    ):
        found = before["verified_in"]
    else:
        found = verified_in(draft.quote, text[0] if text else None)
    return {
        "id": citation_id,
        "event_id": event_id,
        "source_id": draft.source_id,
        "position": position,
        "quote": draft.quote,
        "verified_in": found,
    }


def citation_problems(
    db: Database, drafts: Sequence[CitationDraft], *, numbered: bool = True
) -> dict[str, Phrase]:
    known = {source_id for (source_id,) in db.read("SELECT id FROM sources")}
    found: dict[str, Phrase] = {}
    for n, draft in enumerate(drafts, 1):
        here = draft_phrases(draft) | _source_problem(draft, known.__contains__)
        for field, problem in here.items():
            if numbered:
                found.setdefault("citations", say(SAY["citation"], n=n, problem=problem))
            else:
                found[field] = problem
    return found


def _citationevent_title(db: Database, citation_id: int) -> str:
    rows = db.read(
        "SELECT e.title FROM citations c JOIN events e ON e.id = c.event_id WHERE c.id = ?",
        (citation_id,),
    )
    if not rows:
        raise EditRefused(gone_refusal("citations"))
    return rows[0][0]


def _source_problem(draft: CitationDraft, stored: Callable[[str], bool]) -> dict[str, Phrase]:
    """The quote's source, when one is chosen, must be in the file (stored(id) says whether)."""
    if draft.source_id.strip() and not stored(draft.source_id):
        return {"source_id": say(SAY["no such source"])}
    return {}
