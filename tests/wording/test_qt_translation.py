"""Translations installed at start-up: English plurals always, a reader's language when there is
a catalogue for it, and nothing broken when there is none or it is damaged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from timeline_app.export.words import tr
from timeline_app.timeline.dates import DateSpan
from timeline_app.wording import qt as wording_qt
from timeline_app.wording.dates import span_label

LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"
GERMAN = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context><name>dates</name>
  <message><source>February</source><translation>Februar</translation></message>
  <message><source>c. {date}</source><translation>ca. {date}</translation></message>
</context>
<context><name></name>
  <message numerus="yes"><source>%n page(s)</source>
    <translation>
      <numerusform>%n Seite</numerusform><numerusform>%n Seiten</numerusform>
    </translation>
  </message>
</context>
</TS>
"""


def compile_catalogue(source: Path, target: Path) -> None:
    subprocess.run([str(LRELEASE), "-silent", str(source), "-qm", str(target)], check=True)


@pytest.fixture
def fresh_translators(qapp):
    wording_qt.remove_translators()
    yield
    wording_qt.install_translators()


def test_english_plurals_come_from_the_shipped_catalogue(fresh_translators):
    loaded = wording_qt.install_translators(QLocale("en_GB"))
    assert any(Path(f).name == "timeline_app_en.qm" for f in loaded)
    assert (tr("%n page(s)", None, 1), tr("%n page(s)", None, 3)) == ("1 page", "3 pages")
    assert tr("{shown} of %n event(s)", None, 1, shown=0) == "0 of 1 event"
    assert QCoreApplication.translate("FilterPanel", "%n event(s)", "", 2) == "2 events"


def test_a_catalogue_dropped_in_translates_dates_and_plurals(fresh_translators, tmp_path):
    (tmp_path / "timeline_app_de.ts").write_text(GERMAN, encoding="utf-8")
    compile_catalogue(tmp_path / "timeline_app_de.ts", tmp_path / "timeline_app_de.qm")
    wording_qt.install_translators(QLocale("de_DE"), folder=tmp_path)
    assert span_label(DateSpan.parse("2024-02-16", "2024-02-18")) == "16–18 Februar 2024"
    assert span_label(DateSpan.parse("2024-02", None, approximate=True)) == "ca. Februar 2024"
    assert (tr("%n page(s)", None, 1), tr("%n page(s)", None, 4)) == ("1 Seite", "4 Seiten")
    assert tr("{shown} of %n event(s)", None, 2, shown=1) == "1 of 2 events"  # not in it: English


@pytest.mark.parametrize("content", [b"", b"\x3c\xb8\x64\x18 damaged", b"not a catalogue"])
def test_an_empty_or_damaged_catalogue_leaves_the_english_words(
    fresh_translators, tmp_path, content
):
    (tmp_path / "timeline_app_de.qm").write_bytes(content)
    wording_qt.install_translators(QLocale("de_DE"), folder=tmp_path)
    assert span_label(DateSpan.parse("2024-02-16")) == "16 February 2024"
    assert tr("%n page(s)", None, 2) == "2 pages"


def test_the_shipped_english_catalogue_is_built_from_its_source(tmp_path):
    folder = wording_qt.catalogue_folder()
    compile_catalogue(folder / "timeline_app_en.ts", tmp_path / "built.qm")
    assert (tmp_path / "built.qm").read_bytes() == (folder / "timeline_app_en.qm").read_bytes()


def test_every_plural_the_code_asks_for_has_its_english_forms():
    """A "%n" text missing from the English catalogue would show "(s)" to every reader."""
    import re
    import xml.etree.ElementTree as ET

    package = Path(wording_qt.__file__).resolve().parent.parent
    asked = set()
    for path in package.rglob("*.py"):
        texts = re.findall(r'tr\(\s*"([^"]*%n[^"]*)"', path.read_text(encoding="utf-8"))
        asked |= {text for text in texts if "(s)" in text}
    catalogue = ET.parse(package / "i18n" / "timeline_app_en.ts")
    known = {
        message.findtext("source")
        for message in catalogue.iter("message")
        if message.get("numerus") == "yes" and len(message.findall(".//numerusform")) == 2
    }
    assert asked, "the code asks for plurals"
    assert asked - known == set()
