"""Editing speed: checking a quote as it is typed, and saving edits to a large timeline file.

    python benchmarks/editing.py [--events 100000] [--file PATH] [--edits 1000]

- check_quote against a 200 KB archived document, per keystroke of a quote typed letter by
  letter (the document's first check, which prepares it, is reported apart);
- one edit of an event (title, dates, themes) on a timeline of --events events: building the
  change, then apply with its commit, store side only (no window);
- --edits such edits, then as many undos (reverts), each its own transaction.

The file comes from make_dataset.py (made once at --file, then copied for each run, so every
run edits the same file). The calibration workload of calibration.py is measured beside the
numbers, so runs on different machines and days compare.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.calibration import slowdown, workload_seconds

KEYSTROKE_TARGET_MS = 16.0  # a keystroke's check fits in a frame
SAVE_TARGET_MS = 50.0  # issue 12: an edit saved on a 100,000-event timeline, whole (to screen)


def _document(size: int, rng: random.Random) -> str:
    words = ["embassy", "pipeline", "Baku", "minister", "agreement", "Qəbələ", "oil", "visit",
             "said", "the", "of", "and", "“talks”", "on", "in", "2024", "trade", "a",
             "was"]  # fmt: skip
    sentences, length = [], 0
    while length < size:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(8, 30))).capitalize()
        sentence += rng.choice([". ", ".\n", "! ", ".\n\n"])
        sentences.append(sentence)
        length += len(sentence.encode("utf-8"))
    return "".join(sentences)


def quote_keystrokes(size: int = 200_000) -> dict:
    from timeline_app.timeline.quotes import VERIFIED, check_quote

    rng = random.Random(12)
    document = _document(size, rng)
    at = int(len(document) * 0.9)  # a quote from near the end: the longest search
    quote = document[at : at + 120].strip()
    start = time.perf_counter()
    check_quote(quote[:1], document)
    first_ms = (time.perf_counter() - start) * 1000
    samples = []
    for typed in range(1, len(quote) + 1):
        start = time.perf_counter()
        check = check_quote(quote[:typed], document)
        samples.append((time.perf_counter() - start) * 1000)
    assert check.status == VERIFIED
    missing = []
    for _ in range(20):  # a quote that is not there: the whole document searched
        start = time.perf_counter()
        check_quote(quote + " nowhere to be found", document)
        missing.append((time.perf_counter() - start) * 1000)
    return {
        "document_kb": round(len(document.encode("utf-8")) / 1000),
        "first_check_ms": round(first_ms, 2),
        "keystroke_ms_median": round(statistics.median(samples), 3),
        "keystroke_ms_max": round(max(samples), 3),
        "not_found_ms_median": round(statistics.median(missing), 3),
        "keystrokes": len(samples),
    }


def _edit(db, event_id: int, n: int):
    from timeline_app.store import editing
    from timeline_app.timeline.drafts import EventDraft

    draft = editing.event_draft(db, event_id)
    changed = EventDraft(**{**draft.__dict__, "title": f"{draft.title[:60]} (edit {n})",
                            "approximate": not draft.approximate})  # fmt: skip
    return editing.edit_event(db, event_id, changed)


def event_edits(path: Path, edits: int) -> dict:
    from timeline_app.store import queries
    from timeline_app.store.database import open_database
    from timeline_app.store.indexing import index_of

    db = open_database(path)
    try:
        total = queries.total_events(db)
        index_of(db)
        ids = [row[0] for row in db.read("SELECT id FROM events ORDER BY random() LIMIT ?",
                                         (edits,))]  # fmt: skip
        one_build, one_apply = [], []
        for n, event_id in enumerate(ids[:20]):  # single edits, each undone at once
            start = time.perf_counter()
            change = _edit(db, event_id, n)
            built = time.perf_counter()
            change.apply(db)
            applied = time.perf_counter()
            one_build.append((built - start) * 1000)
            one_apply.append((applied - built) * 1000)
            change.revert(db)
        # An edit, then the in-memory index as the window reads it next (store/indexing.py):
        # what an edit costs before the canvas and the list can show it, today.
        with_index = []
        for n, event_id in enumerate(ids[20:25]):
            start = time.perf_counter()
            _edit(db, event_id, n).apply(db)
            index_of(db)
            with_index.append((time.perf_counter() - start) * 1000)
        changes = []
        start = time.perf_counter()
        for n, event_id in enumerate(ids):
            change = _edit(db, event_id, n)
            change.apply(db)
            changes.append(change)
        applied = time.perf_counter()
        for change in reversed(changes):
            change.revert(db)
        reverted = time.perf_counter()
        integrity = db.read("PRAGMA integrity_check")[0][0]
    finally:
        db.close()
    return {
        "events": total,
        "one_edit_build_ms_median": round(statistics.median(one_build), 2),
        # The first edit also drops the saved index (a few MB at 100,000 events): apart.
        "first_edit_apply_commit_ms": round(one_apply[0], 2),
        "one_edit_apply_commit_ms_median": round(statistics.median(one_apply[1:]), 2),
        "one_edit_apply_commit_ms_max": round(max(one_apply[1:]), 2),
        "edit_then_index_ms_median": round(statistics.median(with_index), 1),
        "edits": len(ids),
        "edits_total_s": round(applied - start, 2),
        "undos_total_s": round(reverted - applied, 2),
        "edit_ms_each": round((applied - start) * 1000 / len(ids), 2),
        "undo_ms_each": round((reverted - applied) * 1000 / len(ids), 2),
        "integrity_after": integrity,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--file", type=Path, default=None, help="the dataset, made if missing")
    parser.add_argument("--edits", type=int, default=1000)
    args = parser.parse_args()
    calibrations = [workload_seconds()]
    results: dict[str, object] = {"quote_check": quote_keystrokes()}
    calibrations.append(workload_seconds())
    source = args.file or Path(tempfile.gettempdir()) / f"editing-bench-{args.events}.tldb"
    if not source.exists():
        from benchmarks.make_dataset import make_dataset

        print(f"making {source} …", file=sys.stderr)
        make_dataset(args.events, source, seed=args.events)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "timeline.tldb"
        shutil.copyfile(source, copy)
        results["event_edits"] = event_edits(copy, args.edits)
    calibrations.append(workload_seconds())
    calibration = statistics.median(calibrations)
    results["calibration_workload_seconds_median"] = round(calibration, 3)
    results["slowdown_vs_reference"] = round(slowdown(calibration), 2)
    results["targets_ms"] = {"keystroke": KEYSTROKE_TARGET_MS, "save_whole": SAVE_TARGET_MS}
    results["python"] = sys.version.split()[0]
    print(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
