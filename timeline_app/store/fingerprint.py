"""A timeline's content in one hash: to tell a 0.1.0 copy the user never changed from one they did.

Only what 0.1.0 stored counts (title, themes, sources, events, their themes and quotes): later
migrations add importance and source relations to old copies, which changes nothing the user did.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import closing
from pathlib import Path

# The content of the timeline 0.1.0 shipped (and copied into the data folder on first start).
RELEASE_0_1_0 = "722a3a2a5eaaf22d"

_QUERIES = (
    "SELECT value FROM settings WHERE key = 'title'",
    "SELECT slug, name, colour, position FROM themes ORDER BY slug",
    "SELECT id, title, publisher, author, published, published_approximate, url, archive, note "
    "FROM sources ORDER BY id",
    'SELECT key, start, "end", approximate, title, summary FROM events ORDER BY key',
    "SELECT e.key, t.slug FROM event_themes et JOIN events e ON e.id = et.event_id "
    "JOIN themes t ON t.id = et.theme_id ORDER BY e.key, t.slug",
    "SELECT e.key, c.source_id, c.position, c.quote FROM citations c "
    "JOIN events e ON e.id = c.event_id ORDER BY e.key, c.position",
)


def content_fingerprint(path: Path) -> str:
    """A short hash of what the user could have changed in the file (read-only; sqlite3 errors
    pass through to the caller)."""
    digest = hashlib.sha256()
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        for query in _QUERIES:
            rows = connection.execute(query).fetchall()
            digest.update(json.dumps(rows, ensure_ascii=False).encode())
    return digest.hexdigest()[:16]
