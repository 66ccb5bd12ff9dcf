from timeline_app.timeline.filter import TimelineFilter


def test_an_empty_filter_is_empty_and_any_filter_is_not():
    assert TimelineFilter().is_empty()
    assert TimelineFilter(search="   ").is_empty()
    assert not TimelineFilter(themes=frozenset({"energy"})).is_empty()
    assert not TimelineFilter(last_year=1999).is_empty()
