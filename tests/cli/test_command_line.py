import json
import os
import subprocess
import sys

import pytest

from timeline_app import paths
from timeline_app.cli import main
from timeline_app.store import queries
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.timeline.text_sources import load_timeline_text


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_energy_as_json_gives_the_energy_events_with_their_quotes(
    capsys, bundled_copy, bundled_db
):
    code, out, err = run(
        capsys, "list", "--theme", "energy", "--format", "json", "--db", str(bundled_copy)
    )
    assert code == 0 and err == ""
    document = json.loads(out)
    expected = queries.filtered_events(bundled_db, TimelineFilter(themes=frozenset({"energy"})))
    assert [e["id"] for e in document["events"]] == [e.key for e in expected]
    assert document["total"] == len(expected)
    assert document["timeline_events"] == queries.total_events(bundled_db)
    btc = next(e for e in document["events"] if e["id"] == "btc-exports-2006")
    assert btc["start"] == "2006-07-13" and btc["end"] is None and btc["approximate"] is False
    assert (btc["date_basis"], btc["importance"], btc["independent_sources"]) == (
        "general knowledge", "milestone", 2
    )  # fmt: skip
    assert "Energy" in btc["themes"]
    source = btc["citations"][0]["source"]
    assert set(source) == {
        "id", "title", "publisher", "author", "published", "published_approximate", "url",
        "archive", "note",
    }  # fmt: skip
    assert all(
        e["citations"] and all(c["quote"] for c in e["citations"]) for e in document["events"]
    )


def test_list_as_a_table_prints_dates_as_written_and_a_count(capsys, bundled_copy):
    code, out, _ = run(capsys, "list", "--from", "2006", "--to", "2006", "--db", str(bundled_copy))
    assert code == 0
    assert "July 2006" in out and "Baku–Tbilisi–Ceyhan" in out
    assert out.strip().splitlines()[-1].endswith("events")


def test_without_db_the_bundled_timeline_is_read_in_place(capsys, isolated_user_folders):
    code, out, _ = run(capsys, "list", "--format", "json")
    assert code == 0 and json.loads(out)["events"]
    assert not (isolated_user_folders / "data").exists()  # nothing is copied or created


def test_periods_carry_their_end(capsys, bundled_copy):
    _, out, _ = run(
        capsys,
        "list",
        "--search",
        "Munich Security Conference",
        "--format",
        "json",
        "--db",
        str(bundled_copy),
    )
    munich = next(e for e in json.loads(out)["events"] if e["id"] == "munich-herzog-aliyev-2024")
    assert (munich["start"], munich["end"]) == ("2024-02-16", "2024-02-18")


def test_themes_prints_each_theme_with_its_count(capsys, bundled_copy, bundled_db):
    code, out, _ = run(capsys, "themes", "--db", str(bundled_copy))
    assert code == 0
    counts = queries.theme_counts(bundled_db, TimelineFilter())
    for theme in queries.themes(bundled_db):
        assert f"{counts[theme.slug]:>6}  {theme.name} ({theme.slug})" in out


def test_verify_quotes_passes_on_the_seeds_and_fails_on_an_altered_archive(
    capsys, bundled_copy, seeds, tmp_path
):
    code, out, _ = run(capsys, "verify-quotes", str(seeds), "--db", str(bundled_copy))
    assert code == 0 and "All" in out
    altered = tmp_path / "seeds"
    altered.mkdir()
    for path in seeds.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        (altered / path.name).write_text(text.replace("1997", "1998"), encoding="utf-8")
    code, out, _ = run(capsys, "verify-quotes", str(altered), "--db", str(bundled_copy))
    assert code == 1
    assert "netanyahu-visit-1997" in out and "quote not found" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["list", "--theme", "sport"], "Known themes: Diplomacy"),
        (["list", "--from", "19x"], "is not a year"),
        (["list", "--from", "2020", "--to", "2010"], "after --to"),
        (["list", "--db", "/nonexistent/timeline.db"], "no file"),
        (["verify-quotes", "/nonexistent"], "not a folder"),
    ],
)
def test_bad_input_gets_one_clear_line_and_a_failure_code(capsys, argv, message, bundled_copy):
    if "--db" not in argv:
        argv = [*argv, "--db", str(bundled_copy)]
    code, out, err = run(capsys, *argv)
    assert code != 0
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_file_that_is_not_a_database_is_named_as_such(capsys, tmp_path):
    fake = tmp_path / "timeline.db"
    fake.write_text("<html>not a database</html>")
    code, _, err = run(capsys, "list", "--db", str(fake))
    assert code == 1 and "not a timeline database" in err
    assert fake.read_text() == "<html>not a database</html>"


