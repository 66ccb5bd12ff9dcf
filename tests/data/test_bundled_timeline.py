"""The bundled timeline: sourced, verbatim, and identical to its reviewable text."""

import json
from collections import Counter
from dataclasses import asdict
from pathlib import Path

import pytest

from timeline_app import paths
from timeline_app.store import queries
from timeline_app.store.build import build_database
from timeline_app.store.database import open_database
from timeline_app.timeline.events import DATE_BASES, GENERAL_KNOWLEDGE
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.timeline.importance import Importance
from timeline_app.timeline.quotes import VERIFIED, is_verbatim, normalise
from timeline_app.timeline.text_sources import load_timeline_text
from timeline_app.wording.dates import span_label

MILESTONES = {
    "recognition-1991": "1991",
    "netanyahu-visit-1997": "1997",
    "btc-exports-2006": "2006",
    "karabakh-war-2020": "2020",
    "trade-office-2021": "2021",
    "embassy-2023": "2023",
    "oil-figures-2024": "2024",
}


@pytest.fixture(scope="module")
def timeline():
    return load_timeline_text(paths.bundled_text_folder())


def test_every_quote_is_verbatim_in_its_archived_source(timeline, seeds):
    failures = []
    for event in timeline.events:
        for citation in event.citations:
            document = (seeds / citation.source.archive).read_text(encoding="utf-8")
            if not is_verbatim(citation.quote, document):
                failures.append((event.key, citation.quote[:50]))
    assert failures == []


# Dates the documents do not give, from well-established general knowledge.
GENERAL_KNOWLEDGE_DATES = {
    "recognition-1991": "25 December 1991",
    "btc-exports-2006": "13 July 2006",
    "aliyev-arms-contracts-2016": "13 December 2016",
    "karabakh-war-2020": "27 September – 10 November 2020",
    "trade-office-2021": "29 July 2021",
    "cyber-security-center": "March 2023",
    "embassy-2023": "29 March 2023",
    "grain-food-security": "September 2023",
    "diaspora-report-2024": "January 2024",
    "socar-istanbul-protests": "31 May 2024",
    "armenia-recognises-palestine-2024": "21 June 2024",
}


@pytest.fixture(scope="module")
def by_key(timeline):
    return {event.key: event for event in timeline.events}


def quotes(event, source_id=None) -> list[str]:
    return [c.quote for c in event.citations if source_id in (None, c.source.id)]


def test_the_seven_milestones_are_there_in_their_years_and_marked(timeline, by_key):
    years = {e.key: str(e.when.start.year) for e in timeline.events}
    assert {key: years.get(key) for key in MILESTONES} == MILESTONES
    marked = {e.key for e in timeline.events if e.importance == Importance.MILESTONE}
    assert marked == set(MILESTONES)
    assert span_label(by_key["btc-exports-2006"].when) == "13 July 2006"
    assert by_key["karabakh-war-2020"].when.is_period


def test_every_event_says_where_its_date_comes_from(timeline, by_key):
    assert all(e.date_basis in DATE_BASES for e in timeline.events)
    for key, label in GENERAL_KNOWLEDGE_DATES.items():
        assert (span_label(by_key[key].when), by_key[key].date_basis) == (label, GENERAL_KNOWLEDGE)
    for event in timeline.events:  # and the summary says what the documents give instead
        if event.date_basis == GENERAL_KNOWLEDGE:
            assert "general knowledge" in event.summary, event.key


def test_undated_claims_are_periods_the_documents_bound_never_a_guessed_day(by_key):
    for key, span in {
        "iran-azerbaijan-hostility": "c. 1991–2024",
        "military-ties-deepen-after-2020": "c. 2020–2024",
        "turkey-israel-rift-2023": "c. October 2023 – 2024",
    }.items():
        event = by_key[key]
        assert event.when.is_period and span_label(event.when) == span, key
        assert event.date_basis == "documents"
        assert "period runs from" in event.summary


