"""Run every benchmark at 1,000 to 1,000,000 events; print one table, write JSON.

    python benchmarks/run.py [--sizes 1000 10000 100000 1000000] [--repeats 5] [--out DIR]
                             [--export-sizes 1000 10000 100000]

Each size is measured in a fresh process (so its peak memory is its own) on the real window,
offscreen. Cold starts are whole processes, each beside a bare PySide6 window launched the
same way in the same run. Datasets are made once by make_dataset.py (through the importer) and
kept in --out; the million-event file takes about half an hour to make on 2 cores, once.

Every run also measures the calibration of calibration.py (a fixed pure-Python workload, in the
parent and in each measuring process) and prints each figure as a multiple of it, and the targets
scaled from the reference machine to this one, so runs on different machines mean the same.
"""

from __future__ import annotations

import argparse
import compileall
import gc
import itertools
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from benchmarks.calibration import (  # noqa: E402
    REFERENCE_BARE_WINDOW_S,
    REFERENCE_WORKLOAD_S,
    scaled,
    workload_seconds,
)

# Issue 14's targets on the reference machine (calibration.py), in ms: (at 100,000, at 1,000,000).
TARGETS_MS = {
    "theme toggle": (16, 50), "search keystroke": (16, 50), "select event": (16, 50),
    "repaint, fitted to all": (16, 16), "repaint, one month": (16, 16), "zoom step": (16, 16),
    "pan step": (16, 16), "placement, ~600 marks in view": (16, 16),
    "fit all, counts and labels": (16, 16),
}  # fmt: skip
TARGET_PEAK_MB = (350, 600)  # memory is not scaled: it does not depend on the machine's speed
COLD_START_BOUNDS = {"bundled": 1.5, 100_000: 2.0}  # × the bare window in the same run
FIRST_PAINT_AT_A_MILLION_S = 1.5  # on the reference machine; scaled by the bare window


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000, 1000000])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument(
        "--export-sizes", type=int, nargs="*", default=[1000, 10000, 100000],
        help="sizes whose whole timeline is exported to PDF, each once, in its own process",
    )  # fmt: skip
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # child mode
    parser.add_argument("--export", type=Path, help=argparse.SUPPRESS)  # child mode
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.measure:
        print(json.dumps(measure_in_process(args.measure, args.repeats)))
        return 0
    if args.export:
        print(json.dumps(export_in_process(args.export)))
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    results: dict = {"machine": machine(), "date": time.strftime("%Y-%m-%d"), "sizes": {},
                     "workload at start (s)": workload_seconds()}  # fmt: skip
    bundled = args.out / "bundled.db"
    shutil.copyfile(REPO / "data.db", bundled)
    results["cold start, bundled data"] = cold_start(bundled, args.repeats)
    for size in args.sizes:
        db = dataset(size, args.out)
        child = subprocess.run(
            [sys.executable, __file__, "--measure", str(db), "--repeats", str(args.repeats)],
            capture_output=True, text=True, check=True, env=quiet_env(args.out),
        )  # fmt: skip
        results["sizes"][size] = json.loads(child.stdout.strip().splitlines()[-1])
        results["sizes"][size]["file size (MB)"] = db.stat().st_size / 1e6
        if size in args.export_sizes:
            child = subprocess.run(
                [sys.executable, __file__, "--export", str(db)],
                capture_output=True, text=True, check=True, env=quiet_env(args.out),
            )  # fmt: skip
            results["sizes"][size]["export"] = json.loads(child.stdout.strip().splitlines()[-1])
        if size >= 100_000 or size == max(args.sizes):
            results[f"cold start, {size:,} events"] = cold_start(db, args.repeats)
    results["workload at end (s)"] = workload_seconds()
    (args.out / "results.json").write_text(json.dumps(results, indent=2))
    print(table(results))
    return 0


def dataset(size: int, folder: Path) -> Path:
    from benchmarks.make_dataset import make_dataset

    path = folder / f"events-{size}.tldb"
    if not path.exists():
        print(f"making {path.name} …", file=sys.stderr)
        make_dataset(size, path, seed=size)
    return path


