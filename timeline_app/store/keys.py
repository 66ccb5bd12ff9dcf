"""Names the store makes up for what a user adds: an event's key, a theme's slug, a source's id."""

from __future__ import annotations

import re
import sqlite3
import unicodedata

from timeline_app.timeline.folding import fold_letters

_NOT_A_WORD = re.compile(r"[^a-z0-9]+")
_LONGEST = 40


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Qəbələ festival" → "qebele-festival"."""
    plain = unicodedata.normalize("NFKD", fold_letters(text)).encode("ascii", "ignore").decode()
    return _NOT_A_WORD.sub("-", plain.lower()).strip("-")[:_LONGEST].strip("-")


def new_key(
    connection: sqlite3.Connection, table: str, column: str, text: str, suffix: str = ""
) -> str:
    """A slug of text (and suffix) no row of table has in column yet: "embassy-opens-2023",
    then "embassy-opens-2023-2"."""
    base = "-".join(part for part in (slug(text), slug(suffix)) if part) or table.rstrip("s")
    key, n = base, 1
    while connection.execute(f"SELECT 1 FROM {table} WHERE {column} = ?", (key,)).fetchone():
        n += 1
        key = f"{base}-{n}"
    return key
