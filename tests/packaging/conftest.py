"""Shared by the packaging checks: running the app as a user would, and what the source tree says.

Markers: `packaging` on every test here (deselect with -m "not packaging"); `bundle` on the slow
PyInstaller build, which runs only with TIMELINE_APP_TEST_BUNDLE=1 (see test_bundle.py).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

import timeline_app

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = timeline_app.__version__  # the single source; pyproject.toml reads it from there
LIST_ARGS = ("list", "--theme", "energy", "--format", "json")
EXPORT_ARGS = ("--theme", "energy", "--title", "Packaging check")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "packaging: checks of the wheel, bundle and desktop files")
    config.addinivalue_line(
        "markers", "bundle: builds the PyInstaller bundle (slow; needs TIMELINE_APP_TEST_BUNDLE=1)"
    )


def user_env(home: Path, path: str) -> dict[str, str]:
    """A bare environment, as a desktop session might start the app: no Python variables at all."""
    return {
        "HOME": str(home),
        "PATH": path,
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "TIMELINE_APP_DATA_DIR": str(home / "data"),
        "TIMELINE_APP_CONFIG_DIR": str(home / "config"),
    }


def run(command: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    """Run a command to completion; the assertion message carries everything it said."""
    result = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)
    assert result.returncode == 0, (
        f"{' '.join(command)} exited with {result.returncode}\n"
        f"stdout:\n{result.stdout[-3000:]}\nstderr:\n{result.stderr[-3000:]}"
    )
    return result


def pdf_text(path: Path) -> list[str]:
    """The words on each page, with the export day masked (a run may straddle midnight)."""
    from pypdf import PdfReader

    assert path.read_bytes().startswith(b"%PDF-"), f"{path} is not a PDF"
    pages = []
    for page in PdfReader(path).pages:
        words = " ".join(page.extract_text().split())
        pages.append(re.sub(r"Exported \d{1,2} [A-Z][a-z]+ \d{4}", "Exported <day>", words))
    return pages


@dataclass(frozen=True)
class AppResults:
    """What one installation of the app printed and wrote, to compare with the source tree's."""

    listing: dict
    export: list[str]


def results_of(command: list[str], home: Path, path: str) -> AppResults:
    """List and export with one installation of the app, from a folder outside the source tree."""
    env = user_env(home, path)
    listing = json.loads(run([*command, *LIST_ARGS], env, home).stdout)
    pdf = home / "energy.pdf"
    run([*command, "export", str(pdf), *EXPORT_ARGS], env, home)
    return AppResults(listing, pdf_text(pdf))


@pytest.fixture(scope="session")
def source_results(tmp_path_factory) -> AppResults:
    """The same commands run from the source tree with the developer's interpreter."""
    home = tmp_path_factory.mktemp("source-home")
    return results_of([sys.executable, "-m", "timeline_app"], home, os.environ.get("PATH", ""))
