from dataclasses import replace

from timeline_app.timeline.drafts import (
    CitationDraft,
    EventDraft,
    SourceDraft,
    ThemeDraft,
    clashing,
    keep_typing,
    problems,
)
from timeline_app.timeline.events import DOCUMENTS
from timeline_app.timeline.importance import Importance

EVENT = EventDraft(
    title="Embassy opens",
    summary="",
    start="2023-03-29",
    end=None,
    approximate=False,
    importance=Importance.MAJOR,
    date_basis=DOCUMENTS,
    theme_slugs=("diplomacy", "energy"),
)


def _event(**changes) -> EventDraft:
    return EventDraft(**{**EVENT.__dict__, **changes})


def test_a_good_event_has_no_problems():
    assert problems(EVENT) == {}
    assert problems(_event(start="2023", end="2024-02", approximate=True)) == {}
    assert problems(_event(start="2023-03-29T14:05", end="2023-03-29T16")) == {}


def test_each_problem_of_an_event_is_named_by_its_field():
    assert set(problems(_event(title="   "))) == {"title"}
    assert "YYYY-MM-DD" in problems(_event(start="29/03/2023"))["start"]
    assert problems(_event(start="2023-02-30"))["start"] == "There is no such date."
    assert set(problems(_event(end="soon"))) == {"end"}
    assert problems(_event(start="2024", end="2023"))["end"] == "The period ends before it starts."
    assert set(problems(_event(start="0000"))) == {"start"}  # a year the date type cannot hold
    assert set(problems(_event(start="2023-01-01T25:00"))) == {"start"}
    assert set(problems(_event(date_basis="rumour"))) == {"date_basis"}
    assert set(problems(_event(theme_slugs=("energy", "energy")))) == {"theme_slugs"}
    assert set(problems(_event(title="", start="x"))) == {"title", "start"}


def test_theme_source_and_citation_problems():
    assert problems(ThemeDraft("Energy", "#1f77B4")) == {}
    assert set(problems(ThemeDraft(" ", "#1f77b4"))) == {"name"}
    for colour in ("1f77b4", "#1f77b", "#1f77bz", "red"):
        assert set(problems(ThemeDraft("Energy", colour))) == {"colour"}
    source = SourceDraft("Title", None, None, "2024-05", False, "https://a.org/x", "text", None)
    assert problems(source) == {}
    assert set(problems(SourceDraft("", None, None, "May 2024", False, "a b", None, None))) == {
        "title", "published", "url",
    }  # fmt: skip
    assert problems(CitationDraft("s1", "")) == {}  # a source credited without a quote
    assert set(problems(CitationDraft("", "words"))) == {"source_id"}


def test_problems_are_said_in_the_words_a_translation_gives():
    from timeline_app.wording.drafts import draft_problems
    from timeline_app.wording.translation import use_translation

    use_translation(lambda context, text: f"[{context}] {text}")
    try:
        said = draft_problems(_event(title="", end="2000"))
    finally:
        use_translation(None)
    assert said == {
        "title": "[drafts] Give it a title.",
        "end": "[drafts] The period ends before it starts.",
    }


def test_a_field_both_the_user_and_the_file_changed_is_said_to_clash():
    loaded = SourceDraft("Report", None, "Smith", None, False, None, None, None)
    typed = replace(loaded, author="Smith, J.", note="Mine")
    stored = replace(loaded, author="Jones", title="Retitled")
    assert keep_typing(typed, loaded, stored) == replace(stored, author="Smith, J.", note="Mine")
    assert clashing(typed, loaded, stored) == ("author",)
    # The same change made in both places is no clash.
    assert clashing(replace(loaded, author="Jones"), loaded, stored) == ()
