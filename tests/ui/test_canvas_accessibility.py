"""Screen readers see the canvas's labelled events: one child each, named by date and title."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAccessible

from timeline_app.store import queries
from timeline_app.ui.canvas_accessibility import CanvasAccessible, labelled_marks
from timeline_app.wording.dates import span_label


def canvas_interface(window):
    window.canvas.fit_all()
    window.canvas.repaint()
    interface = QAccessible.queryAccessibleInterface(window.canvas)
    assert isinstance(interface, CanvasAccessible)
    return interface


def children(interface) -> list:
    return [interface.child(index) for index in range(interface.childCount())]


def test_each_labelled_event_is_a_child_named_by_its_date_and_title(window):
    interface = canvas_interface(window)
    assert interface.text(QAccessible.Text.Name) == "Timeline"
    labelled = [item for item in window.canvas.scene.placed if item.label_width > 0]
    assert len(labelled) > 5
    names = [child.text(QAccessible.Text.Name) for child in children(interface)]
    lines = queries.event_lines(window.db, [item.mark.event_id for item in labelled])
    by_time = sorted(lines, key=lambda line: (line.when.sort_key(), line.id))
    assert sorted(names) == sorted(f"{span_label(line.when)}, {line.title}" for line in lines)
    assert names[0] == f"{span_label(by_time[0].when)}, {by_time[0].title}"
    for child in children(interface):
        assert child.role() == QAccessible.Role.ListItem
        assert child.parent() is interface
        assert interface.indexOfChild(child) == children(interface).index(child)


def test_an_unlabelled_mark_is_not_a_child(window):
    interface = canvas_interface(window)
    unlabelled = {i.mark.title for i in window.canvas.scene.placed if i.label_width == 0}
    named = [child.text(QAccessible.Text.Name) for child in children(interface)]
    assert len(named) == len(labelled_marks(window.canvas))
    assert not [name for name in named if name.split(", ", 1)[1] in unlabelled]


def test_the_selected_event_is_the_selected_child(qtbot, window):
    interface = canvas_interface(window)
    first, second = labelled_marks(window.canvas)[:2]
    window.select_event(first.mark.event_id)
    window.canvas.repaint()
    states = [child.state().selected for child in children(interface)]
    assert states.count(True) == 1
    assert (
        interface.child(states.index(True)).text(QAccessible.Text.Name).endswith(first.mark.title)
    )
    window.select_event(second.mark.event_id)
    window.canvas.repaint()
    selected = [c for c in children(interface) if c.state().selected]
    assert [c.text(QAccessible.Text.Name).split(", ", 1)[1] for c in selected] == [
        second.mark.title
    ]
    window.canvas.setFocus()
    assert interface.focusChild() is selected[0]


def test_a_child_sits_where_its_label_is_drawn(window):
    interface = canvas_interface(window)
    item = labelled_marks(window.canvas)[0]
    middle = window.canvas.mapToGlobal(
        QPoint(int(item.label_left + item.label_width / 2), int(item.y))
    )
    hit = interface.childAt(middle.x(), middle.y())
    assert hit is not None and hit.text(QAccessible.Text.Name).endswith(item.mark.title)
    assert hit.rect().contains(middle)


def test_the_children_follow_the_filter(qtbot, window):
    from timeline_app.timeline.filter import TimelineFilter

    energy = TimelineFilter(themes=frozenset({"energy"}))
    window.filter_panel.set_filter(energy)
    interface = canvas_interface(window)
    ids = set(queries.event_ids(window.db, energy))
    titles = {line.title for line in queries.event_lines(window.db, list(ids))}
    named = [child.text(QAccessible.Text.Name).split(", ", 1)[1] for child in children(interface)]
    assert named and set(named) <= titles
