"""A failed or cancelled export leaves no partial file and never touches an existing one."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys

import pytest

from timeline_app.export import pdf as pdf_module
from timeline_app.export.content import gather
from timeline_app.export.pdf import PdfExport
from timeline_app.export.safe_file import ExportError, replacing
from timeline_app.timeline.filter import TimelineFilter

OLD = b"%PDF-1.4 the reader's earlier export\n"


def export_to(db, target):
    return PdfExport(gather(db, TimelineFilter()), target)


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_a_missing_folder_is_named_and_nothing_is_written(qapp, small_db, tmp_path):
    target = tmp_path / "no such folder" / "out.pdf"
    with pytest.raises(ExportError, match="does not exist"):
        export_to(small_db, target).run()
    assert not target.parent.exists()


def test_a_path_under_a_file_is_refused(qapp, small_db, tmp_path):
    plain = tmp_path / "notes.txt"
    plain.write_text("not a folder")
    with pytest.raises(ExportError, match="is not a folder"):
        export_to(small_db, plain / "out.pdf").run()
    assert plain.read_text() == "not a folder"


def test_a_folder_as_the_target_is_refused(qapp, small_db, tmp_path):
    with pytest.raises(ExportError, match="is a folder"):
        export_to(small_db, tmp_path).run()
    assert leftovers(tmp_path) == []


def test_a_full_disk_leaves_the_existing_file_as_it_was(qapp, small_db, tmp_path, monkeypatch):
    target = tmp_path / "out.pdf"
    target.write_bytes(OLD)

    def disk_full(path, info):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pdf_module, "append_info", disk_full)
    with pytest.raises(ExportError, match="the disk is full") as raised:
        export_to(small_db, target).run()
    assert "No file was changed" in str(raised.value)
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_a_pdf_qt_could_not_finish_is_not_moved_into_place(qapp, small_db, tmp_path, monkeypatch):
    target = tmp_path / "out.pdf"
    target.write_bytes(OLD)
    real = pdf_module.append_info

    def truncate_then_finish(path, info):
        path.write_bytes(path.read_bytes()[:-200])  # as if Qt stopped writing part-way
        real(path, info)

    monkeypatch.setattr(pdf_module, "append_info", truncate_then_finish)
    with pytest.raises(ExportError, match="not written to its end"):
        export_to(small_db, target).run()
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_cancelling_part_way_leaves_nothing_behind(qapp, small_db, tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(OLD)
    steps = export_to(small_db, target).steps()
    next(steps)
    assert len(leftovers(tmp_path)) == 1  # the work in progress lives beside the target
    steps.close()
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_a_finished_export_replaces_the_existing_file(qapp, small_db, tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(OLD)
    result = export_to(small_db, target).run()
    assert result.path == target
    assert target.read_bytes().startswith(b"%PDF-") and target.read_bytes() != OLD
    assert target.read_bytes().rstrip().endswith(b"%%EOF")
    assert leftovers(tmp_path) == []


def test_a_read_only_file_is_refused_and_left_untouched(qapp, small_db, tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(OLD)
    target.chmod(0o444)
    with pytest.raises(ExportError, match="is read-only") as raised:
        export_to(small_db, target).run()
    assert "No file was changed" in str(raised.value)
    assert target.read_bytes() == OLD
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_export_gets_the_mode_the_umask_gives(qapp, small_db, tmp_path, umask, mode):
    previous = os.umask(umask)
    try:
        export_to(small_db, tmp_path / "out.pdf").run()
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "out.pdf").stat().st_mode) == mode


def test_a_replaced_export_keeps_its_mode(qapp, small_db, tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(OLD)
    target.chmod(0o640)
    export_to(small_db, target).run()
    assert target.read_bytes() != OLD
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_the_part_left_by_a_killed_export_is_removed_by_the_next(qapp, small_db, tmp_path):
    killed = (
        "import os, signal, sys; from pathlib import Path; "
        "from timeline_app.export.safe_file import replacing\n"
        "with replacing(Path(sys.argv[1])) as part:\n"
        "    part.write_bytes(b'%PDF half written')\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    result = subprocess.run([sys.executable, "-c", killed, str(tmp_path / "first.pdf")])
    assert result.returncode == -signal.SIGKILL
    assert len(leftovers(tmp_path)) == 1  # what the kill left behind
    running = tmp_path / f".other.pdf.{os.getpid()}.abcd1234.part"  # an export still running
    running.write_bytes(b"%PDF being written")
    not_ours = tmp_path / ".notes.txt.part"
    not_ours.write_bytes(b"someone else's")
    export_to(small_db, tmp_path / "second.pdf").run()
    assert leftovers(tmp_path) == sorted([running.name, not_ours.name])
    assert not (tmp_path / "first.pdf").exists()


def test_a_timeline_database_is_never_replaced_by_an_export(tmp_path, bundled_copy):
    before = bundled_copy.read_bytes()
    with pytest.raises(ExportError, match="is a timeline database"), replacing(bundled_copy):
        pass
    assert bundled_copy.read_bytes() == before
    assert [p.name for p in bundled_copy.parent.iterdir()] == [bundled_copy.name]


def test_build_db_and_save_a_copy_keep_the_exports_rules(tmp_path):
    """A read-only target is refused and left as it was; a new file gets the umask's mode, a
    replaced one keeps its own; a part left by a killed writer goes at the next write."""
    from timeline_app.part_files import new_part
    from timeline_app.paths import bundled_text_folder
    from timeline_app.store.build import build_database
    from timeline_app.store.copying import copy_timeline
    from timeline_app.store.errors import StoreError

    built = tmp_path / "built.db"
    previous = os.umask(0o022)
    try:
        build_database(bundled_text_folder(), built)
        assert stat.S_IMODE(built.stat().st_mode) == 0o644
        copy = tmp_path / "copy.tldb"
        copy_timeline(built, copy)
        assert stat.S_IMODE(copy.stat().st_mode) == 0o644
        os.chmod(copy, 0o640)
        copy_timeline(built, copy)
        assert stat.S_IMODE(copy.stat().st_mode) == 0o640
        os.chmod(copy, 0o440)
        before = copy.read_bytes()
        with pytest.raises(StoreError, match="read-only"):
            copy_timeline(built, copy)
        with pytest.raises(PermissionError):
            build_database(bundled_text_folder(), copy)
        assert copy.read_bytes() == before and stat.S_IMODE(copy.stat().st_mode) == 0o440
    finally:
        os.umask(previous)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    leftover = new_part(built).with_name(f".built.db.{dead.stdout.strip()}.abcd1234.part")
    leftover.write_bytes(b"half")
    build_database(bundled_text_folder(), built)
    assert not leftover.exists()
