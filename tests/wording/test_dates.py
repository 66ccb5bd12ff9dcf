"""Dates as a reader writes them, and their words through the translation hook."""

from __future__ import annotations

import pytest

from timeline_app.timeline.dates import DateSpan, PartialDate
from timeline_app.wording import translation
from timeline_app.wording.dates import date_label, month_abbreviation, span_label


@pytest.mark.parametrize(
    ("text", "label"),
    [("1991", "1991"), ("2006-07", "July 2006"), ("2024-02-16", "16 February 2024")],
)
def test_a_date_reads_at_its_own_precision(text, label):
    assert date_label(PartialDate.parse(text)) == label


@pytest.mark.parametrize(
    ("start", "end", "approximate", "label"),
    [
        ("2024-02-16", "2024-02-18", False, "16–18 February 2024"),
        ("2020-09-27", "2020-11-10", False, "27 September – 10 November 2020"),
        ("2020-09", "2020-11", False, "September–November 2020"),
        ("2014", "2018", False, "2014–2018"),
        ("2023", "2026", False, "2023–2026"),
        ("2005", None, True, "c. 2005"),
        ("2006-07", None, False, "July 2006"),
        ("2019-12", "2020-01-05", False, "December 2019 – 5 January 2020"),
    ],
)
def test_spans_read_as_a_person_writes_them(start, end, approximate, label):
    assert span_label(DateSpan.parse(start, end, approximate)) == label


@pytest.fixture
def pig_latin():
    """A translation that marks every word it is asked for, to see what goes through it."""
    asked: list[tuple[str, str]] = []

    def translate(context: str, text: str) -> str:
        asked.append((context, text))
        return {"February": "Februar", "c. {date}": "ca. {date}", "Feb": "Fbr"}.get(text, text)

    translation.use_translation(translate)
    yield asked
    translation.use_translation(None)


def test_month_names_patterns_and_the_approximate_mark_go_through_the_translation(pig_latin):
    assert span_label(DateSpan.parse("2024-02-16", "2024-02-18")) == "16–18 Februar 2024"
    assert span_label(DateSpan.parse("2024-02", None, approximate=True)) == "ca. Februar 2024"
    assert month_abbreviation(2) == "Fbr"
    assert ("dates", "{first}–{last} {month} {year}") in pig_latin


def test_the_full_and_the_short_may_are_told_apart_for_translators(pig_latin):
    month_abbreviation(5)
    date_label(PartialDate.parse("2024-05"))
    contexts = {context for context, text in pig_latin if text == "May"}
    assert len(contexts) == 2
