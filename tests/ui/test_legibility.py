"""What a reader sees at first sight: milestones labelled, a view that follows the filters,
counts that lead to what has no label, and the overview strip that moves the view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt

from timeline_app.store import queries
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.timeline.importance import Importance
from timeline_app.ui.window_geometry import first_launch_geometry

MILESTONES = {
    "recognition-1991", "netanyahu-visit-1997", "btc-exports-2006", "karabakh-war-2020",
    "trade-office-2021", "embassy-2023", "oil-figures-2024",
}  # fmt: skip


def keys_by_id(window) -> dict[int, str]:
    return {e.id: e.key for e in queries.filtered_events(window.db, TimelineFilter())}


@pytest.mark.parametrize("screen", [(1280, 720), (1366, 768), (1440, 900), (1920, 1080)])
def test_every_milestone_is_labelled_whole_at_first_sight(qtbot, window, screen):
    size = first_launch_geometry(QRect(0, 0, *screen)).size()
    window.resize(size)
    qtbot.waitUntil(lambda: window.canvas.width() < size.width())
    window.canvas.fit_all()
    scene = window.canvas._current_scene()
    keys = keys_by_id(window)
    marked = {keys[e.id] for e in queries.filtered_events(window.db, TimelineFilter())
              if e.importance is Importance.MILESTONE}  # fmt: skip
    assert marked == MILESTONES
    labelled = {keys[item.mark.event_id]: item for item in scene.labelled()}
    for key in MILESTONES:
        assert key in labelled, f"{key} has no label"
        assert not labelled[key].is_elided, f"{key} is cut short: {labelled[key].label!r}"


def test_narrowing_the_filter_brings_its_events_into_view(qtbot, window):
    canvas = window.canvas
    canvas.fit_all()
    for _ in range(6):
        canvas.zoom_in()  # a few recent years
    window.filter_panel.set_filter(TimelineFilter(themes=frozenset({"energy"})))
    energy = queries.filtered_events(window.db, TimelineFilter(themes=frozenset({"energy"})))
    first = min(e.when.first_day().toordinal() for e in energy)
    last = max(e.when.last_day().toordinal() for e in energy)
    assert canvas.scale.first_day <= first and last < canvas.scale.last_day
    shown = {item.mark.event_id for item in canvas._current_scene().placed}
    assert {e.id for e in energy} <= shown


def test_a_count_of_unlabelled_events_zooms_to_them(qtbot, window):
    canvas = window.canvas
    canvas.fit_all()
    scene = canvas._current_scene()
    cluster = max(scene.clusters, key=lambda c: c.total)
    inside = {
        item.mark.event_id for item in scene.placed + scene.crowded
        if cluster.first_day <= item.mark.first_day <= cluster.last_day
    }  # fmt: skip
    before = {item.mark.event_id for item in scene.labelled()} & inside
    where = QPoint(int((cluster.left + cluster.right) / 2), int(cluster.y))
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=where)
    assert canvas.scale.first_day <= cluster.first_day
    assert cluster.last_day < canvas.scale.last_day
    after = {item.mark.event_id for item in canvas._current_scene().labelled()} & inside
    assert len(after) > len(before)


def test_the_overview_strip_moves_the_view_and_follows_it(qtbot, window):
    canvas, strip = window.canvas, window.overview
    canvas.fit_all()
    for _ in range(5):
        canvas.zoom_in()
    whole = strip.whole()
    target = whole.x(whole.first_day + whole.span * 0.2)
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(int(target), 10))
    middle = (canvas.scale.first_day + canvas.scale.last_day) / 2
    assert abs(middle - whole.day(int(target))) < whole.days_per_pixel * 2
    builds = strip.builds
    canvas.pan(100)
    strip.repaint()
    assert strip.builds == builds  # moving the view does not count the density again
    window.filter_panel.set_filter(TimelineFilter(themes=frozenset({"energy"})))
    strip.repaint()
    assert strip.builds == builds + 1


def test_an_event_chosen_in_the_list_is_named_on_the_timeline(qtbot, window):
    # At first sight some events are only counted ("+16"); choosing one in the list must show
    # its name on the timeline, not only a line through a count.
    window.resize(first_launch_geometry(QRect(0, 0, 1280, 720)).size())
    qtbot.waitUntil(lambda: window.canvas.width() < 1280)
    window.canvas.fit_all()
    labelled = {item.mark.event_id for item in window.canvas._current_scene().labelled()}
    counted = [e.id for e in queries.filtered_events(window.db, TimelineFilter())
               if e.id not in labelled]  # fmt: skip
    assert counted, "every event is labelled at this size: the test needs a crowded view"
    for event_id in counted[:5]:
        window.select_event(event_id)
        scene = window.canvas._current_scene()
        assert event_id in {item.mark.event_id for item in scene.labelled()}, event_id
