from timeline_app.timeline.filter import TimelineFilter


def test_the_filter_reads_as_words():
    names = {"energy": "Energy", "trade-economy": "Trade & Economy"}
    wanted = TimelineFilter(frozenset({"trade-economy", "energy"}), 2006, 2024, " oil ")
    assert wanted.describe(names) == "Themes: Energy, Trade & Economy · 2006–2024 · Search: “oil”"
    assert TimelineFilter().describe(names) == "All events"
    assert TimelineFilter(first_year=2020).describe(names) == "2020–…"


def test_an_empty_filter_is_empty_and_any_filter_is_not():
    assert TimelineFilter().is_empty()
    assert TimelineFilter(search="   ").is_empty()
    assert not TimelineFilter(themes=frozenset({"energy"})).is_empty()
    assert not TimelineFilter(last_year=1999).is_empty()
