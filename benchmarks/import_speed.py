"""Import speed: a TimelineJS sheet of 100,000 rows into a new timeline file, timed whole.

    python benchmarks/import_speed.py [--rows 100000] [--runs 3] [--keep DIR]

Writes the sheet with the app's own exporter from the synthetic events of make_dataset.py
(HTML text with block quotes and their sources, groups, periods, approximate dates), then runs
`timeline-app import` in a fresh process for each run and reports its wall time and peak memory
(RSS), beside a calibration measured in the same run: the fixed pure-Python workload of
calibration.py, so numbers from different machines and days can be compared.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import make_dataset
from benchmarks.calibration import workload_seconds
from timeline_app.formats import timelinejs_sheet
from timeline_app.timeline.document import TimelineInfo

TARGET_SECONDS = 20.0
TARGET_RSS_MB = 300.0


def write_sheet(rows: int, path: Path, seed: int = 1) -> None:
    """A TimelineJS sheet of `rows` synthetic events, as TimelineJS reads it."""
    rng = random.Random(seed)
    sources = [make_dataset._source(rng, i) for i in range(max(20, min(400, rows // 50)))]
    records = [TimelineInfo(f"Synthetic timeline ({rows:,} events)", "For the import benchmark.")]
    with path.open("w", encoding="utf-8", newline="") as out:
        timelinejs_sheet.write([*records, *make_dataset._events(rng, rows, sources)], out)


def import_once(sheet: Path, out: Path) -> tuple[float, float, float]:
    """(seconds, peak RSS in MB, CPU seconds) of one `timeline-app import` in its own process.
    The CPU time (user and system, all threads) is beside the wall time because a shared
    machine stretches the one and not the other; their ratio shows the threads' overlap."""
    command = [sys.executable, "-m", "timeline_app", "import", str(sheet), "--out", str(out)]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"import failed: {process.stderr.read().decode()}")
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes vs KiB
    return seconds, usage.ru_maxrss / scale, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None, help="leave the sheet and files here")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="import-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    sheet = folder / f"sheet-{args.rows}.csv"
    if not sheet.exists():
        write_sheet(args.rows, sheet)
    calibrations, seconds, memory, cpu = [workload_seconds()], [], [], []
    for run in range(args.runs):
        out = folder / f"imported-{run}.tldb"
        out.unlink(missing_ok=True)
        took, rss, busy = import_once(sheet, out)
        seconds.append(took)
        memory.append(rss)
        cpu.append(busy)
        calibrations.append(workload_seconds())
        if not args.keep:
            out.unlink()
    result = {
        "rows": args.rows,
        "sheet_mb": round(sheet.stat().st_size / 1e6, 1),
        "import_seconds_median": round(statistics.median(seconds), 2),
        "import_seconds": [round(s, 2) for s in seconds],
        "import_cpu_seconds": [round(c, 2) for c in cpu],
        "peak_rss_mb_max": round(max(memory), 1),
        "calibration_workload_seconds_median": round(statistics.median(calibrations), 3),
        "calibration_workload_seconds": [round(c, 3) for c in calibrations],
        "import_in_calibration_workloads": round(
            statistics.median(seconds) / statistics.median(calibrations), 1
        ),
        "import_cpu_in_calibration_workloads": round(
            statistics.median(cpu) / statistics.median(calibrations), 1
        ),
        "targets": {"seconds": TARGET_SECONDS, "peak_rss_mb": TARGET_RSS_MB},
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
    }
    print(json.dumps(result, indent=2))
    if not args.keep:
        sheet.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
