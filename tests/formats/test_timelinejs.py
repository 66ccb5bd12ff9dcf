import csv
import io

import pytest

from tests.formats.conftest import FIXTURES, split
from timeline_app.formats import timelinejs_json, timelinejs_sheet
from timeline_app.formats.errors import FormatError
from timeline_app.timeline.dates import Precision


def test_the_title_slide_gives_the_title_and_description_as_plain_text():
    info, _, _ = split(timelinejs_json.read(FIXTURES / "harbour.timelinejs.json"))
    assert info.title == "The Harbour & the Town"
    assert info.description == "A made-up town's harbour, for testing."


def test_json_events_keep_the_precision_of_their_dates_and_their_groups():
    _, events, _ = split(timelinejs_json.read(FIXTURES / "harbour.timelinejs.json"))
    pier = events["The first pier"]
    assert pier.key == "founding"
    assert pier.when.start.iso() == "1850" and pier.when.approximate  # display date "c. 1850"
    lamp = events["The lighthouse is lit"]
    assert lamp.when.start.iso() == "1901-03-14T09:30"
    assert lamp.when.start.precision is Precision.MINUTE
    strike = events["The great strike"]
    assert (strike.when.start.iso(), strike.when.end.iso()) == ("1920-06", "1921-02")
    assert [t.name for t in strike.themes] == ["Labour"]
    assert pier.themes == lamp.themes and [t.name for t in pier.themes] == ["Building"]


def test_html_becomes_plain_text_with_its_links_and_quotes_kept_as_sources():
    _, events, _ = split(timelinejs_json.read(FIXTURES / "harbour.timelinejs.json"))
    lamp = events["The lighthouse is lit"]
    assert "alert" not in lamp.summary and "<" not in lamp.summary
    assert lamp.summary.startswith("The keeper lights the lamp.")
    quoted = [c for c in lamp.citations if c.quote]
    assert [(c.quote, c.source.url, c.source.title) for c in quoted] == [
        ("The light could be seen from the far cape.", "https://example.org/gazette",
         "Harbour Gazette"),
    ]  # fmt: skip
    linked = {c.source.url: c.source for c in lamp.citations if not c.quote}
    assert set(linked) == {"https://example.org/photos/lamp.jpg", "https://example.org/lighthouse"}
    photo = linked["https://example.org/photos/lamp.jpg"]
    assert (photo.title, photo.publisher) == ("The lamp room", "Town Archive")
    assert not any("javascript" in (c.source.url or "") for c in lamp.citations)


def test_eras_become_periods_of_their_own_theme():
    _, events, _ = split(timelinejs_json.read(FIXTURES / "harbour.timelinejs.json"))
    era = events["The steam years"]
    assert (era.when.start.iso(), era.when.end.iso()) == ("1900", "1939")
    assert [t.name for t in era.themes] == ["Eras"]


def test_the_sheet_reads_quoted_cells_with_commas_and_new_lines():
    info, events, _ = split(timelinejs_sheet.read(FIXTURES / "mill-valley.csv"))
    assert (info.title, info.description) == ("Mill Valley", "A valley, its mill, and its river.")
    assert events["The mill is built"].summary == "Stone walls, a water wheel, and a millpond."
    flood = events["The flood"]
    assert flood.summary == "The river rises:\nthree houses are lost."
    assert (flood.when.start.iso(), flood.when.end.iso()) == (
        "1856-05-02T14:05",
        "1856-05-02T17:00",
    )
    assert [(c.quote, c.source.url) for c in flood.citations if c.quote] == [
        ("Water stood a yard deep in the square.", "https://example.org/flood")
    ]
    assert events["Power line reaches the mill"].when.start.iso() == "1912-07"  # no day: no time
    assert [t.name for t in events["The electric age"].themes] == ["Eras"]


def test_a_bad_date_in_the_sheet_names_the_file_line_field_and_event(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        ",".join(timelinejs_sheet.HEADERS) + "\n"
        + "1990,1,1,,,,,,,Fine,,,,,,,,\n"
        + "1991,13,,,,,,,,Thirteenth month,,,,,,,,\n",
        encoding="utf-8",
    )  # fmt: skip
    with pytest.raises(FormatError) as caught:
        list(timelinejs_sheet.read(path))
    message = str(caught.value)
    assert str(path) in message and "line 3" in message and "“Month”" in message
    assert "month 13" in message and "Thirteenth month" in message


