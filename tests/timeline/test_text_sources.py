"""Reading the timeline's TOML: date bases and source dependences are checked on load."""

from pathlib import Path

import pytest

from timeline_app.timeline.events import GENERAL_KNOWLEDGE
from timeline_app.timeline.text_sources import TextSourceError, load_timeline_text

THEMES = """
[[theme]]
slug = "diplomacy"
name = "Diplomacy"
colour = "#0072B2"
"""
SOURCES = """
[[source]]
id = "first"
title = "First"
archive = "first.txt"

[[source]]
id = "second"
title = "Second"
archive = "second.txt"
[[source.depends_on]]
id = "{target}"
kind = "{kind}"
note = "Same sentences."
"""
EVENT = """
[[event]]
id = "visit"
start = "2021-07-29"
{basis}title = "A visit"
summary = "Someone visited."
themes = ["diplomacy"]
[[event.citation]]
source = "first"
quote = "They visited."
"""


def write(folder: Path, target="first", kind="shares text", basis="") -> Path:
    (folder / "themes.toml").write_text(THEMES, encoding="utf-8")
    (folder / "sources.toml").write_text(SOURCES.format(target=target, kind=kind), "utf-8")
    (folder / "events.toml").write_text(EVENT.format(basis=basis), encoding="utf-8")
    return folder


def test_dependences_and_date_bases_are_read(tmp_path):
    text = load_timeline_text(write(tmp_path, basis='date_basis = "general knowledge"\n'))
    second = next(s for s in text.sources if s.id == "second")
    assert [(d.source_id, d.kind, d.note) for d in second.depends_on] == [
        ("first", "shares text", "Same sentences.")
    ]
    assert text.events[0].date_basis == GENERAL_KNOWLEDGE


def test_a_date_basis_defaults_to_the_documents(tmp_path):
    assert load_timeline_text(write(tmp_path)).events[0].date_basis == "documents"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"basis": 'date_basis = "a guess"\n'}, "date_basis 'a guess'"),
        ({"target": "third"}, "depends on 'third'"),
        ({"target": "second"}, "depends on 'second'"),  # on itself
        ({"kind": "agrees with"}, "a dependence needs an id and a kind"),
    ],
)
def test_an_unknown_date_basis_or_dependence_is_refused(tmp_path, options, message):
    with pytest.raises(TextSourceError, match=message):
        load_timeline_text(write(tmp_path, **options))
