import re
import unicodedata

import pytest

from timeline_app.store import queries
from timeline_app.store.errors import UnknownTheme
from timeline_app.store.search import fts_query
from timeline_app.store.writing import write_timeline
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.timeline.folding import fold_letters
from timeline_app.timeline.importance import Importance


def _keys(db, wanted):
    return [e.key for e in queries.filtered_events(db, wanted)]


def test_events_come_in_chronological_order(bundled_db):
    events = queries.filtered_events(bundled_db, TimelineFilter())
    assert [e.when.sort_key() for e in events] == sorted(e.when.sort_key() for e in events)
    assert len(events) == queries.total_events(bundled_db)


def test_several_themes_mean_any_of_them(bundled_db):
    energy = set(_keys(bundled_db, TimelineFilter(themes=frozenset({"energy"}))))
    culture = set(_keys(bundled_db, TimelineFilter(themes=frozenset({"culture-community"}))))
    both = set(_keys(bundled_db, TimelineFilter(themes=frozenset({"energy", "culture-community"}))))
    assert energy and culture
    assert both == energy | culture
    events = queries.filtered_events(bundled_db, TimelineFilter(themes=frozenset({"energy"})))
    assert all("energy" in {t.slug for t in e.themes} for e in events)


def test_a_year_range_keeps_events_whose_span_overlaps_it(bundled_db):
    keys = _keys(bundled_db, TimelineFilter(first_year=2019, last_year=2019))
    assert "turkey-top-supplier-2019" in keys
    assert "sipri-2016-2020" in keys  # a period running through 2019
    assert "karabakh-war-2020" not in keys
    assert "recognition-1991" not in _keys(bundled_db, TimelineFilter(first_year=1992))


def test_search_finds_words_in_titles_summaries_and_quotes(bundled_db):
    assert "oil-figures-2024" in _keys(
        bundled_db, TimelineFilter(search="523.5")
    )  # only in a quote
    assert "btc-exports-2006" in _keys(bundled_db, TimelineFilter(search="pipeline"))
    harop = _keys(bundled_db, TimelineFilter(search="Harop"))
    assert harop and all(
        "harop" in (e.title + e.summary + " ".join(c.quote for c in e.citations)).lower()
        for e in queries.filtered_events(bundled_db, TimelineFilter(search="Harop"))
    )


def test_filters_of_different_kinds_combine_with_and(bundled_db):
    energy = set(_keys(bundled_db, TimelineFilter(themes=frozenset({"energy"}))))
    oil = set(_keys(bundled_db, TimelineFilter(search="oil")))
    late = set(_keys(bundled_db, TimelineFilter(first_year=2023)))
    combined = TimelineFilter(themes=frozenset({"energy"}), search="oil", first_year=2023)
    assert set(_keys(bundled_db, combined)) == energy & oil & late


@pytest.mark.parametrize(
    "typed",
    [
        '"unbalanced',
        "oil AND",
        "NEAR(",
        "x' OR 1=1 --",
        "'; DROP TABLE events; --",
        "*",
        "-oil",
        "<b>x</b>",
        "title:oil",
        "^oil",
    ],
)
def test_search_text_that_looks_like_syntax_is_read_as_plain_words(bundled_db, typed):
    everything = queries.filtered_events(bundled_db, TimelineFilter())
    found = queries.filtered_events(bundled_db, TimelineFilter(search=typed))
    words = [_plain(word) for word in re.findall(r"\w+", typed)]
    expected = [e.key for e in everything if words and _has_every_word_start(e, words)]
    assert [e.key for e in found] == expected
    assert len(queries.filtered_events(bundled_db, TimelineFilter())) == len(everything)


def _plain(text: str) -> str:
    """A slow reference for the index's folding: no accents, no case, ı as i."""
    decomposed = unicodedata.normalize("NFD", fold_letters(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _has_every_word_start(event, words: list[str]) -> bool:
    text = " ".join([event.title, event.summary, *(c.quote for c in event.citations)])
    present = re.findall(r"[^\W_]+", _plain(text))
    return all(any(p.startswith(word) for p in present) for word in words)


def test_a_quoted_phrase_must_appear_together():
    assert fts_query('"oil supply" Israel') == '"oil supply" AND "Israel"*'
    assert fts_query('"oil supply') == '"oil"* AND "supply"*'
    assert fts_query("  ") is None
    assert fts_query("AND OR NOT") == '"AND"* AND "OR"* AND "NOT"*'


def test_themes_are_named_by_name_or_slug_in_any_case(bundled_db):
    assert queries.resolve_themes(
        bundled_db, ["ENERGY", "defense-security", "trade & economy"]
    ) == {"energy", "defense-security", "trade-economy"}
    with pytest.raises(UnknownTheme, match="Known themes: Diplomacy"):
        queries.resolve_themes(bundled_db, ["sport"])


def test_theme_counts_follow_the_rest_of_the_filter(bundled_db):
    wanted = TimelineFilter(first_year=2023)
    counts = queries.theme_counts(bundled_db, wanted)
    for slug, count in counts.items():
        assert count == queries.count_events(bundled_db, TimelineFilter(frozenset({slug}), 2023))


def test_a_source_lists_every_event_that_cites_it(bundled_db):
    events = queries.events_citing(bundled_db, "jpost-oil-2024")
    assert "oil-figures-2024" in [e.key for e in events]
    assert all(any(c.source.id == "jpost-oil-2024" for c in e.citations) for e in events)


def test_sources_read_back_exactly_as_written(tmp_path):
    from timeline_app.store.database import open_database
    from timeline_app.timeline.events import Source

    written = (
        Source("a", "First", "a.txt", publisher="P", author="W", published="2019-09-10",
               published_approximate=True, url="https://example.org", note="a note"),
        Source("b", "Second", "b.txt"),
    )  # fmt: skip
    db = open_database(tmp_path / "sources.db", create=True)
    try:
        write_timeline(db, "T", (), written, ())
        assert queries.sources(db) == list(written)
    finally:
        db.close()


def test_sources_come_back_with_what_they_depend_on(bundled_db):
    by_id = {source.id: source for source in queries.sources(bundled_db)}
    assert [(d.source_id, d.kind) for d in by_id["strengthening-bonds-2024"].depends_on] == [
        ("jpost-oil-2024", "paraphrases")
    ]
    assert [(d.source_id, d.kind) for d in by_id["caspian-post-hajiyev"].depends_on] == [
        ("partnership-critique-2024", "shares text")
    ]
    assert all(d.note for source in by_id.values() for d in source.depends_on)
    oil = next(
        e
        for e in queries.events_citing(bundled_db, "jpost-oil-2024")
        if e.key == "oil-figures-2024"
    )
    assert (oil.cited_sources, oil.independent_sources) == (2, 1)


def test_events_come_back_with_their_importance_and_date_basis(bundled_db):
    by_key = {e.key: e for e in queries.filtered_events(bundled_db, TimelineFilter())}
    assert by_key["embassy-2023"].importance == Importance.MILESTONE
    assert by_key["embassy-2023"].date_basis == "general knowledge"
    assert by_key["lora-2020"].importance is None
    assert by_key["lora-2020"].date_basis == "documents"


def test_writing_a_timeline_again_replaces_its_source_relations(bundled_db):
    sources = queries.sources(bundled_db)
    events = queries.filtered_events(bundled_db, TimelineFilter())
    write_timeline(bundled_db, "Again", queries.themes(bundled_db), sources, events)
    assert queries.sources(bundled_db) == sources
    assert len(bundled_db.read("SELECT * FROM source_relations")) == 2
