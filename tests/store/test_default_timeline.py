"""Which timeline opens when none is named, and what becomes of the copies 0.1.0 made."""

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from timeline_app.store.database import open_database
from timeline_app.store.default_timeline import (
    RETIRED_NAME,
    default_timeline,
    mark_user_told,
)
from timeline_app.store.fingerprint import RELEASE_0_1_0, content_fingerprint

RELEASE_0_1_0_DB = Path(__file__).parents[1] / "data" / "timeline-0.1.0.db"
BUNDLED = Path(__file__).parents[2] / "data.db"


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def test_the_fingerprint_knows_the_data_0_1_0_shipped_even_after_migration(tmp_path):
    assert content_fingerprint(RELEASE_0_1_0_DB) == RELEASE_0_1_0
    copy = tmp_path / "timeline.db"
    shutil.copyfile(RELEASE_0_1_0_DB, copy)
    open_database(copy).close()  # migrated, as the first start of a newer version does
    assert content_fingerprint(copy) == RELEASE_0_1_0


def test_without_a_0_1_0_copy_the_bundled_timeline_opens_read_only(data_dir):
    chosen = default_timeline(data_dir, BUNDLED)
    assert (chosen.path, chosen.read_only, chosen.tell_user) == (BUNDLED, True, False)


def test_an_unchanged_0_1_0_copy_is_retired_silently_not_deleted(data_dir):
    legacy = data_dir / "timeline.db"
    shutil.copyfile(RELEASE_0_1_0_DB, legacy)
    open_database(legacy).close()
    chosen = default_timeline(data_dir, BUNDLED)
    assert (chosen.path, chosen.read_only, chosen.tell_user) == (BUNDLED, True, False)
    assert not legacy.exists()
    assert content_fingerprint(data_dir / RETIRED_NAME) == RELEASE_0_1_0


def test_a_changed_0_1_0_copy_is_kept_opened_and_told_about_once(data_dir):
    legacy = data_dir / "timeline.db"
    shutil.copyfile(RELEASE_0_1_0_DB, legacy)
    with closing(sqlite3.connect(legacy)) as connection, connection:
        connection.execute("UPDATE events SET title = title || ' (my note)' WHERE id = 1")
    chosen = default_timeline(data_dir, BUNDLED)
    assert (chosen.path, chosen.read_only, chosen.tell_user) == (legacy, False, True)
    mark_user_told(data_dir)
    again = default_timeline(data_dir, BUNDLED)
    assert (again.path, again.tell_user) == (legacy, False)
    assert legacy.exists()


def test_a_damaged_0_1_0_copy_is_kept_for_the_start_to_deal_with(data_dir):
    legacy = data_dir / "timeline.db"
    legacy.write_bytes(b"SQLite format 3\x00" + b"\xff" * 2000)
    chosen = default_timeline(data_dir, BUNDLED)
    assert chosen.path == legacy and legacy.exists()
    assert not chosen.tell_user  # it is not "kept as yours": opening it will tell what is wrong


def test_an_unchanged_copy_gives_way_even_where_it_cannot_be_renamed(tmp_path):
    import os
    import subprocess

    folder = tmp_path / "data"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a read-only folder that holds a file")
    mount = ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)]
    if subprocess.run(mount, capture_output=True).returncode != 0:
        pytest.skip("no tmpfs mount here")
    try:
        shutil.copyfile(RELEASE_0_1_0_DB, folder / "timeline.db")
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        chosen = default_timeline(folder, BUNDLED)
        assert (chosen.path, chosen.read_only) == (BUNDLED, True)
        assert (folder / "timeline.db").exists()
    finally:
        subprocess.run(["umount", str(folder)], check=True)
