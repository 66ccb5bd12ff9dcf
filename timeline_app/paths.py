"""Where things live: the bundled data, the user's copy, settings. Creates nothing at import."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from timeline_app import APP_NAME, ORGANISATION

# Tests and portable installs point these at folders of their own.
DATA_DIR_ENV = "TIMELINE_APP_DATA_DIR"
CONFIG_DIR_ENV = "TIMELINE_APP_CONFIG_DIR"

_PACKAGE = Path(__file__).resolve().parent
_SOURCE_TREE = _PACKAGE.parent


def package_file(*parts: str) -> Path:
    """A file shipped inside the package (icons, catalogues, the bundled data).

    The package is always a folder on disk (a wheel's install, PyInstaller's folder, a source
    checkout), so a path beside this module finds it: importlib.resources would cost about
    13 ms of loading on the way to the first paint (issue 14)."""
    return _PACKAGE.joinpath(*parts)


def _bundled(name: str) -> Path:
    """A shipped file: inside the installed package, or at the top of a source checkout."""
    packaged = package_file("bundled", name)
    if packaged.is_file() or packaged.is_dir():
        return packaged
    return _SOURCE_TREE / name


def bundled_database() -> Path:
    """The database shipped with the app, opened read-only from where it is installed."""
    return _bundled("data.db")


def bundled_text_folder() -> Path:
    """The TOML files the bundled database is built from."""
    return _bundled("resources") / "timeline"


def archive_folder_beside_checkout() -> Path | None:
    """The sources' documents in ../shared/seeds beside a source checkout, if they are there."""
    folder = _SOURCE_TREE.parent / "shared" / "seeds"
    return folder if folder.is_dir() else None


def user_data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else platformdirs.user_data_path(APP_NAME, ORGANISATION)


def user_config_dir() -> Path:
    override = os.environ.get(CONFIG_DIR_ENV)
    return Path(override) if override else platformdirs.user_config_path(APP_NAME, ORGANISATION)
