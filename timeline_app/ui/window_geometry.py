"""Where the main window opens: sized to the screen it is on, never running off its edges."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize

PREFERRED_SIZE = QSize(1400, 860)
SCREEN_SHARE = 0.85  # on a large screen the window takes this share of it, not all of it
# Before the window is shown its frame is unknown; room for a usual title bar and borders.
FRAME_ALLOWANCE = QMargins(4, 32, 4, 4)


def first_launch_geometry(available: QRect, frame: QMargins = FRAME_ALLOWANCE) -> QRect:
    """The window's inner geometry on first launch, centred in the screen's available area.

    The preferred size, or a share of a larger screen; on a screen too small for the preferred
    size, all the room there is.
    """
    room = available.marginsRemoved(frame)
    share = QSize(int(room.width() * SCREEN_SHARE), int(room.height() * SCREEN_SHARE))
    size = PREFERRED_SIZE.expandedTo(share).boundedTo(room.size())
    return _centred(size, room)


def fitted_geometry(geometry: QRect, available: QRect, frame: QMargins = FRAME_ALLOWANCE) -> QRect:
    """A remembered inner geometry, shrunk and moved as little as needed to fit the screen."""
    room = available.marginsRemoved(frame)
    size = geometry.size().boundedTo(room.size())
    left = min(max(geometry.left(), room.left()), room.right() + 1 - size.width())
    top = min(max(geometry.top(), room.top()), room.bottom() + 1 - size.height())
    return QRect(QPoint(left, top), size)


def _centred(size: QSize, room: QRect) -> QRect:
    rect = QRect(QPoint(0, 0), size)
    rect.moveCenter(room.center())
    return rect