def test_unbalanced_search_is_read_as_literal_text(capsys, bundled_copy):
    code, out, err = run(
        capsys, "list", "--search", '"pipeline', "--format", "json", "--db", str(bundled_copy)
    )
    assert code == 0 and err == ""
    assert "btc-exports-2006" in [e["id"] for e in json.loads(out)["events"]]


def test_listing_never_loads_qt(bundled_copy):
    script = (
        "import sys; from timeline_app.cli import main; "
        f"main(['list', '--db', {str(bundled_copy)!r}]); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_python_dash_m_runs_the_same_command_line(bundled_copy):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "timeline_app",
            "list",
            "--theme",
            "Energy",
            "--db",
            str(bundled_copy),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert "Baku–Tbilisi–Ceyhan" in result.stdout


@pytest.mark.parametrize("below", ["", "timeline"], ids=["read-only", "missing-in-read-only"])
def test_a_data_folder_that_cannot_be_written_does_not_stop_the_bundled_timeline(
    capsys, monkeypatch, read_only_folder, below
):
    # The bundled timeline is read where it is installed: nothing has to be copied any more.
    folder = read_only_folder / below
    monkeypatch.setenv("TIMELINE_APP_DATA_DIR", str(folder))
    code, out, err = run(capsys, "themes")
    assert code == 0 and "Energy" in out
    assert "unexpected" not in err
    assert not (folder / "timeline.db").exists()


def test_logging_falls_back_to_a_private_folder_when_the_data_folder_is_read_only(
    monkeypatch, read_only_folder, tmp_path
):
    from timeline_app import logs

    monkeypatch.setenv("TIMELINE_APP_DATA_DIR", str(read_only_folder / "data"))
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    logs.stop_logging_to_file()
    try:
        written = logs.setup_logging()
        assert written is not None and written.is_relative_to(tmp_path)
        assert logs.log_file_hint() == str(written)
        logs.log.warning("a line for the fallback log")
        assert "a line for the fallback log" in written.read_text(encoding="utf-8")
        assert (written.parent.stat().st_mode & 0o777) == 0o700
    finally:
        logs.stop_logging_to_file()


def test_a_hard_crash_leaves_its_traceback_in_the_logs_folder(tmp_path):
    script = (
        "import faulthandler; from timeline_app.logs import setup_logging; "
        "setup_logging(); faulthandler._sigsegv()"
    )
    environ = {**os.environ, "TIMELINE_APP_DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", script], env=environ, capture_output=True)
    assert result.returncode != 0
    crash = (tmp_path / "logs" / "timeline-app-crash.log").read_text(encoding="utf-8")
    assert "Segmentation fault" in crash and "<string>" in crash


@pytest.mark.parametrize("where", ["global", "command"])
def test_build_db_writes_the_database_db_names(capsys, tmp_path, monkeypatch, where):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "built" / "timeline.db"
    target.parent.mkdir()
    argv = ["--db", str(target), "build-db"]
    code, out, err = run(capsys, *(argv if where == "global" else [*argv[2:], *argv[:2]]))
    events = len(load_timeline_text(paths.bundled_text_folder()).events)
    assert (code, err) == (0, "")
    assert out.strip() == f"Wrote {events} events to {target}"
    assert not (tmp_path / "data.db").exists()
    code, out, _ = run(capsys, "--db", str(target), "list")
    assert code == 0 and out.strip().endswith(f"{events} of {events} events")


def test_build_db_refuses_db_and_out_that_differ(capsys, tmp_path):
    code, _, err = run(
        capsys, "--db", str(tmp_path / "a.db"), "build-db", "--out", str(tmp_path / "b.db")
    )
    assert code == 2 and "name different files" in err
    assert not (tmp_path / "a.db").exists() and not (tmp_path / "b.db").exists()


