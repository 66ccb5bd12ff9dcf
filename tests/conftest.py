"""Every test runs offscreen, with its own data and settings folders and its own database."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory, monkeypatch) -> Path:
    """Redirect the user's data and config folders so no test touches the real ones."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("TIMELINE_APP_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("TIMELINE_APP_CONFIG_DIR", str(home / "config"))
    return home


@pytest.fixture(autouse=True)
def qt_translations(request):
    """Tests that run Qt get the translators the app installs at start-up (English plurals)."""
    if "qapp" in request.fixturenames:
        request.getfixturevalue("qapp")
        from timeline_app.wording.qt import install_translators, translators_installed

        if not translators_installed():
            install_translators()


@pytest.fixture
def read_only_folder(tmp_path) -> Path:
    """A folder no one may write to, root included: a read-only mount when the tests run as root."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        mount = ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)]
        if subprocess.run(mount, capture_output=True).returncode != 0:
            pytest.skip("root cannot be kept from writing here: no read-only mount")
        yield folder
        subprocess.run(["umount", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)


@pytest.fixture
def bundled_copy(tmp_path) -> Path:
    """A private copy of the bundled database, migrated on open like the user's would be."""
    target = tmp_path / "timeline.db"
    shutil.copyfile(REPO / "data.db", target)
    return target


@pytest.fixture
def bundled_db(bundled_copy):
    from timeline_app.store.database import open_database

    db = open_database(bundled_copy)
    yield db
    db.close()


@pytest.fixture
def seeds() -> Path:
    assert SEEDS.is_dir(), f"the source documents are expected at {SEEDS}"
    return SEEDS
