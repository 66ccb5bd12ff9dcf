"""The theme and source managers' speed, in a real window, offscreen.

    python benchmarks/managers.py [--events 100000] [--file PATH] [--repeats 7]

- opening Edit > Themes… and Edit > Sources… (built, shown and painted; issue 12: an editor
  opens in 50 ms at most), the first time and again;
- a theme renamed and a source's archived text saved through the dialogs, until the window and
  the manager show it (the save, the window's refresh and the manager's list), then undone;
- what a deletion takes with it, counted for the question asked before it (the theme on most
  events; the source cited most).

On the bundled timeline and on one of --events synthetic events (make_dataset.py, made once at
--file). The calibration workload of calibration.py is measured beside the numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.calibration import slowdown, workload_seconds

REPO = Path(__file__).resolve().parent.parent
OPEN_TARGET_MS = 50.0  # issue 12: opening an editor
SAVE_TARGET_MS = 50.0  # issue 12: an edit saved until the views show it


def _ms(function) -> float:
    start = time.perf_counter()
    function()
    return (time.perf_counter() - start) * 1000


def _shown(app, dialog) -> None:
    dialog.repaint()  # painted now, not when the event loop gets to it
    app.processEvents()


def measure(path: Path, repeats: int) -> dict:
    from PySide6.QtWidgets import QApplication

    from timeline_app.store import editing, queries
    from timeline_app.store.database import open_database
    from timeline_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    db = open_database(path)
    window = MainWindow(db)
    window.resize(1400, 860)
    window.show()
    app.processEvents()
    managers = window.manager_actions
    results: dict[str, object] = {"events": queries.total_events(db)}

    for name, opener, attribute in (
        ("themes", managers.open_themes, "theme_manager"),
        ("sources", managers.open_sources, "source_manager"),
    ):
        first = _ms(lambda opener=opener: _shown(app, opener()))
        dialog = getattr(managers, attribute)
        again = []
        for _ in range(repeats):
            dialog.hide()
            again.append(_ms(lambda opener=opener: _shown(app, opener())))
        dialog.hide()
        results[f"open_{name}_first_ms"] = round(first, 1)
        results[f"open_{name}_again_ms_median"] = round(statistics.median(again), 1)

    themes = managers.open_themes()
    busiest = max(
        queries.themes(db),
        key=lambda t: editing.deletion_consequences(db, theme_slug=t.slug).theme_links,
    )
    saves, undos = [], []
    for n in range(repeats):
        themes.reload(select=busiest.slug)
        themes.name_field.setText(f"{busiest.name} ({n})")
        saves.append(_ms(lambda: (themes.save_theme(), _shown(app, window))))
        undos.append(_ms(lambda: (window.edit_session.stack.undo(), _shown(app, window))))
    assert themes.current_theme().name == busiest.name  # every rename undone
    results["theme_rename_to_screen_ms_median"] = round(statistics.median(saves), 1)
    results["theme_rename_undo_to_screen_ms_median"] = round(statistics.median(undos), 1)
    consequences = []
    for _ in range(repeats):
        consequences.append(_ms(lambda: editing.deletion_consequences(db, theme_slug=busiest.slug)))
    results["theme_links_counted"] = editing.deletion_consequences(
        db, theme_slug=busiest.slug
    ).theme_links
    results["theme_deletion_question_ms_median"] = round(statistics.median(consequences), 2)
    themes.hide()

    sources = managers.open_sources()
    cited = db.read(
        "SELECT source_id FROM citations GROUP BY source_id ORDER BY count(*) DESC LIMIT 1"
    )[0][0]
    text = " ".join(f"Sentence {i} of the archived document, said on the record." for i in
                    range(3000))  # fmt: skip
    saves = []
    for n in range(repeats):
        sources.select_source(cited)
        sources.text_field.setPlainText(f"{text} Version {n}.")
        saves.append(_ms(lambda: (sources.save_source(), _shown(app, window))))
        window.edit_session.stack.undo()
    results["source_text_kb"] = round(len(text) / 1000)
    results["source_citations"] = editing.deletion_consequences(db, source_id=cited).citations
    results["source_text_save_to_screen_ms_median"] = round(statistics.median(saves), 1)
    sources.hide()
    window.close()
    db.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--file", type=Path, default=None, help="the dataset, made if missing")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    calibrations = [workload_seconds()]
    results: dict[str, object] = {}
    source = args.file or Path(tempfile.gettempdir()) / f"managers-bench-{args.events}.tldb"
    if not source.exists():
        from benchmarks.make_dataset import make_dataset

        print(f"making {source} …", file=sys.stderr)
        make_dataset(args.events, source, seed=args.events)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["TIMELINE_APP_DATA_DIR"] = str(Path(folder) / "data")
        os.environ["TIMELINE_APP_CONFIG_DIR"] = str(Path(folder) / "config")
        for name, original in (("bundled", REPO / "data.db"), ("synthetic", source)):
            copy = Path(folder) / f"{name}.tldb"
            shutil.copyfile(original, copy)
            results[name] = measure(copy, args.repeats)
            calibrations.append(workload_seconds())
    calibration = statistics.median(calibrations)
    results["calibration_workload_seconds_median"] = round(calibration, 3)
    results["slowdown_vs_reference"] = round(slowdown(calibration), 2)
    results["targets_ms"] = {"open": OPEN_TARGET_MS, "save_to_screen": SAVE_TARGET_MS}
    results["python"] = sys.version.split()[0]
    print(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
