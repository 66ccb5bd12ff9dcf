"""The bundled timeline: sourced, verbatim, and identical to its reviewable text."""

import json
from collections import Counter
from pathlib import Path

import pytest

from timeline_app import paths
from timeline_app.store import queries
from timeline_app.store.build import build_database
from timeline_app.store.database import open_database
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.timeline.quotes import is_verbatim
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


def test_the_seven_milestones_are_there_in_their_years(timeline):
    years = {e.key: str(e.when.start.year) for e in timeline.events}
    assert {key: years.get(key) for key in MILESTONES} == MILESTONES
    btc = next(e for e in timeline.events if e.key == "btc-exports-2006")
    assert span_label(btc.when) == "13 July 2006"
    war = next(e for e in timeline.events if e.key == "karabakh-war-2020")
    assert war.when.is_period


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


def test_the_bundled_database_matches_its_text_sources(tmp_path):
    """Fails when someone edits the TOML files but forgets `timeline-app build-db`."""
    rebuilt = tmp_path / "rebuilt.db"
    build_database(paths.bundled_text_folder(), rebuilt)
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
                "sources": [s.__dict__ for s in queries.sources(db)],
                "events": [
                    (
                        e.key,
                        repr(e.when),
                        e.title,
                        e.summary,
                        [t.slug for t in e.themes],
                        [(c.quote, c.source.id) for c in e.citations],
                    )
                    for e in events
                ],
            },
            ensure_ascii=False,
        )
    finally:
        db.close()
