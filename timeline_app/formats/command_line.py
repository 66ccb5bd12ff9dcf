"""`timeline-app import`: its messages and a progress bar on a terminal."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from timeline_app.formats import registry
from timeline_app.formats.errors import FormatError
from timeline_app.formats.into_database import create_timeline
from timeline_app.formats.mapped_csv import parse_mapping
from timeline_app.wording.counts import events as event_count


class ProgressBar:
    """A one-line bar on a terminal, redrawn at most ten times a second; silent elsewhere."""

    def __init__(self, label: str, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.label = label
        self.shown = self.stream.isatty()
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.shown or now - self.last < 0.1:
            return
        self.last = now
        fraction = min(done / max(total, 1), 1.0)
        bar = "#" * int(fraction * 30)
        self.stream.write(f"\r{self.label} [{bar:<30}] {fraction:4.0%}")
        self.stream.flush()

    def close(self) -> None:
        if self.shown and self.last:
            self.stream.write("\r\033[K")
            self.stream.flush()


def import_file(source: Path, out: Path, format_name: str | None, mapping_text: str | None) -> int:
    """Make the timeline file out from source; returns the exit code."""
    try:
        mapping = parse_mapping(mapping_text) if mapping_text else None
    except ValueError as error:
        return _fail(f"--map: {error}")
    if mapping and format_name not in (None, "csv"):
        return _fail("--map applies only to --format csv")
    if not out.parent.is_dir():
        return _fail(f"cannot create {out}: the folder {out.parent} does not exist")
    bar = ProgressBar(f"Importing {source.name}")
    try:
        read = registry.reader(source, "csv" if mapping else format_name, mapping)
        count = create_timeline(read(bar), out)
    except FormatError as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(f"cannot create {out}: {error.strerror or error}")
    finally:
        bar.close()
    print(f"Imported {event_count(count)} from {source} into {out}")
    return 0


def _fail(message: str) -> int:
    print(f"timeline-app: {message}", file=sys.stderr)
    return 1
