"""`timeline-app export`: the same filter as `list`, no display needed, one line on failure."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pypdf

from tests.export.conftest import flat
from timeline_app import cli
from timeline_app.store import queries
from timeline_app.store.database import open_database
from timeline_app.timeline.filter import TimelineFilter

SAID = re.compile(r"^Exported (\d+) of (\d+) events to (.+) \((\d+) pages?\)$")


def test_export_prints_what_it_wrote(qapp, bundled_copy, tmp_path, capsys, read_pdf):
    out = tmp_path / "energy.pdf"
    code = cli.main(["export", str(out), "--theme", "Energy", "--from", "2006", "--to", "2024",
                     "--db", str(bundled_copy)])  # fmt: skip
    said = capsys.readouterr()
    assert code == 0, said.err
    match = SAID.match(said.out.strip())
    assert match, said.out
    db = open_database(bundled_copy)
    wanted = TimelineFilter(themes=frozenset({"energy"}), first_year=2006, last_year=2024)
    expected = queries.filtered_events(db, wanted)
    assert int(match[1]) == len(expected)
    assert int(match[2]) == queries.total_events(db)
    db.close()
    assert match[3] == str(out)
    pdf = read_pdf(out)
    assert int(match[4]) == len(pdf.pages)
    assert [e.title for e in expected if flat(e.title) not in pdf.text] == []
    assert pdf.reader.metadata.subject == "Themes: Energy · 2006–2024"


def test_title_page_size_and_orientation_are_honoured(qapp, bundled_copy, tmp_path, capsys):
    out = tmp_path / "letter.pdf"
    code = cli.main(["export", str(out), "--page-size", "Letter", "--landscape",
                     "--title", "Hand-in: Ə", "--db", str(bundled_copy)])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    reader = pypdf.PdfReader(out)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)
    assert reader.metadata.title == "Hand-in: Ə"


def test_an_unwritable_target_is_one_line_on_stderr(qapp, bundled_copy, tmp_path, capsys):
    out = tmp_path / "missing" / "out.pdf"
    code = cli.main(["export", str(out), "--db", str(bundled_copy)])
    said = capsys.readouterr()
    assert code != 0
    assert said.out == ""
    assert said.err.count("\n") == 1 and "does not exist" in said.err
    assert "Traceback" not in said.err
    assert not out.parent.exists()


def test_an_unknown_theme_is_refused_before_anything_is_written(
    qapp, bundled_copy, tmp_path, capsys
):
    out = tmp_path / "out.pdf"
    code = cli.main(["export", str(out), "--theme", "Astrology", "--db", str(bundled_copy)])
    assert code != 0
    assert "Unknown theme" in capsys.readouterr().err
    assert not out.exists()


def test_export_runs_with_no_display_at_all(bundled_copy, tmp_path):
    """A separate process with no DISPLAY and no platform chosen: it must pick offscreen."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    out = tmp_path / "headless.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "timeline_app", "export", str(out), "--db", str(bundled_copy)],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert SAID.match(done.stdout.strip())
    assert "Traceback" not in done.stderr
    assert len(pypdf.PdfReader(out).pages) >= 1