def test_a_year_before_year_one_is_refused_naming_the_event(tmp_path):
    path = tmp_path / "bce.json"
    path.write_text(
        '{"events": [{"start_date": {"year": -500}, "text": {"headline": "Old wall"}}]}',
        encoding="utf-8",
    )
    with pytest.raises(FormatError, match=r"\$\.events\[0\].*start_date.*before year 1.*Old wall"):
        list(timelinejs_json.read(path))


def test_broken_json_says_where(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"events": [\n  {"start_date": {"year": 1990},\n  ]}', encoding="utf-8")
    with pytest.raises(FormatError, match=r"broken\.json: line 3, column 3: is not valid JSON"):
        list(timelinejs_json.read(path))


def test_a_missing_start_date_names_its_json_path(tmp_path):
    path = tmp_path / "nostart.json"
    path.write_text('{"events": [{"start_date": {"year": 1}}, {"text": {}}]}', encoding="utf-8")
    with pytest.raises(FormatError, match=r"\$\.events\[1\], field “start_date”: is missing"):
        list(timelinejs_json.read(path))


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (r'"bad \ud800 here"', r"\$\.events\[1\]\.text\.headline"),
        (r'"low \udc00 first \ud83d\ude42"', r"\$\.events\[1\]\.text\.headline"),
        (r'"paired \ud83d\ude42 fine", "\uDFFF": 1', r"\$\.events\[1\]\.text"),
    ],
)
def test_half_a_character_is_refused_naming_where(tmp_path, text, where):
    path = tmp_path / "lone.json"
    path.write_text(
        '{"events": [{"start_date": {"year": 1}, "text": {"headline": "\\ud83d\\ude42 fine"}},'
        f' {{"start_date": {{"year": 2}}, "text": {{"headline": {text}}}}}]}}',
        encoding="utf-8",
    )
    with pytest.raises(FormatError, match=rf"lone\.json: {where}: holds half a character"):
        list(timelinejs_json.read(path))


def test_escaped_backslashes_and_paired_escapes_are_read_as_they_are(tmp_path):
    path = tmp_path / "fine.json"
    path.write_text(
        r'{"events": [{"start_date": {"year": 1}, "text": {"headline": "\\ud800 \ud83d\ude42"}}]}',
        encoding="utf-8",
    )
    [_, event] = list(timelinejs_json.read(path))
    assert event.title == "\\ud800 🙂"


def test_a_sheet_without_timelinejs_headers_is_refused(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("Date,Name\n1990,x\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"line 1, field “Year”: is missing from the header"):
        list(timelinejs_sheet.read(path))


def test_text_that_is_not_utf8_is_refused_with_its_line(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes(
        (",".join(timelinejs_sheet.HEADERS) + "\n1990,,,,,,,,,Caf\xe9,,,,,,,,\n").encode("latin-1")
    )
    with pytest.raises(FormatError, match=r"line 2: is not UTF-8"):
        list(timelinejs_sheet.read(path))


def test_the_sheet_writer_uses_exactly_timelinejs_headers_and_quotes_what_needs_it():
    from timeline_app.timeline.dates import DateSpan
    from timeline_app.timeline.document import TimelineInfo
    from timeline_app.timeline.events import Event, Theme

    event = Event(
        "k", DateSpan.parse("2024-02-16T14:30"), "Talks, then a dinner", "Line one\nline two",
        (Theme("d", "Diplomacy", "#000"),),
    )  # fmt: skip
    out = io.StringIO()
    timelinejs_sheet.write([TimelineInfo("T"), event], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(timelinejs_sheet.HEADERS)
    assert rows[0]["Type"] == "title"
    row = rows[1]
    assert (row["Year"], row["Month"], row["Day"], row["Time"]) == ("2024", "2", "16", "14:30")
    assert (row["Headline"], row["Group"]) == ("Talks, then a dinner", "Diplomacy")
    assert row["Text"] == "<p>Line one<br>line two</p>"