def test_corroboration_counts_independent_sources_only(timeline, by_key):
    counts = {e.key: (e.cited_sources, e.independent_sources) for e in timeline.events}
    assert counts["fifth-largest-partner-2005"] == (2, 1)  # 002 and 004 share the sentence
    assert counts["recognition-1991"] == (2, 1)  # likewise
    assert counts["oil-figures-2024"] == (2, 1)  # 000 paraphrases 001
    assert counts["gaza-war-pressure-2023"] == (3, 2)
    assert counts["btc-exports-2006"] == (2, 2)
    assert all(independent <= cited for cited, independent in counts.values())
    sources = {s.id: s for s in timeline.sources}
    assert [(d.source_id, d.kind) for d in sources["strengthening-bonds-2024"].depends_on] == [
        ("jpost-oil-2024", "paraphrases")
    ]
    assert [(d.source_id, d.kind) for d in sources["caspian-post-hajiyev"].depends_on] == [
        ("partnership-critique-2024", "shares text")
    ]


def test_contested_claims_are_attributed_and_their_conflicts_said(by_key):
    turkey = by_key["turkey-top-supplier-2019"]
    assert turkey.title.endswith(", an article says")
    assert "69 percent" in turkey.summary and "conflicts" in turkey.summary
    fifth = by_key["fifth-largest-partner-2005"]
    assert fifth.title.endswith(", two articles say")
    assert "exchanging" not in fifth.summary and "supplying oil" in fifth.summary
    assert "undated" in fifth.summary
    assert "different claim" in by_key["sipri-2016-2020"].summary
    assert "will be met" in by_key["grain-food-security"].summary  # quoted, not asserted
    assert "declarations of intent" in by_key["grain-food-security"].summary


def test_citations_that_did_not_support_their_event_are_gone(by_key):
    assert not any("Elbit" in q for q in quotes(by_key["aliyev-arms-contracts-2016"]))
    assert not any("7,000" in q for q in quotes(by_key["mountain-jews-museum"]))
    assert quotes(by_key["btc-ukraine-2022"], "caspian-post-hajiyev") == []


def test_what_a_summary_says_has_a_quote_behind_it(by_key):
    for key, words in {
        "israel-resists-pressure-2020": "extensive media attack by pro-Armenia and pro-Iran",
        "munich-herzog-aliyev-2024": "Aliyev’s office in Azerbaijan’s capital of Baku",
        "diaspora-report-2024": "much deeper and may even be influenced by external factors",
        "gaza-stance-2023": "Azerbaijan has remained relatively quiet",
        "education-programme-2023-2026": "forms the basis for developing this vital field",
    }.items():
        assert any(words in q for q in quotes(by_key[key])), key


def test_summaries_claim_no_more_than_their_quotes(timeline, by_key):
    assert "year on year" not in by_key["btc-full-capacity-2009"].summary
    assert "consistently increased" in by_key["btc-full-capacity-2009"].summary
    assert "refraining" not in by_key["gaza-stance-2023"].summary
    assert "restated" not in by_key["gaza-stance-2023"].summary
    assert "which includes" not in by_key["education-programme-2023-2026"].summary
    assert "term is 2023–2026" in by_key["education-programme-2023-2026"].summary
    # The document does not show that Ahmadzada is Azerbaijani.
    assert not any("Azerbaijani commentator" in e.summary for e in timeline.events)
    assert "Azerbaijani analyst" not in next(
        s.note for s in timeline.sources if s.id == "ahmadzada-strategic-2024"
    )


def test_source_notes_say_what_rests_on_the_curators(timeline):
    notes = {s.id: s.note for s in timeline.sources}
    assert "rests on one line" in notes["caspian-post-hajiyev"]
    assert "curators' judgement" in notes["partnership-critique-2024"]


POINTS_ONLY_THE_CRITICAL_ARTICLE_MAKES = (
    "Azerbaijan may serve as a base for Israeli intelligence operations against Iran.",
    "The mutual hostility has seen Iran backing groups in Azerbaijan and Baku encouraging "
    "Iranian Azeris to push for separatism.",
    "Baku recognises Palestine, hosts a Palestinian embassy, and has been a vocal supporter of "
    "the two-state solution.",
    "This military support continued to deepen, with increased intelligence sharing and further "
    "arms deals.",
    "Turkish President Recep Tayyip Erdogan has been vocally critical of Israel, severing some "
    "trade deals and recalling diplomats. However, Azerbaijan has managed to maintain its "
    "strategic partnership with Israel without severing ties with Turkey.",
    "Israeli defence ministers Benny Gantz and Yoav Gallant, along with Prime Minister Benjamin "
    "Netanyahu, have made multiple visits to Baku",
    "Armenia has also recently recognised Palestine",
)


