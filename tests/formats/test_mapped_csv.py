import pytest

from tests.formats.conftest import FIXTURES, split
from timeline_app.formats import mapped_csv
from timeline_app.formats.errors import FormatError

MAPPING = "title=What,start=When,end=Until,themes=Tags,source=Link,summary=Notes"


def test_columns_are_read_through_the_mapping():
    mapping = mapped_csv.parse_mapping(MAPPING)
    _, events, _ = split(mapped_csv.read(FIXTURES / "expenses.csv", mapping))
    roof = events["Roof repaired, at last"]
    assert roof.when.start.iso() == "2021-03" and roof.when.end is None
    assert [t.name for t in roof.themes] == ["house", "money"]
    assert [c.source.url for c in roof.citations] == ["https://example.org/roof"]
    assert roof.summary == "Two quotes, one builder"
    kitchen = events["Kitchen painted"]
    assert (kitchen.when.start.iso(), kitchen.when.end.iso()) == ("2022-11-05", "2022-11-20")
    assert kitchen.themes == roof.themes[:1]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("title=What", "needs start"),
        ("title=What,start", "should be FIELD=COLUMN"),
        ("title=What,start=When,colour=X", "“colour” is not a field"),
    ],
)
def test_a_malformed_mapping_says_what_is_wrong(text, message):
    with pytest.raises(ValueError, match=message):
        mapped_csv.parse_mapping(text)


def test_a_mapped_column_the_file_lacks_is_named():
    mapping = mapped_csv.parse_mapping("title=Name,start=When")
    with pytest.raises(FormatError, match=r"expenses\.csv: line 1: there is no column “Name”"):
        list(mapped_csv.read(FIXTURES / "expenses.csv", mapping))


def test_a_malformed_date_names_the_line_and_the_column(tmp_path):
    path = tmp_path / "dates.csv"
    path.write_text('When,What\n2020,"a\nb"\n5 May 2020,c\n', encoding="utf-8")
    mapping = mapped_csv.parse_mapping("title=What,start=When")
    with pytest.raises(FormatError, match=r"dates\.csv: line 4, field “When”: '5 May 2020'"):
        list(mapped_csv.read(path, mapping))
