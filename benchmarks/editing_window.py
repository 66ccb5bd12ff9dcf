"""Editing speed in the real window, offscreen: opening the event editor, and saving an edit
until the timeline and the list show it; then many edits and as many undos.

    python benchmarks/editing_window.py [--size 100000] [--repeats 7] [--series 1000]
                                        [--series-size 1000] [--out DIR]

The dataset is the one run.py makes (make_dataset.py), copied so the edits leave it as it was.
Each figure is printed beside the calibration workload (calibration.py) measured in the same
process, before and after, and as a multiple of it, with the target scaled to this machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.calibration import REFERENCE_WORKLOAD_S, scaled, workload_seconds  # noqa: E402
from benchmarks.run import dataset  # noqa: E402

# Issue 12's targets on the reference machine, in ms.
TARGETS_MS = {
    "open the event editor (2+ quotes)": 50, "new event editor": 50, "save an edit, shown": 50,
}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--series", type=int, default=1000, help="edits, then as many undos")
    parser.add_argument("--series-size", type=int, default=1000, help="events in its file")
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ["TIMELINE_APP_CONFIG_DIR"] = str(args.out / "config-editing")
    os.environ["TIMELINE_APP_DATA_DIR"] = str(args.out / "data-editing")
    workload = workload_seconds()
    print(f"calibration workload {workload * 1000:.0f} ms here, "
          f"{REFERENCE_WORKLOAD_S * 1000:.0f} ms on the reference machine", flush=True)  # fmt: skip
    print(f"{'measure':44} {'median ms':>10} {'min':>8} {'max':>8} {'× workload':>11} "
          f"{'target here':>12}", flush=True)  # fmt: skip

    def report(name: str, samples: list[float]) -> None:
        median = statistics.median(samples)
        target = TARGETS_MS.get(name.split(" at ")[0])
        target_text = f"≤ {scaled(target, workload):.0f} ms" if target else "—"
        print(f"{name:44} {median:10.1f} {min(samples):8.1f} {max(samples):8.1f} "
              f"{median / (workload * 1000):11.3f} {target_text:>12}", flush=True)  # fmt: skip

    measure_window(working_copy(args.size, args.out), args.size, args.repeats, report)
    measure_series(working_copy(args.series_size, args.out), args.series_size, args.series, report)
    after = workload_seconds()
    print(f"calibration workload after: {after * 1000:.0f} ms", flush=True)
    return 0


def working_copy(size: int, out: Path) -> Path:
    """A copy of the dataset of this size, so the edits leave the dataset as it was."""
    source = dataset(size, out)
    work = out / f"editing-{size}.tldb"
    for leftover in out.glob(f"editing-{size}.tldb*"):
        leftover.unlink()
    shutil.copyfile(source, work)
    return work


def open_window(path: Path):
    from PySide6.QtWidgets import QApplication

    from timeline_app.store.database import open_database
    from timeline_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(["benchmark"])
    window = MainWindow(open_database(path))
    window.resize(1400, 860)
    window.show()
    window.repaint()
    app.processEvents()
    return app, window


def measure_window(path: Path, size: int, repeats: int, report) -> None:
    """Opening the editor, and saving an edit until the timeline and the list show it."""
    from timeline_app.store import indexing, queries

    app, window = open_window(path)
    actions, canvas, view = window.edit_actions, window.canvas, window.list_pane.view
    at = f" at {size:,}"

    def timed(name: str, action, before=None) -> list[float]:
        samples = []
        for i in range(repeats):
            if before:
                before(i)
            start = time.perf_counter()
            action(i)
            samples.append((time.perf_counter() - start) * 1000)
        report(name + at, samples)
        return samples

    def shown() -> None:
        canvas.repaint()
        view.viewport().repaint()

    ids = window.model.ids
    sample = queries.events(window.db, ids[:: max(len(ids) // 200, 1)])
    cited = [event.id for event in sample if len(event.citations) >= 2]
    picks = [cited[(k * 31) % len(cited)] for k in range(repeats)]

    def close_editor() -> None:
        if actions.editor is not None:
            actions.editor.reject()
            actions.editor = None
            app.processEvents()

    def open_editor(_i: int) -> None:
        actions.edit_selected()
        actions.editor.repaint()  # painted, not only made

    timed("open the event editor (2+ quotes)", open_editor,
          before=lambda i: (close_editor(), window.select_event(picks[i])))  # fmt: skip
    timed("new event editor", lambda i: (actions.new_event(), actions.editor.repaint()),
          before=lambda i: close_editor())  # fmt: skip
    close_editor()

    def edit_title(i: int) -> None:
        close_editor()
        window.select_event(picks[i])
        actions.edit_selected()
        editor = actions.editor
        editor.title_field.setText(f"{editor.title_field.text()} (edited {i})")
        canvas.repaint()

    def save(_i: int) -> None:
        actions.editor.save()  # through the store, the undo stack and the window's refresh
        shown()

    timed("save an edit, shown", save, before=edit_title)
    timed("undo that edit, shown", lambda i: (window.edit_session.stack.undo(), shown()))

    # Where a save's time goes: the store's write, the index read afresh after it, the window.
    session, db = window.edit_session, window.db
    parts: dict[str, list[float]] = {"store: apply": [], "index read again": [], "window": []}
    for _ in range(repeats):
        session.blockSignals(True)  # the window refreshes below, timed on its own
        start = time.perf_counter()
        session.stack.redo()
        parts["store: apply"].append((time.perf_counter() - start) * 1000)
        session.blockSignals(False)
        start = time.perf_counter()
        indexing.index_of(db)
        parts["index read again"].append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        window.show_change(session.stack.command(session.stack.index() - 1).change)
        shown()
        parts["window"].append((time.perf_counter() - start) * 1000)
        if not session.stack.canRedo():
            session.stack.setIndex(0)
    for name, samples in parts.items():
        report(f"  of a save: {name}", samples)
    window.close()
    window.db.close()


def measure_series(path: Path, size: int, series: int, report) -> None:
    """Many edits, each refreshed in the window, then as many undos."""
    from timeline_app.store import editing

    _app, window = open_window(path)
    session, db = window.edit_session, window.db
    ids = window.model.ids
    targets = [ids[(k * 7919) % len(ids)] for k in range(series)]
    start = time.perf_counter()
    for k, event_id in enumerate(targets):
        draft = replace(editing.event_draft(db, event_id), title=f"Edited {k}")
        session.build_and_push(lambda d=draft, e=event_id: editing.edit_event(db, e, d))
    report(
        f"{series:,} edits at {size:,}, each shown (total)", [(time.perf_counter() - start) * 1000]
    )
    start = time.perf_counter()
    while session.stack.canUndo():
        session.stack.undo()
    report(
        f"{series:,} undos at {size:,}, each shown (total)", [(time.perf_counter() - start) * 1000]
    )
    window.close()
    window.db.close()


if __name__ == "__main__":
    raise SystemExit(main())
