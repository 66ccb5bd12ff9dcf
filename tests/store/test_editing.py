"""Every change applies and reverts in one transaction each, bringing back the file exactly."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from timeline_app.store import editing, queries
from timeline_app.store.change import LAST_ID, Change
from timeline_app.store.database import Database, open_database
from timeline_app.store.editing import EditRefused
from timeline_app.store.errors import DatabaseNotWritable, EditConflict, StoreBug, StoreError
from timeline_app.store.row_changes import RowChange
from timeline_app.timeline.drafts import CitationDraft, EventDraft, SourceDraft, ThemeDraft
from timeline_app.timeline.events import DOCUMENTS, GENERAL_KNOWLEDGE
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.timeline.importance import Importance
from timeline_app.timeline.quotes import NOT_FOUND, UNVERIFIABLE, VERIFIED
from timeline_app.wording.editing import error_text

TABLES = (
    "settings", "themes", "sources", "source_texts", "source_relations", "events",
    "event_themes", "citations",
)  # fmt: skip


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, and the search index's content, as another program reads it
    (but the ids handed out so far, which an undo keeps on purpose so ids are never reused)."""
    with closing(sqlite3.connect(path)) as connection:
        found = {
            table: sorted(connection.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in TABLES
        }
        found["settings"] = [row for row in found["settings"] if not row[0].startswith(LAST_ID)]
        found["events_fts"] = connection.execute(
            "SELECT rowid, title, summary, quotes FROM events_fts ORDER BY rowid"
        ).fetchall()
    return found


@pytest.fixture
def db(bundled_copy) -> Database:
    opened = open_database(bundled_copy)
    yield opened
    opened.close()


EVENT = EventDraft(
    title="Qəbələ radar talks",
    summary="Talks on the radar station.",
    start="2012-06",
    end="2012-08-15",
    approximate=True,
    importance=Importance.MAJOR,
    date_basis=GENERAL_KNOWLEDGE,
    theme_slugs=("energy", "diplomacy"),
)
SOURCE = SourceDraft(
    "A new article", "The Press", "A. Writer", "2024-05", True, "https://example.org/a",
    "The embassy opened in March. Radar talks went on all summer.", "pasted",
)  # fmt: skip


def first_event(db: Database, where: str = "1") -> int:
    return db.read(f"SELECT id FROM events WHERE {where} ORDER BY id LIMIT 1")[0][0]


def first_citation(db: Database) -> int:
    return db.read("SELECT id FROM citations ORDER BY id LIMIT 1")[0][0]


BUILDERS: dict[str, Callable[[Database], editing.Change]] = {
    "add event": lambda db: editing.add_event(
        db, EVENT, [CitationDraft("jpost-oil-2024", "oil"), CitationDraft("jpost-oil-2024", "")]
    ),
    "edit event": lambda db: editing.edit_event(db, first_event(db), EVENT),
    "delete events": lambda db: editing.delete_events(db, [first_event(db), 5]),
    "add theme": lambda db: editing.add_theme(db, ThemeDraft("Sport", "#123456")),
    "edit theme": lambda db: editing.edit_theme(db, "energy", ThemeDraft("Oil & Gas", "#000000")),
    "move theme": lambda db: editing.move_theme(db, "tensions-criticism", 0),
    "delete theme": lambda db: editing.delete_theme(db, "diplomacy"),
    "add source": lambda db: editing.add_source(db, SOURCE),
    "edit source": lambda db: editing.edit_source(db, "jpost-oil-2024", SOURCE),
    "delete source": lambda db: editing.delete_source(db, "jpost-oil-2024"),
    "add citation": lambda db: editing.add_citation(
        db, first_event(db), CitationDraft("caspian-post-hajiyev", "new words")
    ),
    "edit citation": lambda db: editing.edit_citation(
        db, first_citation(db), CitationDraft("jpost-oil-2024", "other words")
    ),
    "delete citation": lambda db: editing.delete_citation(db, first_citation(db)),
}


@pytest.mark.parametrize("name", BUILDERS)
def test_each_change_reverts_to_the_same_file_and_redoes_with_the_same_rows(db, name):
    before = dump(db.path)
    change = BUILDERS[name](db)
    assert dump(db.path) == before  # building reads, never writes
    generation = db.generation
    change.apply(db)
    applied = dump(db.path)
    assert applied != before and db.generation > generation
    change.revert(db)
    assert dump(db.path) == before
    change.apply(db)
    assert dump(db.path) == applied
    change.revert(db)
    assert dump(db.path) == before
    with closing(sqlite3.connect(db.path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_an_added_event_keeps_its_id_and_is_read_back_as_drafted(db):
    change = editing.add_event(db, EVENT, [CitationDraft("jpost-oil-2024", "a quote")])
    change.apply(db)
    event_id = change.event_id
    assert event_id is not None and change.affected_events == {event_id}
    assert editing.event_draft(db, event_id) == EVENT
    assert [d for _, d in editing.citations_of(db, event_id)] == [
        CitationDraft("jpost-oil-2024", "a quote")
    ]
    change.revert(db)
    assert change.event_id == event_id
    change.apply(db)
    assert editing.event_draft(db, event_id) == EVENT
    key = db.read("SELECT key FROM events WHERE id = ?", (event_id,))[0][0]
    assert key == "qebele-radar-talks-2012"


def test_search_finds_an_edited_title_at_once_and_no_longer_the_old_one(db):
    event_id = first_event(db)
    old_title = queries.events(db, [event_id])[0].title
    assert queries.event_ids(db, TimelineFilter(search="zanzibar")) == []
    draft = editing.event_draft(db, event_id)
    editing.edit_event(db, event_id, EventDraft(**{**draft.__dict__, "title": "Zanzibar"})).apply(
        db
    )
    assert queries.event_ids(db, TimelineFilter(search="zanzibar")) == [event_id]
    assert event_id not in queries.event_ids(db, TimelineFilter(search=f'"{old_title}"'))


def test_refused_changes_say_what_is_wrong_by_field_and_write_nothing(db):
    before = dump(db.path)
    refusals = {
        "name": lambda: editing.add_theme(db, ThemeDraft("energy", "#123456")),
        "theme_slugs": lambda: editing.add_event(
            db, EventDraft(**{**EVENT.__dict__, "theme_slugs": ("nope",)})
        ),
        "end": lambda: editing.edit_event(
            db, first_event(db), EventDraft(**{**EVENT.__dict__, "end": "2011"})
        ),
        "source_id": lambda: editing.add_citation(db, first_event(db), CitationDraft("x", "q")),
        "citations": lambda: editing.add_event(db, EVENT, [CitationDraft("nope", "q")]),
        "colour": lambda: editing.edit_theme(db, "energy", ThemeDraft("Energy", "red")),
        "title": lambda: editing.add_source(
            db, SourceDraft(" ", None, None, None, False, None, None, None)
        ),
    }
    for field, build in refusals.items():
        with pytest.raises(EditRefused) as refused:
            build()
        assert field in refused.value.problems, field
    with pytest.raises(EditRefused) as refused:
        editing.add_theme(db, ThemeDraft("Energy", "#123456"))
    assert refused.value.problems == {"name": "A theme called “Energy” exists already."}
    editing.edit_theme(db, "energy", ThemeDraft("ENERGY", "#123456")).apply(db)  # its own name
    assert dump(db.path)["themes"] != before["themes"]


def test_a_read_only_file_refuses_a_change_before_writing(tmp_path):
    bundled = tmp_path / "bundled.db"
    bundled.write_bytes((Path(__file__).parents[2] / "data.db").read_bytes())
    before = bundled.read_bytes()
    db = open_database(bundled, read_only=True)
    try:
        change = editing.add_theme(db, ThemeDraft("Sport", "#123456"))
        with pytest.raises(DatabaseNotWritable, match="read-only"):
            change.apply(db)
    finally:
        db.close()
    assert bundled.read_bytes() == before


def test_deleting_says_what_goes_with_it(db):
    cited = db.read("SELECT count(*) FROM citations WHERE source_id = 'jpost-oil-2024'")[0][0]
    consequences = editing.deletion_consequences(db, source_id="jpost-oil-2024")
    assert consequences.citations == cited > 0
    in_events = db.read("SELECT count(DISTINCT event_id) FROM citations "
                        "WHERE source_id = 'jpost-oil-2024'")[0][0]  # fmt: skip
    # Each count in a sentence of its own, so each language can give its plural form whole.
    assert consequences.lines[:2] == (
        f"{cited} quotes from it.",
        f"Quoted in {in_events} event{'s' if in_events != 1 else ''}; no event is deleted.",
    )
    links = db.read(
        "SELECT count(*) FROM event_themes et JOIN themes t ON t.id = theme_id "
        "WHERE t.slug = 'energy'"
    )[0][0]
    assert editing.deletion_consequences(db, theme_slug="energy").theme_links == links > 0
    event_id = first_event(db)
    quotes = len(editing.citations_of(db, event_id))
    gone = editing.deletion_consequences(db, event_ids=[event_id])
    assert (gone.events, gone.citations) == (1, quotes)
    change = editing.delete_source(db, "jpost-oil-2024")
    change.apply(db)
    assert db.read("SELECT count(*) FROM citations WHERE source_id = 'jpost-oil-2024'") == [(0,)]
    assert len(change.affected_events) > 0 and change.sources_changed


def test_deleting_a_theme_moves_each_event_it_led_to_its_next_theme(db):
    led = db.read(
        "SELECT e.id FROM events e JOIN themes t ON t.id = e.primary_theme_id "
        "WHERE t.slug = 'diplomacy' "
        "AND (SELECT count(*) FROM event_themes WHERE event_id = e.id) > 1"
    )
    assert led
    event_id = led[0][0]
    slugs = editing.event_draft(db, event_id).theme_slugs
    editing.delete_theme(db, "diplomacy").apply(db)
    assert editing.event_draft(db, event_id).theme_slugs == tuple(
        s for s in slugs if s != "diplomacy"
    )


def test_quotes_are_checked_against_the_archived_text_stored_in_the_file(db):
    add = editing.add_source(db, SOURCE)
    add.apply(db)
    source_id = add.source_id
    event_id = first_event(db)
    found = editing.add_citation(db, event_id, CitationDraft(source_id, "Radar talks went on"))
    missing = editing.add_citation(db, event_id, CitationDraft(source_id, "Radar talks ended"))
    bare = editing.add_citation(db, event_id, CitationDraft("jpost-oil-2024", "no text here"))
    for change in (found, missing, bare):
        change.apply(db)

    def statuses() -> dict[int, str]:
        return {c.id: c.status for c in queries.events(db, [event_id])[0].citations}

    assert statuses()[found.citation_id] == VERIFIED
    assert statuses()[missing.citation_id] == NOT_FOUND
    assert statuses()[bare.citation_id] == UNVERIFIABLE
    new_text = SourceDraft(**{**SOURCE.__dict__, "archived_text": "Radar talks ended in May."})
    retext = editing.edit_source(db, source_id, new_text)
    retext.apply(db)
    assert (statuses()[found.citation_id], statuses()[missing.citation_id]) == (NOT_FOUND, VERIFIED)
    retext.revert(db)
    assert (statuses()[found.citation_id], statuses()[missing.citation_id]) == (VERIFIED, NOT_FOUND)
    assert editing.archived_text(db, source_id) == SOURCE.archived_text
    assert editing.source_draft(db, source_id) == SOURCE


def test_a_redo_over_a_change_made_elsewhere_is_a_clear_conflict(db):
    change = editing.add_theme(db, ThemeDraft("Sport", "#123456"))
    change.apply(db)
    change.revert(db)
    with closing(sqlite3.connect(db.path)) as other, other:
        taken = change._rows[0].after["id"]  # the id the change gave its theme
        other.execute(
            "INSERT INTO themes (id, slug, name, colour, position) "
            "VALUES (?, 'other', 'Other', '#000000', 99)",
            (taken,),
        )
    before = dump(db.path)
    with pytest.raises(EditConflict):
        change.apply(db)
    assert dump(db.path) == before


def test_changes_made_elsewhere_are_noticed_through_data_version(bundled_copy):
    first, second = open_database(bundled_copy), open_database(bundled_copy)
    try:
        assert not first.changed_elsewhere() and not second.changed_elsewhere()
        editing.add_theme(first, ThemeDraft("Sport", "#123456")).apply(first)
        assert not first.changed_elsewhere()  # its own change
        generation = second.generation
        assert second.changed_elsewhere() and second.generation > generation
        assert not second.changed_elsewhere()  # once
        assert "Sport" in [theme.name for theme in queries.themes(second)]
        editing.delete_theme(second, "sport").apply(second)
        assert first.changed_elsewhere()
    finally:
        first.close()
        second.close()


def test_a_date_basis_and_importance_round_trip(db):
    draft = EventDraft(**{**EVENT.__dict__, "importance": None, "date_basis": DOCUMENTS,
                          "end": None, "start": "2020-01-02T03:04"})  # fmt: skip
    change = editing.add_event(db, draft)
    change.apply(db)
    assert editing.event_draft(db, change.event_id) == draft


SOURCE_ID = "partnership-critique-2024"


@pytest.mark.parametrize(
    ("build", "said"),
    [
        (lambda db, event_id: editing.edit_event(db, event_id, EVENT),
         "That event is not in this timeline (it may have been deleted)."),
        (lambda db, event_id: editing.delete_theme(db, "energy"),
         "That theme is not in this timeline (it may have been deleted)."),
        (lambda db, event_id: editing.move_theme(db, "energy", 3),
         "That theme is not in this timeline (it may have been deleted)."),
        (lambda db, event_id: editing.edit_source(db, SOURCE_ID,
                                                  editing.source_draft(db, SOURCE_ID)),
         "That source is not in this timeline."),
    ],
)  # fmt: skip
def test_a_change_whose_row_went_before_its_first_apply_is_refused_as_a_build_would(
    db, build, said
):
    """Nothing was made yet, so the user reads what a build would have said (not that a step
    "cannot be made again"), and nothing is written."""
    event_id = first_event(db)
    change = build(db, event_id)
    with closing(sqlite3.connect(db.path)) as other, other:
        other.execute("PRAGMA foreign_keys = ON")
        other.execute("DELETE FROM events WHERE id = ?", (event_id,))
        other.execute("UPDATE events SET primary_theme_id = NULL")
        other.execute("DELETE FROM themes WHERE slug = 'energy'")
        other.execute("DELETE FROM citations WHERE source_id = ?", (SOURCE_ID,))
        other.execute(
            "DELETE FROM source_relations WHERE ? IN (source_id, depends_on_id)", (SOURCE_ID,)
        )
        other.execute("DELETE FROM source_texts WHERE source_id = ?", (SOURCE_ID,))
        other.execute("DELETE FROM sources WHERE id = ?", (SOURCE_ID,))
    before = dump(db.path)
    with pytest.raises(EditRefused) as refused:
        change.apply(db)
    assert error_text(refused.value) == said
    assert dump(db.path) == before


def test_a_redo_that_would_break_a_rule_says_which(db):
    """A redo refused by a rule found as it is written says the rule, after the conflict."""
    change = editing.add_theme(db, ThemeDraft("Sport", "#123456"))
    change.apply(db)
    change.revert(db)
    with closing(sqlite3.connect(db.path)) as other, other:
        other.execute("INSERT INTO themes (id, slug, name, colour, position) "
                      "VALUES (99, 'theirs', 'SPORT', '#000000', 99)")  # fmt: skip
    with pytest.raises(EditConflict) as conflict:
        change.apply(db)
    assert error_text(conflict.value).endswith(
        "cannot be made again: A theme called “SPORT” exists already."
    )


def test_deleting_no_events_or_a_missing_one_is_refused(db):
    for ids in ([], [10**6]):
        with pytest.raises(EditRefused) as refused:
            editing.delete_events(db, ids)
        assert set(refused.value.problems) == {"event"}


def test_undo_and_redo_never_write_over_a_change_made_elsewhere(db):
    event_id = first_event(db)
    draft = editing.event_draft(db, event_id)
    change = editing.edit_event(db, event_id, EventDraft(**{**draft.__dict__, "title": "Mine"}))
    change.apply(db)
    with closing(sqlite3.connect(db.path)) as other, other:
        other.execute("UPDATE events SET title = 'Theirs' WHERE id = ?", (event_id,))
    before = dump(db.path)
    with pytest.raises(EditConflict):
        change.revert(db)
    assert dump(db.path) == before
    deleted = editing.delete_citation(db, first_citation(db))
    deleted.apply(db)
    deleted.revert(db)
    with closing(sqlite3.connect(db.path)) as other, other:
        other.execute("UPDATE citations SET quote = 'theirs' WHERE id = ?", (first_citation(db),))
    with pytest.raises(EditConflict):
        deleted.apply(db)  # redo would delete a quote another program has rewritten


def test_ids_are_never_handed_out_twice_so_an_undone_delete_can_come_back(db):
    add = editing.add_event(db, EVENT)
    add.apply(db)
    last = add.event_id
    delete = editing.delete_events(db, [last])
    delete.apply(db)
    other = EventDraft(**{**EVENT.__dict__, "title": "Another event"})
    again = editing.add_event(db, other)  # another window adds an event meanwhile
    again.apply(db)
    assert again.event_id != last
    delete.revert(db)
    assert editing.event_draft(db, last) == EVENT


def test_saving_a_bundled_quote_unchanged_keeps_its_verification_and_writes_nothing(db):
    citation_id = db.read(
        "SELECT c.id FROM citations c WHERE verified_in IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM source_texts t WHERE t.source_id = c.source_id) ORDER BY id LIMIT 1"
    )[0][0]
    event_id = db.read("SELECT event_id FROM citations WHERE id = ?", (citation_id,))[0][0]
    [draft] = [d for cid, d in editing.citations_of(db, event_id) if cid == citation_id]
    before = dump(db.path)
    unchanged = editing.edit_citation(db, citation_id, draft)
    unchanged.apply(db)
    assert dump(db.path) == before
    respaced = CitationDraft(draft.source_id, f"  {draft.quote} ")  # the same words
    editing.edit_citation(db, citation_id, respaced).apply(db)
    status = {c.id: c.status for c in queries.events(db, [event_id])[0].citations}
    assert status[citation_id] == VERIFIED
    editing.edit_event(db, event_id, editing.event_draft(db, event_id)).apply(db)
    assert dump(db.path)["events"] == before["events"]


def test_a_failed_first_apply_keeps_no_plan_and_plans_again_from_the_file_as_it_is(db):
    change = editing.add_theme(db, ThemeDraft("Sport", "#123456"))
    planned = db.read("SELECT max(id) + 1 FROM themes")[0][0]
    with closing(sqlite3.connect(db.path)) as other, other:
        other.execute("CREATE TRIGGER no_themes BEFORE INSERT ON themes "
                      "BEGIN SELECT RAISE(ABORT, 'not now'); END")  # fmt: skip
    with pytest.raises(StoreBug, match="not now"):  # another program's trigger: not a conflict
        change.apply(db)
    with closing(sqlite3.connect(db.path)) as other, other:
        other.execute("DROP TRIGGER no_themes")
        other.execute(
            "INSERT INTO themes (id, slug, name, colour, position) "
            "VALUES (?, 'other', 'Other', '#000000', 99)",
            (planned,),
        )
    before = dump(db.path)
    change.revert(db)  # never applied: nothing to take back
    assert dump(db.path) == before
    change.apply(db)
    assert change.theme_slug == "sport" and change.affected_events == frozenset()
    assert db.read("SELECT name FROM themes WHERE slug = 'sport'") == [("Sport",)]


def test_only_a_real_conflict_is_called_one_and_a_bug_is_not_hidden_behind_it(db):
    broken = Change("Add a theme with no name", lambda connection: [
        RowChange("themes", None, {"id": 10**6, "slug": "x", "name": None, "colour": "#000000",
                                   "position": 99})])  # fmt: skip
    with pytest.raises(StoreBug, match="NOT NULL"):
        broken.apply(db)
    event_id = first_event(db)
    cite = editing.add_citation(db, event_id, CitationDraft("jpost-oil-2024", "words"))
    with closing(sqlite3.connect(db.path)) as other, other:  # the event goes before the apply
        other.execute("DELETE FROM citations WHERE event_id = ?", (event_id,))
        other.execute("DELETE FROM event_themes WHERE event_id = ?", (event_id,))
        other.execute("DELETE FROM events WHERE id = ?", (event_id,))
    with pytest.raises(EditConflict):
        cite.apply(db)


def test_theme_names_differing_only_in_the_case_of_any_letter_are_the_same_name(db):
    editing.add_theme(db, ThemeDraft("Əməkdaşlıq", "#123456")).apply(db)
    for name in ("əməkdaşlıq", " ƏMƏKDAŞLIQ "):
        with pytest.raises(EditRefused) as refused:
            editing.add_theme(db, ThemeDraft(name, "#654321"))
        assert refused.value.problems == {"name": "A theme called “Əməkdaşlıq” exists already."}


def test_a_source_quoted_once_is_said_in_the_singular(db):
    added = editing.add_source(db, SOURCE)
    added.apply(db)
    editing.add_citation(db, first_event(db), CitationDraft(added.source_id, "Words.")).apply(db)
    lines = editing.deletion_consequences(db, source_id=added.source_id).lines
    assert lines[:2] == ("1 quote from it.", "Quoted in 1 event; no event is deleted.")


@pytest.mark.parametrize("name", ["Cafe\u0301 culture", "Café  culture", "CAFÉ\tCULTURE"])
def test_a_theme_name_encoded_or_spaced_differently_is_the_same_name(db, name):
    """Café typed as é or as e and an accent, or with two spaces, is the name there is."""
    editing.add_theme(db, ThemeDraft("Café culture", "#123456")).apply(db)
    with pytest.raises(EditRefused) as refused:
        editing.add_theme(db, ThemeDraft(name, "#654321"))
    assert refused.value.problems == {"name": "A theme called “Café culture” exists already."}


@pytest.mark.parametrize(
    ("read", "table"),
    [(lambda db: editing.event_draft(db, 424242), "event"),
     (lambda db: editing.source_draft(db, "gone-source"), "source"),
     (lambda db: editing.theme_draft(db, "gone-theme"), "theme")],
)  # fmt: skip
def test_a_draft_of_something_not_stored_says_so_without_its_id(db, read, table):
    with pytest.raises(StoreError) as gone:
        read(db)
    said = error_text(gone.value)
    assert said.startswith(f"That {table} is not in this timeline")
    assert "424242" not in said and "gone-" not in said


def test_deleting_a_source_says_its_relations_and_its_archived_text_go_too(db):
    new_text = SourceDraft(**{**SOURCE.__dict__, "title": "Oil article"})
    editing.edit_source(db, "jpost-oil-2024", new_text).apply(db)
    with closing(sqlite3.connect(db.path)) as other, other:
        other.execute(
            "INSERT INTO source_relations (source_id, depends_on_id, kind) "
            "VALUES ('jpost-oil-2024', 'caspian-post-hajiyev', 'paraphrases')"
        )
    gone = editing.deletion_consequences(db, source_id="jpost-oil-2024")
    assert (gone.relations, gone.archived_text) == (2, True)  # one each way
    assert "Its links to 2 other sources." in gone.lines
    assert "Its archived text." in gone.lines
    bare = editing.deletion_consequences(db, source_id="partnership-critique-2024")
    assert (bare.relations, bare.archived_text) == (1, False)
    assert "Its link to 1 other source." in bare.lines


def test_an_events_first_theme_leads_and_the_others_are_kept_in_theme_order(db):
    # Only the first theme's place is the user's; the others are in the themes' order.
    typed = EventDraft(**{**EVENT.__dict__, "title": "  Spaced  ",
                          "theme_slugs": ("trade-economy", "energy", "tensions-criticism",
                                          "diplomacy")})  # fmt: skip
    stored = editing.as_stored(db, typed)
    assert stored.theme_slugs == ("trade-economy", "diplomacy", "energy", "tensions-criticism")
    assert stored.title == "Spaced"
    change = editing.add_event(db, typed)
    change.apply(db)
    assert editing.event_draft(db, change.event_id) == stored
    assert editing.as_stored(db, stored) == stored
    editing.edit_event(db, change.event_id, typed).apply(db)
    assert editing.event_draft(db, change.event_id) == stored


def test_themes_appended_after_a_single_theme_come_after_it(tmp_path):
    from timeline_app.store.writing import add_themes, write_timeline
    from timeline_app.timeline.events import Theme

    db = open_database(tmp_path / "one.db", create=True)
    try:
        write_timeline(db, "One", [Theme("first", "First", "#000000")], [], [])
        add_themes(db, [Theme("second", "Second", "#111111")])
        assert db.read("SELECT slug, position FROM themes ORDER BY position, id") == [
            ("first", 0),
            ("second", 1),
        ]
    finally:
        db.close()


def test_an_event_written_in_bulk_and_by_an_edit_is_stored_the_same(db):
    from timeline_app.store.writing import add_events
    from timeline_app.timeline.events import Event, Theme

    themes = tuple(Theme(slug, slug, "#000000") for slug in EVENT.theme_slugs)
    add_events(db, [Event("bulk-key", EVENT.span(), EVENT.title, EVENT.summary, themes,
                          importance=EVENT.importance, date_basis=EVENT.date_basis)])  # fmt: skip
    edit = editing.add_event(db, EVENT)
    edit.apply(db)
    columns = "start, \"end\", approximate, start_day, end_day, sort_key, primary_theme_id, " \
              "title, summary, importance, date_basis"  # fmt: skip
    rows = db.read(f"SELECT {columns} FROM events WHERE key = 'bulk-key' OR id = ? ORDER BY id",
                   (edit.event_id,))  # fmt: skip
    assert len(rows) == 2 and rows[0] == rows[1]


def test_events_written_in_bulk_take_no_id_an_undo_may_bring_back(db):
    from timeline_app.store.writing import add_events
    from timeline_app.timeline.events import Event

    add = editing.add_event(db, EVENT)
    add.apply(db)
    add.revert(db)
    add_events(db, [Event("bulk-key", EVENT.span(), "Bulk", "", ())])
    assert db.read("SELECT id FROM events WHERE key = 'bulk-key'")[0][0] != add.event_id
    add.apply(db)
