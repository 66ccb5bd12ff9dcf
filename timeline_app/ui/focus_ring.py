"""A ring around the current row of a list that has the keyboard, and around a pane that has it:
the styles' own focus mark on item views is faint or missing (Fusion draws none), so a keyboard
user could not see which row Space, Return or Delete would act on, or which pane the arrows
scroll."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QFrame, QStyle, QStyledItemDelegate, QStyleOptionViewItem

RING_WIDTH = 2.0  # pixels
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
_SELECTED = QStyle.StateFlag.State_Selected.value


def paint_ring(painter: QPainter, rect: QRectF, colour: QColor) -> None:
    """The ring itself, inside the rectangle: the one look of keyboard focus in the window."""
    painter.save()
    painter.setPen(QPen(colour, RING_WIDTH))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = RING_WIDTH / 2 + 0.5
    painter.drawRect(rect.adjusted(inset, inset, -inset, -inset))
    painter.restore()


def paint_focus_ring(painter: QPainter, option: QStyleOptionViewItem) -> None:
    """Ring the row if it is the current one of a list with the focus; in the row's text
    colour, so it shows on a selected row as on any other."""
    state = option.state.value  # an int: combining PySide's enum flags is slow, once a row
    if not state & _HAS_FOCUS:
        return
    selected = bool(state & _SELECTED)
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    paint_ring(painter, QRectF(option.rect), option.palette.color(role))


class FocusRingDelegate(QStyledItemDelegate):
    """The usual painting of an item, with the ring on the current one while the list has the
    keyboard."""

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        paint_focus_ring(painter, option)


class FrameRing(QObject):
    """The ring round a framed widget (the detail pane's scroll area) while it has the keys:
    its own frame, RING_WIDTH wide, drawn in the text colour then and in the window's colour
    otherwise, so nothing moves when the focus comes and goes."""

    def __init__(self, frame: QFrame) -> None:
        super().__init__(frame)
        frame.setFrameShape(QFrame.Shape.Box)
        frame.setFrameShadow(QFrame.Shadow.Plain)  # a plain frame is drawn in foregroundRole()
        frame.setLineWidth(int(RING_WIDTH))
        frame.setForegroundRole(QPalette.ColorRole.Window)
        frame.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            focused = kind == QEvent.Type.FocusIn
            role = QPalette.ColorRole.Text if focused else QPalette.ColorRole.Window
            watched.setForegroundRole(role)
            watched.update()
        return False
