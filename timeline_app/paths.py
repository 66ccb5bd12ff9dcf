"""Where things live: the bundled data, the user's copy, settings. Creates nothing at import."""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing
from importlib import resources
from pathlib import Path

import platformdirs

from timeline_app import APP_NAME, ORGANISATION
from timeline_app.store.database import use_write_ahead_log

# Tests and portable installs point these at folders of their own.
DATA_DIR_ENV = "TIMELINE_APP_DATA_DIR"
CONFIG_DIR_ENV = "TIMELINE_APP_CONFIG_DIR"

_SOURCE_TREE = Path(__file__).resolve().parent.parent


def _bundled(name: str) -> Path:
    """A shipped file: inside the installed package, or at the top of a source checkout."""
    packaged = resources.files("timeline_app") / "bundled" / name
    if packaged.is_file() or packaged.is_dir():
        return Path(str(packaged))
    return _SOURCE_TREE / name


def bundled_database() -> Path:
    """The read-only database shipped with the app; never written to."""
    return _bundled("data.db")


def bundled_text_folder() -> Path:
    """The TOML files the bundled database is built from."""
    return _bundled("resources") / "timeline"


def user_data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else platformdirs.user_data_path(APP_NAME, ORGANISATION)


def user_config_dir() -> Path:
    override = os.environ.get(CONFIG_DIR_ENV)
    return Path(override) if override else platformdirs.user_config_path(APP_NAME, ORGANISATION)


def user_database() -> Path:
    """The user's working copy of the bundled timeline, made on first use."""
    target = user_data_dir() / "timeline.db"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".copying")
        shutil.copyfile(bundled_database(), partial)
        with closing(sqlite3.connect(partial)) as connection:
            use_write_ahead_log(connection)
        partial.replace(target)
    return target