def test_list_as_json_says_where_dates_come_from_and_what_backs_each_event(capsys, bundled_copy):
    _, out, _ = run(capsys, "list", "--format", "json", "--db", str(bundled_copy))
    events = {e["id"]: e for e in json.loads(out)["events"]}
    assert {e["date_basis"] for e in events.values()} == {"documents", "general knowledge"}
    assert {e["importance"] for e in events.values()} == {"milestone", None}
    fifth = events["fifth-largest-partner-2005"]  # two articles sharing one stock sentence
    assert (fifth["date_basis"], fifth["independent_sources"], len(fifth["citations"])) == (
        "documents", 1, 2
    )  # fmt: skip


# The least each command needs besides --db; a new command must be added here, and so be checked.
COMMAND_ARGUMENTS = {
    "list": [],
    "themes": [],
    "verify-quotes": ["{tmp}"],
    "build-db": [],
    "export": ["{tmp}/out.pdf"],
    "import": ["{tmp}/in.json", "--out", "{tmp}/new.db"],
}


def test_every_command_honours_or_refuses_the_global_db_option(capsys, tmp_path, monkeypatch):
    import argparse

    from timeline_app import cli

    commands = next(
        action
        for action in cli._parser()._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    assert set(commands.choices) == set(COMMAND_ARGUMENTS)
    monkeypatch.chdir(tmp_path)
    named = tmp_path / "no such folder" / "named.db"
    for command, arguments in COMMAND_ARGUMENTS.items():
        rest = [a.format(tmp=tmp_path) for a in arguments]
        code, _, err = run(capsys, "--db", str(named), command, *rest)
        assert code != 0 and (str(named) in err or "--db" in err), (command, err)
        assert not (paths.user_data_dir() / "timeline.db").exists(), command  # no copy instead
        assert not (tmp_path / "data.db").exists(), command


@pytest.mark.parametrize("out", ["self --format json", "other.tldb --format json",
                                 "other.tldb --format csv"])  # fmt: skip
def test_an_export_never_replaces_a_timeline_database(capsys, bundled_copy, tmp_path, out):
    other = tmp_path / "other.tldb"
    other.write_bytes(bundled_copy.read_bytes())
    name, *options = out.split()
    target = bundled_copy if name == "self" else tmp_path / name
    before = target.read_bytes()
    code, _, err = run(capsys, "--db", str(bundled_copy), "export", str(target), *options)
    assert code == 1 and "is a timeline database" in err and "No file was changed" in err
    assert target.read_bytes() == before


def test_an_export_to_a_name_of_no_known_format_asks_for_one(capsys, bundled_copy, tmp_path):
    code, _, err = run(capsys, "--db", str(bundled_copy), "export", str(tmp_path / "z.txt"))
    assert code != 0 and "--format" in err and not (tmp_path / "z.txt").exists()
    code, _, _ = run(capsys, "--db", str(bundled_copy), "export", str(tmp_path / "z.txt"),
                     "--format", "csv")  # fmt: skip
    assert code == 0 and (tmp_path / "z.txt").read_text().startswith("Year,")


def test_pdf_options_are_refused_for_other_formats(capsys, bundled_copy, tmp_path):
    out = tmp_path / "z.csv"
    code, _, err = run(capsys, "--db", str(bundled_copy), "export", str(out), "--landscape")
    assert code != 0 and "--landscape" in err and not out.exists()


def test_verify_quotes_without_a_folder_uses_the_texts_stored_in_the_file(capsys, bundled_copy):
    from timeline_app.store import editing
    from timeline_app.store.database import open_database
    from timeline_app.timeline.drafts import CitationDraft

    code, out, _ = run(capsys, "verify-quotes", "--db", str(bundled_copy))
    assert code == 0  # the bundled quotes were found in documents kept outside the file
    assert "77 recorded as found in a document kept outside it" in out
    db = open_database(bundled_copy)
    source = editing.source_draft(db, "jpost-oil-2024")
    text = "Oil flows from Baku. Ceyhan ships it on."
    editing.edit_source(db, "jpost-oil-2024", type(source)(**{**source.__dict__,
                        "archived_text": text})).apply(db)  # fmt: skip
    event_id = db.read("SELECT min(id) FROM events")[0][0]
    editing.add_citation(db, event_id, CitationDraft("jpost-oil-2024", "Ceyhan ships it")).apply(db)
    db.close()
    code, out, _ = run(capsys, "verify-quotes", "--db", str(bundled_copy))
    assert code == 1  # the source's earlier quotes are not in the text now stored for it
    assert "1 quote found in the archived texts stored in the file" in out
    assert "jpost-oil-2024: quote not found" in out
