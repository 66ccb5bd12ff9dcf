"""The wheel, installed for real (not editable) into a fresh virtual environment outside the tree.

Builds the wheel with `pip wheel`, makes a venv in a temporary folder and lets pip install the
wheel with its dependencies (from pip's cache when it has them). About 25 s on a 2-core machine, so
it runs with the rest of the suite; deselect it with -m "not packaging".
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.packaging.conftest import (
    LIST_ARGS,
    REPO,
    VERSION,
    AppResults,
    results_of,
    run,
    user_env,
)

pytestmark = pytest.mark.packaging


@dataclass(frozen=True)
class InstalledWheel:
    wheel: Path
    venv: Path
    home: Path

    @property
    def bin(self) -> Path:
        return self.venv / "bin"

    @property
    def path(self) -> str:
        return f"{self.bin}:/usr/bin:/bin"

    def run(self, *command: str) -> subprocess.CompletedProcess:
        return run(list(command), user_env(self.home, self.path), self.home)


@pytest.fixture(scope="session")
def installed(tmp_path_factory) -> InstalledWheel:
    root = tmp_path_factory.mktemp("wheel")
    quiet = ["--quiet", "--disable-pip-version-check"]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            *quiet,
            "--no-deps",
            "--wheel-dir",
            str(root / "wheelhouse"),
            str(REPO),
        ],
        check=True,
        cwd=root,
    )
    (wheel,) = (root / "wheelhouse").glob("timeline_app-*.whl")
    subprocess.run([sys.executable, "-m", "venv", str(root / "venv")], check=True, cwd=root)
    subprocess.run(
        [str(root / "venv" / "bin" / "python"), "-m", "pip", "install", *quiet, str(wheel)],
        check=True,
        cwd=root,
    )
    home = root / "home"
    home.mkdir()
    return InstalledWheel(wheel, root / "venv", home)


@pytest.fixture(scope="session")
def wheel_results(installed, tmp_path_factory) -> AppResults:
    home = tmp_path_factory.mktemp("wheel-home")
    return results_of([str(installed.bin / "timeline-app")], home, installed.path)


def test_wheel_carries_the_data_the_migrations_and_the_icon(installed):
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    assert {
        "timeline_app/bundled/data.db",
        "timeline_app/bundled/resources/timeline/events.toml",
        "timeline_app/store/migrations/env.py",
        "timeline_app/store/migrations/script.py.mako",
        "timeline_app/store/migrations/versions/0001_first_schema.py",
        "timeline_app/icons/app.svg",
    } <= names
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]


def test_wheel_declares_both_launchers(installed):
    with zipfile.ZipFile(installed.wheel) as wheel:
        entry_points = wheel.read(f"timeline_app-{VERSION}.dist-info/entry_points.txt").decode()
    assert "[console_scripts]\ntimeline-app = timeline_app.cli:main" in entry_points
    assert "[gui_scripts]\ntimeline-app-gui = timeline_app.cli:main" in entry_points


def test_installed_version_is_the_one_in_pyproject(installed):
    assert installed.run("timeline-app", "--version").stdout.strip() == f"timeline-app {VERSION}"


def test_installed_app_reads_its_files_from_site_packages(installed):
    probe = (
        "import timeline_app, timeline_app.paths as p; from importlib import resources; "
        "print(timeline_app.__file__); print(p.bundled_database()); "
        "print(p.bundled_text_folder() / 'events.toml'); "
        "print(resources.files('timeline_app') / 'icons' / 'app.svg'); "
        "print(p.package_file('icons', 'app.svg'))"
    )
    lines = installed.run(str(installed.bin / "python"), "-c", probe).stdout.splitlines()
    for line in lines:
        path = Path(line)
        assert path.is_file(), line
        assert path.is_relative_to(installed.venv), f"{line} is not inside the installed package"


def test_installed_app_lists_and_exports_like_the_source_tree(wheel_results, source_results):
    assert wheel_results.listing == source_results.listing
    assert wheel_results.listing["total"] > 0
    assert wheel_results.export == source_results.export


def test_python_dash_m_runs_the_same_command_line(installed, wheel_results):
    listing = installed.run(str(installed.bin / "python"), "-m", "timeline_app", *LIST_ARGS)
    assert json.loads(listing.stdout) == wheel_results.listing


def test_installed_app_builds_a_database_through_its_migrations(installed):
    target = installed.home / "rebuilt.db"
    built = installed.run("timeline-app", "build-db", "--out", str(target))
    assert built.stdout.startswith("Wrote ")
    themes = installed.run("timeline-app", "themes", "--db", str(target))
    assert "(energy)" in themes.stdout
