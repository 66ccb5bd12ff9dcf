"""A timeline between indexing.VECTOR_FROM and VECTORS_AT_OPEN events paints first with the plain
index and moves onto numpy once the window is on screen."""

import os
import subprocess
import sys

from benchmarks.make_dataset import make_dataset


def test_numpy_loads_after_the_first_paint_not_before(tmp_path):
    path = tmp_path / "events.db"
    make_dataset(400, path, seed=2)
    code = (
        "import sys, time\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from timeline_app.store import indexing\n"
        "indexing.VECTOR_FROM, indexing.VECTORS_AT_OPEN = 100, 1000  # 400 events between\n"
        "from timeline_app.store.database import open_database\n"
        "from timeline_app.ui.main_window import MainWindow\n"
        f"window = MainWindow(open_database({str(path)!r}))\n"
        "window.show(); window.repaint(); app.processEvents()\n"
        "print('numpy' in sys.modules, type(indexing.index_of(window.db)).__name__)\n"
        "deadline = time.monotonic() + 2\n"
        "while time.monotonic() < deadline and 'numpy' not in sys.modules:\n"
        "    app.processEvents(); time.sleep(0.01)\n"
        "print('numpy' in sys.modules, type(indexing.index_of(window.db)).__name__)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=env)  # fmt: skip
    assert out.stdout.strip().splitlines()[-2:] == ["False TimelineIndex", "True VectorIndex"]
