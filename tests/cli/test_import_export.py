"""`timeline-app import` and `timeline-app export --format timelinejs|csv|json`."""

import io
import json
import os
import stat
import subprocess
import sys

import pytest

from tests.formats.conftest import FIXTURES
from timeline_app.cli import main
from timeline_app.formats.command_line import ProgressBar


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_makes_a_new_timeline_that_lists_and_filters(capsys, tmp_path):
    out = tmp_path / "mill.tldb"
    code, text, err = run(capsys, "import", FIXTURES / "mill-valley.csv", "--out", out)
    assert (code, err) == (0, "") and "Imported 4 events" in text
    code, text, _ = run(capsys, "list", "--db", out, "--theme", "Industry", "--format", "json")
    document = json.loads(text)
    assert document["title"] == "Mill Valley"
    assert [e["title"] for e in document["events"]] == [
        "The mill is built", "Power line reaches the mill",
    ]  # fmt: skip


def test_import_of_any_csv_goes_through_the_mapping(capsys, tmp_path):
    out = tmp_path / "spend.tldb"
    source = FIXTURES / "expenses.csv"
    code, _, err = run(capsys, "import", source, "--out", out)
    assert code == 1 and "--map title=COLUMN,start=COLUMN" in err and "When, Until, What" in err
    assert not out.exists()
    code, _, err = run(capsys, "import", source, "--out", out, "--map", "title=What,start=When")
    assert (code, err) == (0, "") and out.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.json", '{"events": [', "broken.json: line 1, column 13: is not valid JSON"),
        ("no-year.csv", "Month,Headline,Text\n1,x,y\n", "field “Year”: is missing from the header"),
        ("dtd.timeline", '<!DOCTYPE x [<!ENTITY a "b">]><timeline/>', "document type"),
        ("what.txt", "hello", "give it with --format"),
    ],
)
def test_bad_input_gets_one_message_exit_one_and_creates_nothing(
    capsys, tmp_path, name, content, message
):
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "import", source, "--out", tmp_path / "new.tldb")
    assert code == 1 and out == ""
    assert err.startswith("timeline-app: ") and message in err and err.count("\n") == 1
    assert sorted(os.listdir(tmp_path)) == [name]


def test_import_never_replaces_a_file(capsys, tmp_path):
    out = tmp_path / "mine.tldb"
    out.write_bytes(b"mine")
    code, _, err = run(capsys, "import", FIXTURES / "orchard.timeline", "--out", out)
    assert code == 1 and "already exists" in err and out.read_bytes() == b"mine"


def test_import_refuses_db_rather_than_ignoring_it(capsys, tmp_path, bundled_copy):
    code, _, err = run(
        capsys, "--db", bundled_copy, "import", FIXTURES / "orchard.timeline", "--out",
        tmp_path / "o.tldb",
    )  # fmt: skip
    assert code == 2 and "--db does not apply" in err and not (tmp_path / "o.tldb").exists()


@pytest.mark.parametrize(
    ("name", "format_name", "first"),
    [
        ("out.csv", None, "Year,Month,Day,Time,End Year"),
        ("out.timelinejs.json", None, '{\n  "events": ['),
        ("out.json", None, '{\n  "format": "timeline-app"'),
        ("anything.txt", "csv", "Year,Month,Day,Time,End Year"),
    ],
)
def test_export_picks_the_format_from_the_name_or_the_option(
    capsys, tmp_path, bundled_copy, name, format_name, first
):
    target = tmp_path / name
    extra = ["--format", format_name] if format_name else []
    code, out, err = run(
        capsys, "export", target, "--db", bundled_copy, "--theme", "energy", *extra
    )
    assert code == 0 and err == "" and out.startswith("Exported ")
    assert target.read_text(encoding="utf-8").startswith(first)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~_umask()


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_export_of_the_filtered_timeline_to_timelinejs_imports_back(capsys, tmp_path, bundled_copy):
    target = tmp_path / "energy.timelinejs.json"
    run(capsys, "export", target, "--db", bundled_copy, "--theme", "energy")
    exported = json.loads(target.read_text(encoding="utf-8"))
    code, out, _ = run(
        capsys, "list", "--db", bundled_copy, "--theme", "energy", "--format", "json"
    )
    assert len(exported["events"]) == json.loads(out)["total"] > 0
    code, text, err = run(capsys, "import", target, "--out", tmp_path / "energy.tldb")
    assert code == 0, err


def test_the_progress_bar_draws_on_a_terminal_only():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal, pipe = Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        bar = ProgressBar("Importing x", stream)
        bar(50, 100)
        bar.close()
    assert "Importing x [###############               ]  50%" in terminal.getvalue()
    assert pipe.getvalue() == ""


def test_importing_never_loads_qt(tmp_path):
    script = (
        "import sys; from timeline_app.cli import main; "
        f"main(['import', {str(FIXTURES / 'mill-valley.csv')!r}, '--out', "
        f"{str(tmp_path / 'm.tldb')!r}]); "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr
    assert (tmp_path / "m.tldb").exists()


def test_export_refuses_to_replace_a_read_only_file(capsys, tmp_path, bundled_copy):
    target = tmp_path / "kept.csv"
    target.write_text("mine", encoding="utf-8")
    target.chmod(0o444)
    code, out, err = run(capsys, "export", target, "--db", bundled_copy)
    assert code == 1 and out == "" and "read-only" in err
    assert target.read_text(encoding="utf-8") == "mine"
    assert sorted(os.listdir(tmp_path)) == ["kept.csv", "timeline.db"]  # (the --db file)


def test_a_file_named_alone_is_the_timeline_to_open(capsys, bundled_copy):
    code, out, err = run(capsys, bundled_copy, "themes")
    assert (code, err) == (0, "") and "Energy" in out
    from timeline_app.cli import _file_as_db, _parser

    parser = _parser()
    assert _file_as_db(parser, ["my.tldb"]) == ["--db", "my.tldb"]
    assert _file_as_db(parser, ["list", "--search", "oil"]) == ["list", "--search", "oil"]
    assert _file_as_db(parser, ["--db", "a.tldb", "themes"]) == ["--db", "a.tldb", "themes"]
