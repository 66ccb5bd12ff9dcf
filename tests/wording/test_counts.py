"""Counts of events read as English does: one event, many events."""

from timeline_app.wording.counts import events


def test_one_event_is_singular_and_many_are_plural_with_thousands_marked():
    assert events(1) == "1 event"
    assert events(0) == "0 events"
    assert events(1200) == "1,200 events"
