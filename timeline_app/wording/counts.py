"""Counts of events in words: "1 event", "12 events". Plain Python, so the command line uses them
too; each form is its own text, so a translation gives every language its forms."""

from __future__ import annotations

from timeline_app.wording.translation import translate

CONTEXT = "counts"


def events(count: int) -> str:
    """ "1 event", "1,200 events"."""
    if count == 1:
        return translate(CONTEXT, "1 event")
    return translate(CONTEXT, "{n} events").format(n=f"{count:,}")
