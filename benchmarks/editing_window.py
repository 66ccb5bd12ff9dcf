"""Editing speed in the real window, offscreen: opening the event editor, and saving an edit
until the timeline and the list show it; then many edits and as many undos.

    python benchmarks/editing_window.py [--size 100000] [--repeats 15] [--series 1000] [--out DIR]

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
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.calibration import REFERENCE_WORKLOAD_S, scaled, workload_seconds  # noqa: E402
from benchmarks.run import dataset  # noqa: E402

# Issue 12's targets on the reference machine, in ms.
TARGETS_MS = {"open the event editor": 50, "new event editor": 50, "save an edit, shown": 50}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--series", type=int, default=1000, help="edits, then as many undos")
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ["TIMELINE_APP_CONFIG_DIR"] = str(args.out / "config-editing")
    os.environ["TIMELINE_APP_DATA_DIR"] = str(args.out / "data-editing")
    source = dataset(args.size, args.out)
    work = args.out / f"editing-{args.size}.tldb"
    for leftover in args.out.glob(f"editing-{args.size}.tldb*"):
        leftover.unlink()
    shutil.copyfile(source, work)
    before = workload_seconds()
    results = measure(work, args.repeats, args.series)
    workload = (before + workload_seconds()) / 2
    print(f"{args.size:,} events; calibration workload {workload * 1000:.0f} ms here, "
          f"{REFERENCE_WORKLOAD_S * 1000:.0f} ms on the reference machine")  # fmt: skip
    print(f"{'measure':40} {'median ms':>10} {'min':>8} {'max':>8} {'× workload':>11} "
          f"{'target here':>12}")  # fmt: skip
    for name, samples in results.items():
        median = statistics.median(samples)
        target = TARGETS_MS.get(name)
        target_text = f"≤ {scaled(target, workload):.0f} ms" if target else "—"
        print(f"{name:40} {median:10.1f} {min(samples):8.1f} {max(samples):8.1f} "
              f"{median / (workload * 1000):11.3f} {target_text:>12}")  # fmt: skip
    return 0


def measure(path: Path, repeats: int, series: int) -> dict[str, list[float]]:
    from PySide6.QtWidgets import QApplication

    from timeline_app.store import editing, queries
    from timeline_app.store.database import open_database
    from timeline_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(["benchmark"])
    window = MainWindow(open_database(path))
    window.resize(1400, 860)
    window.show()
    window.repaint()
    app.processEvents()
    actions, canvas, view = window.edit_actions, window.canvas, window.list_pane.view
    results: dict[str, list[float]] = {}

    def timed(name: str, action, before=None) -> None:
        samples = []
        for i in range(repeats):
            if before:
                before(i)
            start = time.perf_counter()
            action(i)
            samples.append((time.perf_counter() - start) * 1000)
        results[name] = samples

    def shown() -> None:
        canvas.repaint()
        view.viewport().repaint()

    ids = window.model.ids
    sample = queries.events(window.db, ids[:: max(len(ids) // 200, 1)])
    cited = [event.id for event in sample if event.citations]
    picks = [cited[(k * 31) % len(cited)] for k in range(repeats)]

    def close_editor() -> None:
        if actions.editor is not None:
            actions.editor.reject()
            actions.editor = None
            app.processEvents()

    def open_editor(i: int) -> None:
        actions.edit_selected()
        actions.editor.repaint()  # painted, not only made

    timed("open the event editor", open_editor,
          before=lambda i: (close_editor(), window.select_event(picks[i])))  # fmt: skip
    timed("new event editor", lambda i: (actions.new_event(), actions.editor.repaint()),
          before=lambda i: close_editor())  # fmt: skip
    close_editor()

    def edit_title(i: int) -> None:
        window.select_event(picks[i])
        actions.edit_selected()
        editor = actions.editor
        editor.title_field.setText(f"{editor.title_field.text()} (edited {i})")
        canvas.repaint()

    def save(_i: int) -> None:
        actions.editor.save()  # through the store, the undo stack and the window's refresh
        shown()

    timed("save an edit, shown", save, before=edit_title)
    results["undo that edit, shown"] = []
    for _ in range(repeats):
        start = time.perf_counter()
        window.edit_session.stack.undo()
        shown()
        results["undo that edit, shown"].append((time.perf_counter() - start) * 1000)

    session, db = window.edit_session, window.db
    targets = [ids[(k * 7919) % len(ids)] for k in range(series)]
    start = time.perf_counter()
    for k, event_id in enumerate(targets):
        draft = editing.event_draft(db, event_id)
        session.build_and_push(
            lambda d=draft, e=event_id, k=k: editing.edit_event(
                db, e, type(d)(**{**d.__dict__, "title": f"{d.title} #{k}"})
            )
        )
    edits = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    while session.stack.canUndo():
        session.stack.undo()
    undos = (time.perf_counter() - start) * 1000
    shown()
    results[f"{series:,} edits, each refreshed (total)"] = [edits]
    results[f"{series:,} undos, each refreshed (total)"] = [undos]
    window.close()
    window.db.close()
    return results


if __name__ == "__main__":
    raise SystemExit(main())
