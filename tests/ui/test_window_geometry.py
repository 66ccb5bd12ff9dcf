"""The window opens sized to the screen it is on and never runs off a smaller screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QByteArray, QMargins, QRect, QSize

from timeline_app.ui.settings import app_settings
from timeline_app.ui.window_geometry import (
    FRAME_ALLOWANCE,
    PREFERRED_SIZE,
    first_launch_geometry,
    fitted_geometry,
)

SCREENS = [QSize(1280, 720), QSize(1366, 768), QSize(1920, 1080)]


def outer(inner: QRect, frame: QMargins = FRAME_ALLOWANCE) -> QRect:
    return inner.marginsAdded(frame)


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s.width()}x{s.height()}")
def test_first_launch_fits_the_available_area_of_common_screens(screen):
    panel = 32  # a task bar at the top takes part of the screen
    available = QRect(0, panel, screen.width(), screen.height() - panel)
    window = first_launch_geometry(available)
    assert available.contains(outer(window))
    # As large as the preferred size wherever the screen has room for it.
    room = available.marginsRemoved(FRAME_ALLOWANCE).size()
    assert window.width() >= min(PREFERRED_SIZE.width(), room.width())
    assert window.height() >= min(PREFERRED_SIZE.height(), room.height())


def test_a_small_screen_gets_all_its_room_and_a_large_one_a_centred_window():
    small = first_launch_geometry(QRect(0, 0, 1280, 720))
    assert outer(small) == QRect(0, 0, 1280, 720)
    large = first_launch_geometry(QRect(0, 0, 1920, 1080))
    assert large.width() > PREFERRED_SIZE.width()  # a larger screen, a larger timeline
    assert outer(large).center() == QRect(0, 0, 1920, 1080).center()


def test_a_remembered_window_too_large_for_this_screen_is_fitted():
    available = QRect(0, 0, 1280, 720)
    remembered = QRect(300, 200, 1800, 1000)  # left at that size on a larger monitor
    fitted = fitted_geometry(remembered, available)
    assert available.contains(outer(fitted))
    assert outer(fitted).size() == available.size()


def test_a_remembered_window_that_fits_stays_where_it_was_or_moves_only_onto_the_screen():
    available = QRect(0, 0, 1366, 768)
    kept = QRect(100, 80, 900, 600)
    assert fitted_geometry(kept, available) == kept
    off_right = QRect(1000, 80, 900, 600)
    moved = fitted_geometry(off_right, available)
    assert moved.size() == off_right.size() and available.contains(outer(moved))


def test_the_first_window_fits_the_real_screen(window):
    available = window.screen().availableGeometry()
    assert available.contains(window.frameGeometry())
    assert window.geometry().size() == first_launch_geometry(available).size()


def test_a_restored_geometry_larger_than_the_screen_is_fitted(qtbot, open_window, bundled_copy):
    first = open_window(bundled_copy)
    available = first.screen().availableGeometry()
    first.close()
    # Saved on a larger screen: written as the app writes it, then made too large for this one.
    settings = app_settings()
    geometry = settings.value("window/geometry")
    assert isinstance(geometry, QByteArray)
    from PySide6.QtWidgets import QWidget

    probe = QWidget()
    qtbot.addWidget(probe)
    probe.restoreGeometry(geometry)
    probe.setGeometry(QRect(0, 0, available.width() + 600, available.height() + 400))
    settings.setValue("window/geometry", probe.saveGeometry())
    settings.sync()

    second = open_window(bundled_copy)
    assert available.contains(second.frameGeometry())


SCRIPT = """
import shutil, sys, tempfile
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from timeline_app.store.database import open_database
from timeline_app.ui.main_window import MainWindow
copy = Path(tempfile.mkdtemp()) / "timeline.db"
shutil.copyfile(sys.argv[1], copy)
window = MainWindow(open_database(copy))
window.show()
app.processEvents()
frame, available = window.frameGeometry(), window.screen().availableGeometry()
print(frame.x(), frame.y(), frame.width(), frame.height(),
      available.x(), available.y(), available.width(), available.height())
"""


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s.width()}x{s.height()}")
def test_first_launch_on_an_offscreen_screen_of_that_size(tmp_path, screen):
    from tests.conftest import REPO

    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "test", "x": 0, "y": 0, "width": screen.width(), "height": screen.height(),
        "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1,
    }]}))  # fmt: skip
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(REPO / "data.db")], env=env,
                          capture_output=True, text=True, timeout=60, check=True)  # fmt: skip
    x, y, width, height, *area = (int(n) for n in done.stdout.split())
    assert area == [0, 0, screen.width(), screen.height()]
    assert QRect(*area).contains(QRect(x, y, width, height))
    assert width >= min(PREFERRED_SIZE.width(), screen.width() - 8)