@pytest.mark.parametrize("point", POINTS_ONLY_THE_CRITICAL_ARTICLE_MAKES)
def test_the_critical_articles_points_are_in_the_record(timeline, point):
    cited = [normalise(q) for e in timeline.events for q in quotes(e, "partnership-critique-2024")]
    assert any(normalise(point) in quote for quote in cited)


def test_the_critical_material_has_a_theme_of_its_own(timeline, by_key):
    theme = next(t for t in timeline.themes if t.slug == "tensions-criticism")
    assert theme.name == "Tensions & Criticism"
    assert theme.colour.lower() not in {t.colour.lower() for t in timeline.themes if t != theme}
    for key in (
        "gaza-war-pressure-2023", "gaza-stance-2023", "iran-targets-btc-2023",
        "socar-istanbul-protests", "iran-azerbaijan-hostility", "turkey-israel-rift-2023",
        "armenia-recognises-palestine-2024", "israel-resists-pressure-2020",
    ):  # fmt: skip
        assert theme in by_key[key].themes, key


def test_defence_is_spelt_one_way_in_the_curators_words(timeline):
    words = [t.name for t in timeline.themes]
    words += [text for e in timeline.events for text in (e.title, e.summary)]
    assert not [text for text in words if "defense" in text.lower()]
    assert "Defence & Security" in [t.name for t in timeline.themes]


def test_the_timeline_is_sourced_widely_enough(timeline, seeds):
    assert len(timeline.events) >= 25
    assert min(e.when.start.year for e in timeline.events) == 1991
    assert max(e.when.last_day().year for e in timeline.events) >= 2024
    assert all(e.citations and e.themes for e in timeline.events)
    multi = [e for e in timeline.events if len({c.source.id for c in e.citations}) >= 2]
    assert len(multi) >= 8
    cited = Counter(c.source.archive for e in timeline.events for c in e.citations)
    assert set(cited) == {p.name for p in seeds.glob("*.txt")}


def test_sources_carry_no_invented_web_addresses(timeline):
    assert all(source.url is None for source in timeline.sources)
    assert all(source.archive for source in timeline.sources)


def test_the_seven_themes_are_all_used(timeline):
    used = {t.slug for e in timeline.events for t in e.themes}
    assert used == {t.slug for t in timeline.themes}
    assert len(timeline.themes) == 7


def test_the_bundled_database_matches_its_text_sources(tmp_path, seeds):
    """Fails when someone edits the TOML files but forgets `timeline-app build-db`."""
    rebuilt = tmp_path / "rebuilt.db"
    build_database(paths.bundled_text_folder(), rebuilt, seeds)
    shipped = tmp_path / "shipped.db"
    shipped.write_bytes(paths.bundled_database().read_bytes())
    assert _dump(shipped) == _dump(rebuilt)


def _dump(path: Path) -> str:
    db = open_database(path)
    try:
        events = queries.filtered_events(db, TimelineFilter())
        return json.dumps(
            {
                "title": queries.timeline_title(db),
                "themes": [t.__dict__ for t in queries.themes(db)],
                "sources": [asdict(s) for s in queries.sources(db)],
                "events": [
                    (
                        e.key,
                        repr(e.when),
                        e.date_basis,
                        e.importance,
                        e.title,
                        e.summary,
                        [t.slug for t in e.themes],
                        [(c.quote, c.source.id, c.status) for c in e.citations],
                    )
                    for e in events
                ],
            },
            ensure_ascii=False,
        )
    finally:
        db.close()


def test_the_readme_describes_the_data_as_it_is(timeline):
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    described = readme[readme.index("## What is in it") : readme.index("## Using it")]
    quotes = sum(len(e.citations) for e in timeline.events)
    general = sum(e.date_basis == GENERAL_KNOWLEDGE for e in timeline.events)
    assert f"**{len(timeline.events)} events from 1991 to 2024**" in described
    assert f"{quotes} quotes" in described
    assert f"({general} events:" in described
    assert all(theme.name in described for theme in timeline.themes)


def test_every_bundled_quote_is_marked_verified_without_its_document_in_the_file():
    db = open_database(paths.bundled_database(), read_only=True)
    try:
        citations = [c for e in queries.filtered_events(db, TimelineFilter()) for c in e.citations]
        assert {c.status for c in citations if c.quote} == {VERIFIED}
        assert db.read("SELECT count(*) FROM source_texts") == [(0,)]  # others' writing
    finally:
        db.close()
