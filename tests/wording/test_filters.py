"""A filter in words."""

from __future__ import annotations

from timeline_app.timeline.filter import TimelineFilter
from timeline_app.wording.filters import describe_filter


def test_the_filter_reads_as_words():
    names = {"energy": "Energy", "trade-economy": "Trade & Economy"}
    wanted = TimelineFilter(frozenset({"trade-economy", "energy"}), 2006, 2024, " oil ")
    assert (
        describe_filter(wanted, names)
        == "Themes: Energy, Trade & Economy · 2006–2024 · Search: “oil”"
    )
    assert describe_filter(TimelineFilter(), names) == "All events"
    assert describe_filter(TimelineFilter(first_year=2020), names) == "2020–…"
