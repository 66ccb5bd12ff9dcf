"""Deletion warnings are Qt plurals: one catalogue text with %Ln, whose forms each language gives
by its own rules (here Polish, with three), not one English sentence for one and another for
many."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QLocale

from timeline_app.store import editing
from timeline_app.timeline.phrases import english, tr
from timeline_app.wording import qt as wording_qt
from timeline_app.wording.editing import consequence_lines, event_deletion_text, say

TOOLS = Path(sys.executable).parent
# Polish has three forms: 1; 2-4 (and 22-24, …); 5-21 and the rest.
POLISH = {
    "%Ln quote(s).": ("jeden cytat (%Ln)", "kilka cytatów: %Ln", "wiele cytatów: %Ln"),
    "It is deleted with its %Ln quote(s).": ("Z 1 cytatem.", "Z %Ln cytatami (2-4).",
                                             "Z %Ln cytatami (5+)."),
}  # fmt: skip


@pytest.fixture
def polish(tmp_path, qapp):
    messages = "".join(
        f'<message numerus="yes"><source>{source}</source><translation>'
        + "".join(f"<numerusform>{form}</numerusform>" for form in forms)
        + "</translation></message>"
        for source, forms in POLISH.items()
    )
    source = tmp_path / "timeline_app_pl.ts"
    source.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="pl">'
        f"<context><name></name>{messages}</context></TS>",
        encoding="utf-8",
    )
    compiled = tmp_path / "timeline_app_pl.qm"
    subprocess.run([str(TOOLS / "pyside6-lrelease"), "-silent", str(source), "-qm", str(compiled)],
                   check=True)  # fmt: skip
    wording_qt.install_translators(QLocale("pl_PL"), folder=tmp_path)
    yield
    wording_qt.install_translators()


def test_each_language_picks_its_own_form_of_a_deletion_warning(polish):
    quotes = [say(tr("%Ln quote(s).", "", n)) for n in (1, 3, 5, 22)]
    assert quotes == ["jeden cytat (1)", "kilka cytatów: 3", "wiele cytatów: 5",
                      "kilka cytatów: 22"]  # fmt: skip
    said = [event_deletion_text(SimpleNamespace(citations=n), "") for n in (1, 3, 7)]
    assert [text.split(".")[0] for text in said] == [
        "Z 1 cytatem", "Z 3 cytatami (2-4)", "Z 7 cytatami (5+)"
    ]  # fmt: skip


def test_english_says_one_and_many_from_the_one_text(bundled_db, qapp):
    assert english("Its link(s) to %Ln other source(s).", 1) == "Its link to 1 other source."
    assert english("Its link(s) to %Ln other source(s).", 1200) == (
        "Its links to 1,200 other sources."
    )
    assert event_deletion_text(SimpleNamespace(citations=1), "") == (
        "It is deleted with its quote. You can undo this with Edit > Undo."
    )  # the English catalogue's own singular
    event_id = bundled_db.read(
        "SELECT event_id FROM citations GROUP BY event_id HAVING count(*) = 1 LIMIT 1"
    )[0][0]
    gone = editing.deletion_consequences(bundled_db, event_ids=[event_id])
    assert gone.lines == ("1 quote.",) and consequence_lines(gone) == ["1 quote."]
