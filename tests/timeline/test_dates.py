import datetime as dt

import pytest

from timeline_app.timeline.dates import DateError, DateSpan, PartialDate, Precision


@pytest.mark.parametrize(
    ("text", "precision"),
    [("1991", Precision.YEAR), ("2006-07", Precision.MONTH), ("2024-02-16", Precision.DAY)],
)
def test_a_date_keeps_exactly_the_precision_it_was_written_with(text, precision):
    date = PartialDate.parse(text)
    assert date.precision is precision
    assert date.iso() == text


@pytest.mark.parametrize("text", ["91", "2006-13", "2023-02-29", "July 2006", "", "2024-1-5"])
def test_impossible_or_malformed_dates_are_refused(text):
    with pytest.raises(DateError):
        PartialDate.parse(text)


def test_a_year_covers_the_whole_year_and_a_month_the_whole_month():
    assert PartialDate.parse("1991").first_day() == dt.date(1991, 1, 1)
    assert PartialDate.parse("1991").last_day() == dt.date(1991, 12, 31)
    assert PartialDate.parse("2024-02").last_day() == dt.date(2024, 2, 29)


def test_a_vaguer_date_sorts_before_a_precise_one_in_the_same_period():
    dates = [PartialDate.parse(t) for t in ("2020-09-27", "2020", "2019-12-31", "2020-09")]
    assert [d.iso() for d in sorted(dates)] == ["2019-12-31", "2020", "2020-09", "2020-09-27"]


def test_a_period_cannot_end_before_it_starts():
    with pytest.raises(DateError):
        DateSpan.parse("2020", "2019")


def test_a_period_overlaps_the_years_it_touches():
    war = DateSpan.parse("2014", "2018")
    assert war.overlaps_years(2018, 2024)
    assert war.overlaps_years(None, 2014)
    assert not war.overlaps_years(2019, None)
    assert not war.overlaps_years(1990, 2013)


def test_the_sort_key_orders_by_start_then_end_a_vaguer_date_first():
    spans = [
        DateSpan.parse("2020-09-27"),
        DateSpan.parse("2020", "2021"),
        DateSpan.parse("2020"),
        DateSpan.parse("2020-09", "2020-11"),
        DateSpan.parse("2020-09"),
        DateSpan.parse("2019-12-31"),
    ]
    ordered = sorted(spans, key=DateSpan.sort_key)
    assert [(s.start.iso(), s.end.iso() if s.end else None) for s in ordered] == [
        ("2019-12-31", None), ("2020", None), ("2020", "2021"), ("2020-09", None),
        ("2020-09", "2020-11"), ("2020-09-27", None),
    ]  # fmt: skip
    assert DateSpan.parse("2020-09", "2020-11").sort_key() == "20200900-20201100"
