"""An event's stored columns, worked out from what it is the same way by every writer (the bulk
writer in writing.py and the editing changes in edit_events.py)."""

from __future__ import annotations

from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.importance import Importance


def event_columns(
    when: DateSpan,
    *,
    title: str,
    summary: str,
    importance: Importance | None,
    date_basis: str,
    primary_theme_id: int | None,
) -> dict[str, object]:
    """The events row but its id and key: the dates as typed and the days and sort key the
    timeline index reads them by."""
    return {
        "start": when.start.iso(),
        "end": when.end.iso() if when.end else None,
        "approximate": int(when.approximate),
        "start_day": when.first_day().toordinal(),
        "end_day": when.last_day().toordinal(),
        "sort_key": when.sort_key(),
        "primary_theme_id": primary_theme_id,
        "title": title,
        "summary": summary,
        "importance": None if importance is None else int(importance),
        "date_basis": date_basis,
    }
