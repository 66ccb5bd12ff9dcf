"""The PyInstaller bundle, run headless with no Python anywhere on its PATH.

Opt-in, because building the bundle takes about a minute on two cores: set
TIMELINE_APP_TEST_BUNDLE=1. The test builds its own bundle in a temporary folder, unless
TIMELINE_APP_BUNDLE_DIR names one already built (`make check-packaging` builds dist/timeline-app
and passes it).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.packaging.conftest import (
    PACKAGING,
    VERSION,
    AppResults,
    results_of,
    run,
    user_env,
)
from timeline_app import APP_ID

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.bundle,
    pytest.mark.skipif(
        os.environ.get("TIMELINE_APP_TEST_BUNDLE") != "1",
        reason="builds the PyInstaller bundle (slow): set TIMELINE_APP_TEST_BUNDLE=1 to run",
    ),
]


@dataclass(frozen=True)
class Bundle:
    folder: Path
    home: Path
    empty: Path  # the whole PATH: no python, no shell tools

    @property
    def executable(self) -> Path:
        return self.folder / "timeline-app"

    def run(self, *arguments: str) -> subprocess.CompletedProcess:
        env = user_env(self.home, str(self.empty))
        return run([str(self.executable), *arguments], env, self.home)


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Bundle:
    root = tmp_path_factory.mktemp("bundle")
    given = os.environ.get("TIMELINE_APP_BUNDLE_DIR")
    if given:
        folder = Path(given)
    else:
        if importlib.util.find_spec("PyInstaller") is None:
            pytest.skip("PyInstaller is not installed: pip install -e '.[packaging]'")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--log-level",
                "WARN",
                "--distpath",
                str(root / "dist"),
                "--workpath",
                str(root / "build"),
                str(PACKAGING / "timeline-app.spec"),
            ],
            check=True,
            cwd=root,
        )
        folder = root / "dist" / "timeline-app"
    for name in ("home", "empty"):
        (root / name).mkdir()
    return Bundle(folder, root / "home", root / "empty")


@pytest.fixture(scope="session")
def bundle_results(bundle, tmp_path_factory) -> AppResults:
    home = tmp_path_factory.mktemp("bundle-home")
    return results_of([str(bundle.executable)], home, str(bundle.empty))


def test_bundle_prints_the_version_from_pyproject(bundle):
    assert bundle.run("--version").stdout.strip() == f"timeline-app {VERSION}"


def test_bundle_lists_and_exports_like_the_source_tree(bundle_results, source_results):
    assert bundle_results.listing == source_results.listing
    assert bundle_results.listing["total"] > 0
    assert bundle_results.export == source_results.export


def test_bundle_builds_a_database_through_its_migrations(bundle):
    target = bundle.home / "rebuilt.db"
    assert bundle.run("build-db", "--out", str(target)).stdout.startswith("Wrote ")
    assert "(energy)" in bundle.run("themes", "--db", str(target)).stdout


def test_bundle_leaves_out_the_qt_modules_the_app_does_not_use(bundle):
    internal = bundle.folder / "_internal"
    pyside = internal / "PySide6"
    assert (pyside / "QtWidgets.abi3.so").is_file()
    for module in ("QtNetwork", "QtQml", "QtQuick", "QtSql"):
        assert not (pyside / f"{module}.abi3.so").exists(), module
        assert not list(internal.rglob(f"libQt6{module}.so*")), module
    assert not list(internal.rglob("libqgtk3.so"))
    assert list(internal.rglob("libqxcb.so")) and list(internal.rglob("libqwayland.so"))


def test_bundle_carries_its_desktop_integration(bundle, tmp_path):
    """The bundle's own install.sh adds it to the menu and links its executable into bin/."""
    subprocess.run(
        ["sh", str(bundle.folder / "packaging" / "install.sh"), "--prefix", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    desktop = tmp_path / "share" / "applications" / f"{APP_ID}.desktop"
    assert f'Exec="{bundle.executable.resolve()}"' in desktop.read_text(encoding="utf-8")
    assert (
        tmp_path / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    ).is_file()
    linked = tmp_path / "bin" / "timeline-app"
    assert linked.resolve() == bundle.executable.resolve()
    env = user_env(bundle.home, str(bundle.empty))
    assert (
        run([str(linked), "--version"], env, tmp_path).stdout.strip() == f"timeline-app {VERSION}"
    )
