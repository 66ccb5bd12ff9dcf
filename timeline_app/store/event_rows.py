"""An event's stored columns, worked out from what it is the same way by every writer (the bulk
writer in event_batches.py and the editing changes in edit_events.py)."""

from __future__ import annotations

from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.importance import Importance

# The events table's columns but its id and key, in the order event_values gives them.
COLUMNS = (
    "start", "end", "approximate", "start_day", "end_day", "sort_key", "primary_theme_id",
    "title", "summary", "importance", "date_basis",
)  # fmt: skip


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
    values = event_values(when, title, summary, importance, date_basis, primary_theme_id)
    return dict(zip(COLUMNS, values, strict=True))


def event_values(
    when: DateSpan,
    title: str,
    summary: str,
    importance: Importance | None,
    date_basis: str,
    primary_theme: object,
) -> tuple:
    """event_columns as a tuple in the order of COLUMNS, for writing many events at once
    (primary_theme: the theme's id, or whatever the bulk statement looks its id up by)."""
    return (
        when.start.iso(),
        when.end.iso() if when.end else None,
        int(when.approximate),
        when.first_day().toordinal(),
        when.last_day().toordinal(),
        when.sort_key(),
        primary_theme,
        title,
        summary,
        None if importance is None else int(importance),
        date_basis,
    )
