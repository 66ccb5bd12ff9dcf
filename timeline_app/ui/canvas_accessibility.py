"""The timeline canvas as screen readers see it: a list of the labelled events in view.

The canvas paints its events itself, so assistive technology would find one blank widget; this
gives it one child per labelled mark (named by its date and whole title, selected or not),
read from the scene the canvas is showing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QRect
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget

from timeline_app.render.scene import PlacedMark
from timeline_app.store import queries
from timeline_app.ui.timeline_canvas import TimelineCanvas
from timeline_app.wording.dates import span_label

_installed = False


def install() -> None:
    """Let Qt's accessibility ask this module about every timeline canvas (once per process)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_interface_for)
        _installed = True


def _interface_for(class_name: str, obj) -> QAccessibleInterface | None:
    return CanvasAccessible(obj) if isinstance(obj, TimelineCanvas) else None


def labelled_marks(canvas: TimelineCanvas) -> list[PlacedMark]:
    """The marks drawn with their label in the canvas's current scene, in time order."""
    scene = canvas.scene
    if scene is None:
        return []
    marks = [item for item in scene.placed if item.label_width > 0]
    return sorted(marks, key=lambda item: (item.mark.first_day, item.mark.event_id))


def event_name(date: str, title: str) -> str:
    """What a screen reader says for one event: its date, then its whole title."""
    return QCoreApplication.translate("canvas", "{date}, {title}").format(date=date, title=title)


def selection_changed(canvas: TimelineCanvas) -> None:
    """Tell assistive technology which event the canvas now marks as selected."""
    if not QAccessible.isActive():
        return
    interface = QAccessible.queryAccessibleInterface(canvas)
    if not isinstance(interface, CanvasAccessible):
        return
    child = interface.selected_child()
    if child is not None:
        QAccessible.updateAccessibility(QAccessibleEvent(child, QAccessible.Event.Selection))


class CanvasAccessible(QAccessibleWidget):
    """The canvas: a list whose items are its labelled events."""

    def __init__(self, canvas: TimelineCanvas) -> None:
        super().__init__(canvas, QAccessible.Role.List)
        self.canvas = canvas
        self._children: dict[int, EventAccessible] = {}  # kept so each child stays one object
        self._dates: dict[int, str] = {}
        self._dates_for: object = None  # the scene the dates were read for

    def marks(self) -> list[PlacedMark]:
        return labelled_marks(self.canvas)

    def date_of(self, event_id: int) -> str:
        """The event's date as the list writes it; read from the store once per scene."""
        if self._dates_for is not self.canvas.scene:
            ids = [item.mark.event_id for item in self.marks()]
            lines = queries.event_lines(self.canvas.db, ids) if ids else []
            self._dates = {line.id: span_label(line.when) for line in lines}
            self._dates_for = self.canvas.scene
        return self._dates.get(event_id, "")

    def mark_of(self, event_id: int) -> PlacedMark | None:
        return next((m for m in self.marks() if m.mark.event_id == event_id), None)

    def childCount(self) -> int:  # noqa: N802
        return len(self.marks())

    def child(self, index: int) -> QAccessibleInterface | None:
        marks = self.marks()
        if not 0 <= index < len(marks):
            return None
        return self._child_for(marks[index].mark.event_id)

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: N802
        if not isinstance(child, EventAccessible):
            return -1
        ids = [item.mark.event_id for item in self.marks()]
        return ids.index(child.event_id) if child.event_id in ids else -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # noqa: N802
        local = self.canvas.mapFromGlobal(QPoint(x, y))
        for item in self.marks():
            if self.local_rect(item).contains(local):
                return self._child_for(item.mark.event_id)
        return None

    def focusChild(self) -> QAccessibleInterface | None:  # noqa: N802
        return self.selected_child() if self.canvas.hasFocus() else None

    def selected_child(self) -> EventAccessible | None:
        selected = self.canvas.selected_id
        if selected is None or self.mark_of(selected) is None:
            return None
        return self._child_for(selected)

    def local_rect(self, item: PlacedMark) -> QRect:
        """Where the mark and its label are, in the canvas's coordinates."""
        half = (self.canvas.scene.lane_height if self.canvas.scene else 20.0) / 2
        return QRect(int(item.left), int(item.y - half), int(item.right - item.left) + 1,
                     int(2 * half))  # fmt: skip

    def _child_for(self, event_id: int) -> EventAccessible:
        child = self._children.get(event_id)
        if child is None:
            child = EventAccessible(self, event_id)
            self._children[event_id] = child
        return child


class EventAccessible(QAccessibleInterface):
    """One labelled event on the canvas."""

    def __init__(self, canvas: CanvasAccessible, event_id: int) -> None:
        super().__init__()
        self._canvas = canvas
        self.event_id = event_id

    def _item(self) -> PlacedMark | None:
        return self._canvas.mark_of(self.event_id)

    def isValid(self) -> bool:  # noqa: N802
        return self._item() is not None

    def object(self):
        return None

    def window(self):
        return self._canvas.window()

    def parent(self) -> QAccessibleInterface:
        return self._canvas

    def child(self, index: int) -> None:
        return None

    def childCount(self) -> int:  # noqa: N802
        return 0

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: N802
        return -1

    def childAt(self, x: int, y: int) -> None:  # noqa: N802
        return None

    def focusChild(self) -> None:  # noqa: N802
        return None

    def relations(self, match=None) -> list:
        return []

    def text(self, kind: QAccessible.Text) -> str:
        item = self._item()
        if item is None:
            return ""
        if kind == QAccessible.Text.Name:
            return event_name(self._canvas.date_of(self.event_id), item.mark.title)
        return ""

    def setText(self, kind: QAccessible.Text, text: str) -> None:  # noqa: N802
        pass  # the canvas's events are read, not edited, here

    def rect(self) -> QRect:
        item = self._item()
        if item is None:
            return QRect()
        local = self._canvas.local_rect(item)
        return QRect(self._canvas.canvas.mapToGlobal(local.topLeft()), local.size())

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.selectable = True
        state.selected = self._canvas.canvas.selected_id == self.event_id
        state.focusable = True
        state.focused = state.selected and self._canvas.canvas.hasFocus()
        state.invalid = self._item() is None
        return state
