"""A search shows its matches first and counts them per theme just after; a newer search drops
an older one's count before it starts."""

from __future__ import annotations

from timeline_app.store import queries
from timeline_app.store.database import open_database
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.ui.event_list_model import EventRole


def _list_ids(window) -> list[int]:
    model = window.list_pane.view.model()
    return [model.index(row, 0).data(EventRole.ID) for row in range(model.rowCount())]


def _counted(window) -> bool:
    return "counting" not in window.count_label.text()


def test_a_search_shows_its_events_then_its_theme_counts(qtbot, window):
    wanted = TimelineFilter(search="pipeline")
    window.apply_filter(wanted)
    expected = queries.event_ids(window.db, wanted)
    assert expected and _list_ids(window) == expected  # the matches, before any count
    total = queries.total_events(window.db)
    assert window.count_label.text() == f"{len(expected)} of {total} events, counting by theme…"
    boxes = window.filter_panel.theme_boxes
    assert all(box.text().endswith("(…)") for box in boxes.values())
    assert all(box.accessibleDescription() == "counting" for box in boxes.values())

    qtbot.waitUntil(lambda: _counted(window), timeout=2000)
    assert window.count_label.text() == f"{len(expected)} of {total} events"
    counts = queries.theme_counts(window.db, wanted)
    assert any(counts.values())
    for theme in window.themes:
        assert boxes[theme.slug].text().endswith(f"({counts[theme.slug]:,})")


def test_a_newer_search_drops_the_older_count(qtbot, window, monkeypatch):
    counted = []
    real = queries.theme_counts

    def counting(db, wanted):
        counted.append(wanted.search)
        return real(db, wanted)

    monkeypatch.setattr(queries, "theme_counts", counting)
    for text in ("p", "pi", "pipeline"):  # typed faster than the window paints
        window.apply_filter(TimelineFilter(search=text))
    qtbot.waitUntil(lambda: _counted(window), timeout=2000)
    assert counted == ["pipeline"]
    assert _list_ids(window) == queries.event_ids(window.db, TimelineFilter(search="pipeline"))


def test_counts_already_known_and_filters_without_a_search_are_shown_at_once(qtbot, window):
    wanted = TimelineFilter(search="pipeline")
    window.apply_filter(wanted)
    qtbot.waitUntil(lambda: _counted(window), timeout=2000)
    window.apply_filter(TimelineFilter())
    window.apply_filter(wanted)  # counted a moment ago: nothing to wait for
    assert _counted(window)
    window.apply_filter(TimelineFilter(first_year=2020))
    assert _counted(window)
    counts = queries.theme_counts(window.db, TimelineFilter(first_year=2020))
    box = window.filter_panel.theme_boxes[window.themes[0].slug]
    assert box.text().endswith(f"({counts[window.themes[0].slug]:,})")


def test_typing_starts_the_search_before_the_pause_ends(qtbot, window, monkeypatch):
    from timeline_app.store import search, search_ahead

    qtbot.keyClicks(window.filter_panel.search_box, "pipeline")
    running = search_ahead._running.get(window.db)
    assert running is not None and running.query == '"pipeline"*'  # at the keystroke
    assert window.current_filter().search == ""  # the pause is not over yet
    other = open_database(window.db.path, read_only=True)  # leaves the window's caches alone
    try:
        expected = list(queries.event_ids(other, TimelineFilter(search="pipeline")))
    finally:
        other.close()
    assert expected
    running.join(timeout=5)
    asked = []
    monkeypatch.setattr(
        search_ahead, "found_ids", lambda *a: asked.append(a) or search.found_ids(*a)
    )
    qtbot.waitUntil(lambda: _list_ids(window) == expected, timeout=2000)
    assert asked == []  # the window took the answer found while the reader typed
