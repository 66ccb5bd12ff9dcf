"""A ring around the current row of a list that has the keyboard: the styles' own focus mark on
item views is faint or missing (Fusion draws none), so a keyboard user could not see which row
Space, Return or Delete would act on."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

RING_WIDTH = 2.0  # pixels
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
_SELECTED = QStyle.StateFlag.State_Selected.value


def paint_focus_ring(painter: QPainter, option: QStyleOptionViewItem) -> None:
    """Ring the row if it is the current one of a list with the focus; in the row's text
    colour, so it shows on a selected row as on any other."""
    state = option.state.value  # an int: combining PySide's enum flags is slow, once a row
    if not state & _HAS_FOCUS:
        return
    selected = bool(state & _SELECTED)
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    painter.save()
    pen = QPen(option.palette.color(role), RING_WIDTH)
    painter.setPen(pen)
    inset = RING_WIDTH / 2 + 0.5
    painter.drawRect(QRectF(option.rect).adjusted(inset, inset, -inset, -inset))
    painter.restore()


class FocusRingDelegate(QStyledItemDelegate):
    """The usual painting of an item, with the ring on the current one while the list has the
    keyboard."""

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        paint_focus_ring(painter, option)
