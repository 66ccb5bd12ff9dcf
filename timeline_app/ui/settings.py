"""Where the window keeps what it restores next time: one INI file in the user's config folder."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from timeline_app import paths
from timeline_app.timeline.filter import TimelineFilter

SETTINGS_FILE = "settings.ini"


def app_settings() -> QSettings:
    """The app's settings file (user_config_dir()/settings.ini, so tests get their own)."""
    return QSettings(str(paths.user_config_dir() / SETTINGS_FILE), QSettings.Format.IniFormat)


def save_filter(settings: QSettings, wanted: TimelineFilter) -> None:
    settings.beginGroup("filter")
    # INI files read a one-item list back as a string, so the slugs are joined by hand.
    settings.setValue("themes", ",".join(sorted(wanted.themes)))
    settings.setValue("first_year", "" if wanted.first_year is None else str(wanted.first_year))
    settings.setValue("last_year", "" if wanted.last_year is None else str(wanted.last_year))
    settings.setValue("search", wanted.search)
    settings.endGroup()


def load_filter(settings: QSettings) -> TimelineFilter:
    """The filter saved last time; anything unreadable is left out rather than trusted."""
    settings.beginGroup("filter")
    try:
        themes = str(settings.value("themes", "") or "")
        return TimelineFilter(
            themes=frozenset(slug for slug in themes.split(",") if slug),
            first_year=_year(settings.value("first_year", "")),
            last_year=_year(settings.value("last_year", "")),
            search=str(settings.value("search", "") or ""),
        )
    finally:
        settings.endGroup()


def _year(value: object) -> int | None:
    text = str(value or "").strip()
    if text.isdigit() and 1 <= int(text) <= 9999:
        return int(text)
    return None


def read_bool(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key, default)
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return bool(value)
