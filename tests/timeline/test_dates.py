import datetime as dt

import pytest

from timeline_app.timeline.dates import DateError, DateSpan, PartialDate, Precision, precision_of
from timeline_app.wording.dates import date_label, span_label


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


def test_the_sort_key_puts_a_day_before_its_hours_and_an_hour_before_its_minutes():
    texts = ["2024-02-16T09:30", "2024-02-17", "2024-02-16T09", "2024-02-16", "2024-02-16T10"]
    ordered = sorted((DateSpan.parse(t) for t in texts), key=DateSpan.sort_key)
    assert [s.start.iso() for s in ordered] == [
        "2024-02-16", "2024-02-16T09", "2024-02-16T09:30", "2024-02-16T10", "2024-02-17",
    ]  # fmt: skip
    assert DateSpan.parse("2024-02-16T09:30").sort_key() == "20240216T0930-20240216T0930"


@pytest.mark.parametrize(
    ("text", "precision", "label"),
    [
        ("2024-02-16T14", Precision.HOUR, "16 February 2024, 14h"),
        ("2024-02-16T14:05", Precision.MINUTE, "16 February 2024, 14:05"),
    ],
)
def test_a_time_of_day_keeps_its_precision(text, precision, label):
    date = PartialDate.parse(text)
    assert date.precision is precision
    assert date.iso() == text
    assert date_label(date) == label
    assert precision_of(text) is precision


@pytest.mark.parametrize("text", ["2024-02-16T24:00", "2024-02-16T12:60", "2024-02T12", "2024T1"])
def test_impossible_times_of_day_are_refused(text):
    with pytest.raises(DateError):
        PartialDate.parse(text)


def test_an_hour_sorts_after_its_day_and_before_its_minutes():
    texts = ["2024-02-16T09:30", "2024-02-16T09", "2024-02-16", "2024-02-16T00"]
    ordered = sorted(PartialDate.parse(t) for t in texts)
    assert [d.iso() for d in ordered] == [
        "2024-02-16", "2024-02-16T00", "2024-02-16T09", "2024-02-16T09:30",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        ("2024-02-16T09:00", "2024-02-16T17:30", "16 February 2024, 09:00–17:30"),
        (
            "1899-09-12T08:15",
            "1899-09-14T18:00",
            "12 September 1899, 08:15 – 14 September 1899, 18:00",
        ),
        ("2024-02-16", "2024-02-17T10", "16 February 2024 – 17 February 2024, 10h"),
    ],
)
def test_periods_with_times_of_day_show_both_ends(start, end, label):
    assert span_label(DateSpan.parse(start, end)) == label


def test_a_period_within_one_day_cannot_end_before_it_starts():
    assert DateSpan.parse("2024-02-16T09:00", "2024-02-16T17:30").is_period
    with pytest.raises(DateError):
        DateSpan.parse("2024-02-16T17:30", "2024-02-16T09:00")


def test_days_in_month_agrees_with_the_calendar_in_every_month_of_every_year():
    import calendar

    from timeline_app.timeline.dates import days_in_month

    for year in range(1, 10000):
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1]
