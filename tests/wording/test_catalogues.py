"""A catalogue made the usual way (pyside6-lupdate over the package, then pyside6-lrelease)
translates the words the app shows, and English has the forms of every "(s)" plural."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

import timeline_app
from timeline_app.export.pdf import ExportResult
from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.events import Source
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.wording import qt as wording_qt
from timeline_app.wording.dates import span_label
from timeline_app.wording.filters import describe_filter
from timeline_app.wording.sources import attribution

TOOLS = Path(sys.executable).parent
PACKAGE = Path(timeline_app.__file__).parent


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> ElementTree.ElementTree:
    """What lupdate finds to translate in the package."""
    target = tmp_path_factory.mktemp("template") / "timeline_app_xx.ts"
    sources = [str(p) for p in sorted(PACKAGE.rglob("*.py"))]
    subprocess.run([str(TOOLS / "pyside6-lupdate"), "-silent", *sources, "-ts", str(target)],
                   check=True)  # fmt: skip
    return ElementTree.parse(target)


def messages(tree: ElementTree.ElementTree):
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name") or "", message


def test_english_has_both_forms_of_every_plural_in_the_package(template):
    english = ElementTree.parse(PACKAGE / "i18n" / "timeline_app_en.ts")
    known = {
        (name, m.findtext("source"))
        for name, m in messages(english)
        if len(m.findall("translation/numerusform")) == 2
    }
    plurals = {
        (name, m.findtext("source"))
        for name, m in messages(template)
        if m.get("numerus") == "yes" and "(s)" in m.findtext("source")
    }
    assert plurals and plurals <= known


def test_the_deletion_warnings_are_plurals_of_the_catalogue(template):
    plurals = {(name, m.findtext("source")) for name, m in messages(template)
               if m.get("numerus") == "yes"}  # fmt: skip
    for source in ("%Ln quote(s).", "Its link(s) to %Ln event(s) (no event is deleted).",
                   "%Ln quote(s) from it.", "Quoted in %Ln event(s); no event is deleted.",
                   "Its link(s) to %Ln other source(s).",
                   "It is deleted with its %Ln quote(s)."):  # fmt: skip
        assert ("", source) in plurals, source


@pytest.fixture
def bracketed(template, tmp_path, qapp):
    """Every message of the template translated as itself in ⟦brackets⟧, installed as German."""
    for _, message in messages(template):
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        wrapped = f"⟦{message.findtext('source')}⟧"
        if message.get("numerus") == "yes":
            for form in translation.findall("numerusform"):
                translation.remove(form)
            for _ in range(2):
                ElementTree.SubElement(translation, "numerusform").text = wrapped
        else:
            translation.text = wrapped
    template.getroot().set("language", "de")
    source = tmp_path / "timeline_app_de.ts"
    template.write(source, encoding="utf-8", xml_declaration=True)
    compiled = tmp_path / "timeline_app_de.qm"
    subprocess.run([str(TOOLS / "pyside6-lrelease"), "-silent", str(source), "-qm", str(compiled)],
                   check=True)  # fmt: skip
    wording_qt.install_translators(QLocale("de_DE"), folder=tmp_path)
    yield
    wording_qt.install_translators()


def test_a_catalogue_made_from_the_package_reaches_dates_sources_filters_and_the_pdf(bracketed):
    assert span_label(DateSpan.parse("2024-02", None, True)) == "⟦c. ⟦⟦February⟧ 2024⟧⟧"
    assert attribution(Source("s", "Oil", "s.txt")) == "⟦“Oil”⟧"
    assert describe_filter(TimelineFilter(), {}) == "⟦All events⟧"
    summary = ExportResult(Path("out.pdf"), 2, 5, 3).summary()
    assert summary == "⟦Exported 2 of 5 event(s) to out.pdf (⟦3 page(s)⟧)⟧"  # its own plurals


def test_the_stores_refusals_descriptions_and_warnings_reach_the_catalogue(bracketed, bundled_copy):
    from timeline_app.store import editing
    from timeline_app.store.database import open_database
    from timeline_app.store.errors import EditConflict
    from timeline_app.timeline.drafts import ThemeDraft
    from timeline_app.wording.editing import (
        change_description,
        consequence_lines,
        error_text,
        refusal_problems,
    )

    db = open_database(bundled_copy)
    try:
        with pytest.raises(editing.EditRefused) as refused:
            editing.add_theme(db, ThemeDraft("Energy", "red"))
        assert refusal_problems(refused.value) == {
            "name": "⟦A theme called “Energy” exists already.⟧",
            "colour": "⟦Write the colour as # and six hexadecimal digits, such as #1f77b4.⟧",
        }
        assert refused.value.problems["name"] == "A theme called “Energy” exists already."
        change = editing.add_theme(db, ThemeDraft("Sport", "#123456"))
        assert change_description(change) == "⟦Add theme “Sport”⟧"
        assert change.description == "Add theme “Sport”"
        lines = consequence_lines(editing.deletion_consequences(db, source_id="jpost-oil-2024"))
        assert lines and all(line.startswith("⟦") for line in lines)
        assert "⟦Its link(s) to 1 other source(s).⟧" in lines  # a plural: n put in
        assert error_text(EditConflict()).startswith("⟦Another window or program")
    finally:
        db.close()
