import pytest

from tests.formats.conftest import FIXTURES, split
from timeline_app.formats import wx_timeline
from timeline_app.formats.errors import FormatError
from timeline_app.timeline.importance import Importance


def test_categories_with_parents_become_themes_and_events_carry_their_ancestors():
    _, events, records = split(wx_timeline.read(FIXTURES / "orchard.timeline"))
    planted = events["First trees planted"]
    assert [t.name for t in planted.themes] == ["Apples", "Orchard"]
    apples = planted.themes[0]
    assert apples.colour == "#C81E1E"


def test_fuzzy_description_hyperlinks_and_milestones():
    _, events, _ = split(wx_timeline.read(FIXTURES / "orchard.timeline"))
    planted = events["First trees planted"]
    assert planted.when.approximate and planted.when.start.iso() == "1884-04-01"
    assert planted.summary == "Forty young trees along the south wall."
    assert [c.source.url for c in planted.citations] == [
        "https://example.org/planting", "https://example.org/letters",
    ]  # fmt: skip
    assert events["The orchard is sold"].importance is Importance.MILESTONE
    fair = events["The first harvest fair"]
    assert (fair.when.start.iso(), fair.when.end.iso()) == ("1899-09-12T08:15", "1899-09-14T18:00")
    assert not fair.when.approximate


def test_containers_and_eras():
    _, events, _ = split(wx_timeline.read(FIXTURES / "orchard.timeline"))
    assert events["New owners"].when.end.iso() == "1912-10-31"
    assert [t.name for t in events["Cider press installed"].themes] == ["Apples", "Orchard"]
    era = events["Old orchard"]
    assert [t.name for t in era.themes] == ["Eras"] and era.when.is_period


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('<?xml version="1.0"?>\n<!DOCTYPE t [<!ENTITY a "aaaa">]>\n<timeline/>', "line 2"),
        ("<timeline><events><event><start>1990-01-01</start></events></timeline>", "line 1"),
        ("<notes/>", "root element is <notes>"),
    ],
)
def test_doctypes_entities_and_broken_xml_are_refused(tmp_path, text, message):
    path = tmp_path / "bad.timeline"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError, match=message) as caught:
        list(wx_timeline.read(path))
    assert str(path) in str(caught.value)


def test_the_billion_laughs_is_refused_before_any_expansion(tmp_path):
    path = tmp_path / "laughs.timeline"
    entities = "".join(f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};">' for i in range(1, 30))
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE timeline [<!ENTITY l0 "ha">{entities}]>'
        "<timeline><events><event><text>&l29;</text></event></events></timeline>",
        encoding="utf-8",
    )
    with pytest.raises(FormatError, match="document type declaration"):
        list(wx_timeline.read(path))


def test_an_undefined_category_names_the_event_element_and_field(tmp_path):
    path = tmp_path / "cat.timeline"
    path.write_text(
        "<timeline><categories/><events>\n<event><start>1990-01-01 00:00:00</start>"
        "<end>1990-01-01 00:00:00</end><text>x</text><category>Nope</category></event>"
        "</events></timeline>",
        encoding="utf-8",
    )
    with pytest.raises(FormatError, match=r"<event> at line 2, field “category”: .*'Nope'"):
        list(wx_timeline.read(path))


def test_a_date_before_year_one_names_the_event(tmp_path):
    path = tmp_path / "bc.timeline"
    path.write_text(
        "<timeline><categories/><events><event><start>-100-01-01 00:00:00</start>"
        "<end>-100-01-01 00:00:00</end><text>Rome</text></event></events></timeline>",
        encoding="utf-8",
    )
    with pytest.raises(FormatError, match=r"field “start”: year -100 is before year 1.*Rome"):
        list(wx_timeline.read(path))
