"""Render the main window in a few states to PNG files, offscreen.

    .venv/bin/python scripts/screenshots.py --out screenshots/

States: every event; one theme (energy); one event selected (the 2020 war); the first launch on
a 1440×900 and a 1280×720 screen; 10,000 synthetic events fitted to the window. With --docs the
README's pictures are refreshed in docs/. Settings and data folders are temporary, so the user's
own window state is neither used nor changed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # for benchmarks.make_dataset
SIZE = (1400, 860)
SCREENS = ((1440, 900), (1280, 720))
DENSE_EVENTS = 10_000
SELECTED_EVENT = "karabakh-war-2020"
ONE_THEME = "energy"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "screenshots", metavar="DIR")
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        metavar="PATH",
        help="the timeline to show (default: a copy of the bundled data.db)",
    )
    parser.add_argument(
        "--docs",
        default=str(REPO / "docs"),
        metavar="DIR",
        help="where the README's pictures go ('' for nowhere)",
    )
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="timeline-screenshots-") as scratch:
        os.environ["TIMELINE_APP_DATA_DIR"] = str(Path(scratch) / "data")
        os.environ["TIMELINE_APP_CONFIG_DIR"] = str(Path(scratch) / "config")
        database = Path(scratch) / "timeline.db"
        shutil.copyfile(args.db or REPO / "data.db", database)
        docs = Path(args.docs) if args.docs else None
        written = render(database, args.out, docs)
        written += render_dense(Path(scratch) / "dense.db", args.out, docs)
    for path in written:
        print(path)
    return 0


def render(database: Path, out: Path, docs: Path | None) -> list[Path]:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication

    from timeline_app.store import queries
    from timeline_app.store.database import open_database
    from timeline_app.timeline.filter import TimelineFilter
    from timeline_app.ui.main_window import MainWindow
    from timeline_app.ui.window_geometry import first_launch_geometry

    app = QApplication.instance() or QApplication(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    db = open_database(database)
    window = MainWindow(db)
    window.resize(*SIZE)
    window.show()
    written: list[Path] = []

    def shoot(name: str) -> Path:
        for _ in range(3):
            app.processEvents()
        path = out / f"{name}.png"
        window.grab().save(str(path))
        written.append(path)
        return path

    for screen in SCREENS:  # first, as a first launch looks: nothing selected, the list at its top
        window.resize(first_launch_geometry(QRect(0, 0, *screen)).size())
        app.processEvents()
        window.canvas.fit_all()
        name = f"first-launch-{screen[0]}x{screen[1]}"
        written += _to_docs(shoot(name), docs, f"{name}.png")
    window.resize(*SIZE)
    app.processEvents()
    window.filter_panel.clear()
    window.canvas.fit_all()
    shoot("all-events")

    window.filter_panel.set_filter(TimelineFilter(themes=frozenset({ONE_THEME})))
    shoot(f"theme-{ONE_THEME}")

    window.filter_panel.clear()
    window.canvas.fit_all()
    keys = {event.key: event.id for event in queries.filtered_events(db, TimelineFilter())}
    if SELECTED_EVENT in keys:
        window.select_event(keys[SELECTED_EVENT])
        selected = shoot("event-selected")
        written += _to_docs(selected, docs, "main-window.png")
    else:
        print(f"screenshots: the timeline has no event {SELECTED_EVENT}; skipped", file=sys.stderr)

    window.hide()  # without closing: the temporary settings need not be written
    window.deleteLater()
    app.processEvents()
    db.close()
    return written


def render_dense(database: Path, out: Path, docs: Path | None) -> list[Path]:
    """A synthetic timeline of DENSE_EVENTS events, fitted to the window: counts and landmarks."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication

    from benchmarks.make_dataset import make_dataset
    from timeline_app.store.database import open_database
    from timeline_app.ui.main_window import MainWindow
    from timeline_app.ui.window_geometry import first_launch_geometry

    make_dataset(DENSE_EVENTS, database, seed=5)
    app = QApplication.instance()
    db = open_database(database)
    window = MainWindow(db)
    window.show()
    window.resize(first_launch_geometry(QRect(0, 0, *SCREENS[0])).size())
    app.processEvents()
    window.filter_panel.clear()
    window.canvas.fit_all()
    for _ in range(3):
        app.processEvents()
    path = out / "dense-fit-all.png"
    window.grab().save(str(path))
    written = [path, *_to_docs(path, docs, "dense-fit-all.png")]
    window.hide()
    window.deleteLater()
    app.processEvents()
    db.close()
    return written


def _to_docs(path: Path, docs: Path | None, name: str) -> list[Path]:
    if docs is None:
        return []
    docs.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, docs / name)
    return [docs / name]


if __name__ == "__main__":
    sys.exit(main())
