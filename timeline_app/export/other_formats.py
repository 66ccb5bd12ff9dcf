"""Export to TimelineJS (JSON or sheet) or the app's own JSON, through the same safe replacing
as the PDF: written beside the target, moved into place whole, read-only targets refused."""

from __future__ import annotations

import sys
from pathlib import Path

from timeline_app.export.safe_file import ExportError, replacing
from timeline_app.formats.from_database import timeline_records
from timeline_app.formats.registry import WRITERS
from timeline_app.store.database import Database
from timeline_app.store.errors import StoreError
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.wording.counts import events as event_count


def export_records(db: Database, wanted: TimelineFilter, target: Path, format_name: str) -> int:
    """Write the events that pass wanted to target; returns how many. ExportError or StoreError
    say why nothing was written."""
    with replacing(target) as temporary, temporary.open("w", encoding="utf-8", newline="") as out:
        count = WRITERS[format_name](timeline_records(db, wanted), out)
    return count


def export_from_command_line(
    db: Database, wanted: TimelineFilter, target: Path, format_name: str
) -> int:
    """`timeline-app export OUT --format timelinejs|csv|json`; returns the exit code."""
    try:
        count = export_records(db, wanted, target, format_name)
    except (ExportError, StoreError) as error:
        print(f"timeline-app: {error}", file=sys.stderr)
        return 1
    print(f"Exported {event_count(count)} to {target}")
    return 0
