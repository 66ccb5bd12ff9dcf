"""Independent sources: one that depends on another source cited beside it counts once."""

import pytest

from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.events import Citation, Dependence, Event, Source, independent_count

ORIGINAL = Source("original", "The original report", "original.txt")
RETELLING = Source(
    "retelling", "A retelling", "retelling.txt",
    depends_on=(Dependence("original", "paraphrases", "Same points, same order."),),
)  # fmt: skip
OTHER = Source("other", "Another witness", "other.txt")
COPY_OF_RETELLING = Source(
    "copy", "A copy of the retelling", "copy.txt",
    depends_on=(Dependence("retelling", "shares text"),),
)  # fmt: skip


def event_citing(*sources: Source) -> Event:
    citations = tuple(Citation(f"words from {s.id}", s) for s in sources)
    return Event("e", DateSpan.parse("2024"), "An event", "A summary.", (), citations)


@pytest.mark.parametrize(
    ("sources", "independent"),
    [
        ((ORIGINAL,), 1),
        ((ORIGINAL, OTHER), 2),
        ((ORIGINAL, RETELLING), 1),  # the retelling depends on a source cited beside it
        ((RETELLING, ORIGINAL), 1),  # in either order
        ((RETELLING, OTHER), 2),  # what it depends on is not cited here: it stands alone
        ((ORIGINAL, RETELLING, COPY_OF_RETELLING, OTHER), 2),  # a chain counts once
        ((ORIGINAL, COPY_OF_RETELLING), 2),  # no link between these two as cited
    ],
)
def test_only_independent_sources_count(sources, independent):
    assert independent_count(sources) == independent
    assert event_citing(*sources).independent_sources == independent


def test_two_quotes_from_one_source_are_one_source():
    event = event_citing(ORIGINAL, ORIGINAL, OTHER)
    assert (event.cited_sources, event.independent_sources) == (2, 2)


def test_sources_that_depend_on_each_other_count_once():
    first = Source("a", "A", "a.txt", depends_on=(Dependence("b", "shares text"),))
    second = Source("b", "B", "b.txt", depends_on=(Dependence("a", "shares text"),))
    assert independent_count([first, second]) == 1


def test_an_event_names_the_dependences_among_its_own_sources():
    event = event_citing(ORIGINAL, RETELLING, OTHER)
    assert [(s.id, d.kind, o.id) for s, d, o in event.dependences()] == [
        ("retelling", "paraphrases", "original")
    ]
    assert event_citing(RETELLING, OTHER).dependences() == []