def quiet_env(folder: Path) -> dict:
    """The environment of a measuring process: offscreen, with empty settings of its own, so
    no filter, size or file saved by an earlier process (or the user) changes what it measures."""
    shutil.rmtree(folder / "config", ignore_errors=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["TIMELINE_APP_CONFIG_DIR"] = str(folder / "config")
    env["TIMELINE_APP_DATA_DIR"] = str(folder / "data")
    return env


def cold_start(db: Path, repeats: int) -> dict:
    """Launch-to-first-paint of the app and of a bare window, interleaved, in seconds.

    An installed app starts from compiled bytecode (pip and PyInstaller compile it), as PySide6
    does here: the package is compiled first, or with PYTHONDONTWRITEBYTECODE set every start
    would compile all its modules again (a fifth of the bare window's start, measured here)."""
    compileall.compile_dir(REPO / "timeline_app", quiet=1)
    app, bare = [], []
    for _ in range(repeats):
        for kind, times in (("bare", bare), ("app", app)):
            command = [sys.executable, str(HERE / "first_paint.py"), "", kind]
            if kind == "app":
                command.append(str(db))
            command[2] = f"{time.time():.6f}"  # the clock starts as the process is launched
            done = subprocess.run(
                command, capture_output=True, text=True, env=quiet_env(db.parent), timeout=120
            )
            if done.returncode != 0:
                raise RuntimeError(f"{kind} start failed: {done.stderr[-2000:]}")
            times.append(float(done.stdout.strip().splitlines()[-1]))
    return {"app": summary(app), "bare": summary(bare),
            "ratio": statistics.median(app) / statistics.median(bare)}  # fmt: skip


def summary(samples: list[float]) -> dict:
    return {
        "median": statistics.median(samples),
        "min": min(samples),
        "max": max(samples),
        "runs": len(samples),
    }


def measure_in_process(path: Path, repeats: int) -> dict:
    """Every in-window measure on one database, in milliseconds (medians of `repeats`)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from timeline_app.store.database import open_database
    from timeline_app.timeline.filter import TimelineFilter
    from timeline_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(["benchmark"])
    results: dict = {"workload (s)": workload_seconds()}  # this process's own calibration

    def timed(name: str, action, before=None) -> None:
        samples = []
        for i in range(repeats):
            if before:
                before(i)
            start = time.perf_counter()
            action(i)
            samples.append((time.perf_counter() - start) * 1000)
        results[name] = summary(samples)

    windows: list = []

    def open_and_show(_i):
        for earlier in windows:  # one window at a time, as in use: memory is the app's, not ours
            earlier.close()
            earlier.db.close()
            earlier.deleteLater()
        windows.clear()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # processEvents() leaves these
        gc.collect()
        db = open_database(path)
        window = MainWindow(db)
        window.resize(1400, 860)
        window.show()
        window.repaint()
        app.processEvents()
        windows.append(window)

    timed("open and show", open_and_show)
    window = windows[0]
    db = window.db
    # What the canvas does 100 ms after its first paint (numpy for a large plain index), now,
    # so that it falls in no timed step below.
    from timeline_app.store.indexing import use_vectors

    use_vectors(db)
    canvas, view = window.canvas, window.list_pane.view

    def shown() -> None:
        canvas.repaint()
        view.viewport().repaint()

    # Every timed filter below is new to the window, so no cached result answers it; the
    # theme counts' base filter (the same without themes) is cached after its first use, as in
    # real use.
    slugs = [t.slug for t in window.themes]
    everything = frozenset(slugs)
    timed(
        "theme toggle",
        lambda i: (
            window.apply_filter(TimelineFilter(themes=everything - {slugs[i % len(slugs)]})),
            shown(),
        ),
    )
    window.apply_filter(TimelineFilter())
    words = ["pi", "pip", "pipe", "pipel", "pipeli", "pipelin", "pipeline"]
    timed(
        "search keystroke",
        lambda i: (window.apply_filter(TimelineFilter(search=words[i % len(words)])), shown()),
    )
    window.apply_filter(TimelineFilter())
    # As typed: the text goes into the search box (which starts SQLite's query in a thread),
    # the pause that applies it passes untimed, then its end is timed until list and canvas
    # show the result. Words not searched above, so no cached answer serves them.
    from timeline_app.ui.filter_panel import SEARCH_DELAY_MS

    typed = ["ex", "exp", "expo", "expor", "export", "exports", "exc", "exch", "excha"]
    panel = window.filter_panel

    def type_and_pause(i: int) -> None:
        panel.search_box.setText(typed[i % len(typed)])
        time.sleep(SEARCH_DELAY_MS / 1000)

    timed("search typed, from the pause's end", lambda i: (panel._emit_now(), shown()),
          before=type_and_pause)  # fmt: skip
    panel.set_filter(TimelineFilter())
    canvas.fit_all()
    shown()
    timed("repaint, fitted to all", lambda i: canvas.repaint())

    def rebuilt(_i) -> None:  # the scene laid out afresh, as after a zoom, pan or resize
        canvas._invalidate()
        canvas.repaint()

    timed("fit all, counts and labels", rebuilt)
    results["labels at fit all"] = len(canvas._current_scene().labelled())
    timed("zoom step", lambda i: (canvas.zoom_in() if i % 2 == 0 else canvas.zoom_out(),
                                  canvas.repaint()))  # fmt: skip
    canvas.fit_all()
    while canvas.scale.span > 31:
        canvas.zoom_in()
    canvas.repaint()
    timed("repaint, one month", lambda i: canvas.repaint())
    timed("pan step", lambda i: (canvas.pan(60 if i % 2 else -60), canvas.repaint()))
    crowded_view(canvas, db, marks=600)
    scene = canvas._current_scene()
    results["marks in view for placement"] = len(scene.placed) + len(scene.crowded)
    timed("placement, ~600 marks in view", rebuilt)
    ids = window.model.ids
    picks = [ids[(k * 7919) % len(ids)] for k in range(repeats)]
    timed("select event", lambda i: (window.select_event(picks[i]), app.processEvents()))
    results["events"] = len(ids)
    results["peak memory (MB)"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    edit_one_event(window, db, picks, timed, shown)
    window.close()
    results["workload (s)"] = (results["workload (s)"] + workload_seconds()) / 2  # before, after
    return results


def crowded_view(canvas, db, marks: int) -> None:
    """Show a view holding close to `marks` events, the most drawn one by one: of spans
    centred on each tenth of the time covered, the fullest under the limit (zooming around
    the middle can land on a day that alone holds more). Where every day is touched by more
    (at a million events, by the long events running through it), the emptiest view."""
    from timeline_app.store import queries

    canvas.fit_all()
    wanted = canvas.current_filter
    begin, end = queries.extent(db, wanted)
    views = []  # (under the limit, how full, first day, last day)
    for tenth in range(1, 10):
        middle = begin + (end - begin) * tenth // 10
        low, high = 0, 366 * 200  # half-widths in days: the widest span still under `marks`
        while low < high:
            half = (low + high + 1) // 2
            if queries.count_in_span(db, wanted, middle - half, middle + half) <= marks:
                low = half
            else:
                high = half - 1
        count = queries.count_in_span(db, wanted, middle - low, middle + low)
        views.append((count <= marks, count if count <= marks else -count, middle - low, low))
    _, _, first, half = max(views)
    canvas.zoom_to_days(first, first + 2 * half + 1)
    for _ in range(60):
        scale = canvas.scale
        # The span as visible_scene reads it (floor and ceiling), so the view really is drawn
        # mark by mark, not just under the limit by a rounding.
        first, last = math.floor(scale.first_day), math.ceil(scale.last_day)
        if queries.count_in_span(db, wanted, first, last) <= marks:
            break
        canvas._zoom(1.02, canvas.width() / 2)
    canvas.repaint()


def edit_one_event(window, db, picks: list[int], timed, shown) -> None:
    """Move one event onto another's dates and bring the index up to date (events_changed), then
    the same until list and canvas show it; each edit is undone afterwards, and the saved index
    written back, so the dataset stays as it was made."""
    from timeline_app.store.indexing import events_changed, index_of
    from timeline_app.store.timeline_index import CACHE_NAME, pack

    columns = 'start, "end", start_day, end_day, sort_key'
    ids = window.model.ids
    moves = [(event_id, ids[(k * 104729 + 17) % len(ids)]) for k, event_id in enumerate(picks)]
    before = {e: db.read(f"SELECT {columns} FROM events WHERE id = ?", (e,))[0] for e, _ in moves}

    def move(i: int) -> None:
        event_id, onto = moves[i]
        db.write(
            f"UPDATE events SET ({columns}) = (SELECT {columns} FROM events WHERE id = ?) "
            "WHERE id = ?",
            (onto, event_id),
        )

    def undo(i: int) -> None:
        event_id = moves[i][0]
        db.write(f"UPDATE events SET ({columns}) = (?, ?, ?, ?, ?) WHERE id = ?",
                 (*before[event_id], event_id))  # fmt: skip
        events_changed(db, [event_id])

    try:
        timed("edit one event: index updated", lambda i: events_changed(db, [moves[i][0]]),
              before=lambda i: (i and undo(i - 1), move(i)))  # fmt: skip
        undo(len(moves) - 1)
        timed(
            "edit one event: list and canvas show it",
            lambda i: (events_changed(db, [moves[i][0]]),
                       window.apply_filter(window.model.current_filter), shown()),
            before=lambda i: (i and undo(i - 1), move(i)),
        )  # fmt: skip
    finally:
        undo(len(moves) - 1)
        db.write("INSERT OR REPLACE INTO index_cache (name, data) VALUES (?, ?)",
                 (CACHE_NAME, pack(index_of(db))))  # fmt: skip


def export_in_process(path: Path) -> dict:
    """The whole timeline to PDF once: time, peak memory of this process, progress updates."""
    from PySide6.QtWidgets import QApplication

    from timeline_app.export.content import gather
    from timeline_app.export.pdf import PdfExport
    from timeline_app.store.database import open_database
    from timeline_app.timeline.filter import TimelineFilter

    QApplication.instance() or QApplication(["benchmark"])
    before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    db = open_database(path, read_only=True)
    workload = workload_seconds()
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        export = PdfExport(gather(db, TimelineFilter()), Path(folder) / "out.pdf")
        updates = sum(1 for _ in export.steps())
        seconds = time.perf_counter() - start
        pdf_mb = (Path(folder) / "out.pdf").stat().st_size / 1e6
    return {
        "seconds": seconds, "progress updates": updates, "pages": export.result.pages,
        "PDF size (MB)": pdf_mb, "peak memory (MB)": resource.getrusage(
            resource.RUSAGE_SELF).ru_maxrss / 1024, "memory before (MB)": before_mb,
        "workload (s)": (workload + workload_seconds()) / 2,
    }  # fmt: skip


def machine() -> str:
    cpu = "unknown processor"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}, " \
           f"Python {platform.python_version()}"  # fmt: skip


def table(results: dict) -> str:
    """The results as a Markdown table: each figure beside its calibrated multiple."""
    sizes = sorted(results["sizes"], key=int)
    per_size = [results["sizes"][s] for s in sizes]
    names = [n for n, v in per_size[0].items() if isinstance(v, dict) and "median" in v]
    workload = calibration_of(results)
    bare = bare_window_of(results)
    lines = [
        f"{results['date']} · {results['machine']}",
        f"Calibration: workload W = {workload * 1000:.0f} ms here "
        f"({REFERENCE_WORKLOAD_S * 1000:.0f} ms on the reference machine, so targets × "
        f"{workload / REFERENCE_WORKLOAD_S:.2f}); bare window B = {bare:.2f} s "
        f"({REFERENCE_BARE_WINDOW_S:.2f} s there). Multiples: ms per ms of W in that size's "
        "own process.",
        "",
        "| measure: median (min–max), × W | " + " | ".join(f"{int(s):,} events" for s in sizes)
        + " | growth per 10× events | target at 100,000 / 1,000,000 (here) |",
        "|---" * (len(sizes) + 3) + "|",
    ]  # fmt: skip
    for name in names:
        cells, multiples = [], []
        for measured in per_size:
            value = measured.get(name)
            if value is None:
                cells.append("—")
                multiples.append(None)
                continue
            multiple = value["median"] / (measured["workload (s)"] * 1000)
            multiples.append(multiple)
            low, high = value["min"], value["max"]
            cells.append(f"{value['median']:.1f} ms ({low:.1f}–{high:.1f}), {multiple:.2f} W")
        ends = f" | {growth(sizes, multiples)} | {target_ms(name, workload)} |"
        lines.append(f"| {name} | " + " | ".join(cells) + ends)
    lines += export_rows(per_size, sizes)
    lines.append("| calibration W in that process | " + " | ".join(
        f"{m['workload (s)'] * 1000:.0f} ms" for m in per_size) + " |  |  |")  # fmt: skip
    for name in ("labels at fit all", "marks in view for placement"):
        counts = [f"{m.get(name, 0):,}" for m in per_size]
        lines.append(f"| {name} | " + " | ".join(counts) + " |  |  |")
    memory = [m["peak memory (MB)"] for m in per_size]
    lines.append("| peak memory (RSS) | " + " | ".join(f"{v:.0f} MB" for v in memory)
                 + f" | {growth(sizes, memory)} | ≤ {TARGET_PEAK_MB[0]} / "
                 f"≤ {TARGET_PEAK_MB[1]} MB (not scaled) |")  # fmt: skip
    files = [m.get("file size (MB)") for m in per_size]
    lines.append(
        "| timeline file size | "
        + " | ".join("—" if v is None else f"{v:.1f} MB" for v in files)
        + f" | {growth(sizes, files)} |  |"
    )
    for key in (k for k in results if k.startswith("cold start")):
        start = results[key]
        app_s = start["app"]["median"]
        lines.append(
            f"| {key} | app {app_s:.2f} s ({start['app']['min']:.2f}–{start['app']['max']:.2f}),"
            f" bare window {start['bare']['median']:.2f} s: **{start['ratio']:.2f}× B** | "
            + " | " * (len(sizes) - 1) + f" | {cold_start_target(key, bare)} |"
        )  # fmt: skip
    return "\n".join(lines)


def export_rows(per_size: list[dict], sizes: list) -> list[str]:
    """The whole timeline exported to PDF, once per size, each in its own process."""
    exports = [m.get("export") for m in per_size]
    if not any(exports):
        return []

    def cells(show) -> str:
        return " | ".join("—" if e is None else show(e) for e in exports)

    seconds = [e and e["seconds"] / e["workload (s)"] for e in exports]
    return [
        "| PDF export, whole timeline (once), × W | "
        + cells(lambda e: f"{e['seconds']:.1f} s, {e['seconds'] / e['workload (s)']:.0f} W")
        + f" | {growth(sizes, seconds)} | 100,000: report the time |",
        "| PDF export: peak memory (RSS), pages, progress updates | "
        + cells(
            lambda e: (
                f"{e['peak memory (MB)']:.0f} MB, {e['pages']:,} pages, "
                f"{e['progress updates']:,} updates"
            )
        )  # fmt: skip
        + f" | {growth(sizes, [e and e['peak memory (MB)'] for e in exports])} | bounded |",
    ]


def calibration_of(results: dict) -> float:
    """The run's workload time: the median over the parent and every measuring process."""
    samples = [results["workload at start (s)"], results["workload at end (s)"]]
    samples += [m["workload (s)"] for m in results["sizes"].values()]
    return statistics.median(samples)


def bare_window_of(results: dict) -> float:
    starts = [v["bare"]["median"] for k, v in results.items() if k.startswith("cold start")]
    return statistics.median(starts)


def growth(sizes: list, values: list) -> str:
    """How much a figure grows per 10× events, between each pair of neighbouring sizes."""
    steps = []
    for (small, low), (big, high) in itertools.pairwise(zip(sizes, values, strict=True)):
        if low and high:
            steps.append(f"×{(high / low) ** (1 / math.log10(int(big) / int(small))):.2f}")
        else:
            steps.append("—")
    return " · ".join(steps)


def target_ms(name: str, workload: float) -> str:
    if name not in TARGETS_MS:
        return ""
    at_100k, at_1m = TARGETS_MS[name]
    return (f"≤ {at_100k} / ≤ {at_1m} ms (≤ {scaled(at_100k, workload):.0f} / "
            f"≤ {scaled(at_1m, workload):.0f} ms)")  # fmt: skip


def cold_start_target(key: str, bare: float) -> str:
    if "bundled" in key:
        return f"≤ {COLD_START_BOUNDS['bundled']} × B"
    size = int("".join(c for c in key if c.isdigit()))  # "cold start, 100,000 events"
    if size >= 1_000_000:
        seconds = FIRST_PAINT_AT_A_MILLION_S
        return f"≤ {seconds} s (≤ {seconds * bare / REFERENCE_BARE_WINDOW_S:.2f} s)"
    return f"≤ {COLD_START_BOUNDS[100_000]} × B" if size >= 100_000 else ""


if __name__ == "__main__":
    sys.exit(main())
