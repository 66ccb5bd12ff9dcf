"""Qt's side of translation: the catalogues for the reader's language, installed at start-up.

`timeline_app/i18n/timeline_app_<language>.qm` holds the app's words in a language (made from the
`.ts` beside it with `pyside6-lrelease`); Qt's own catalogues translate its standard buttons. The
English catalogue is always installed first: it gives `%n` plurals their English forms ("1 page",
"3 pages"). A language with no catalogue, or a damaged one, leaves the English words in place.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from timeline_app.paths import package_file
from timeline_app.wording.translation import use_translation

CATALOGUE = "timeline_app"
log = logging.getLogger(__name__)
_installed: list[QTranslator] = []  # Qt does not own them: they live as long as the app


def catalogue_folder() -> Path:
    return package_file("i18n")


def translators_installed() -> bool:
    return bool(_installed)


def remove_translators() -> None:
    """Back to the source text: Qt's translators out, the formatter's hook reset."""
    application = QCoreApplication.instance()
    for translator in _installed:
        if application is not None:
            application.removeTranslator(translator)
    _installed.clear()
    use_translation(None)


def install_translators(locale: QLocale | None = None, folder: Path | None = None) -> list[str]:
    """Install the catalogues for locale (default: the system's) from folder (default: the
    app's); returns the files in use."""
    application = QCoreApplication.instance()
    if application is None:
        raise RuntimeError("install_translators needs a Qt application")
    remove_translators()
    locale = locale or QLocale.system()
    folder = folder or catalogue_folder()
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # Installed last is asked first: the reader's language, then Qt's words, then English plurals.
    attempts = (
        lambda t: t.load(f"{CATALOGUE}_en", str(catalogue_folder())),
        lambda t: t.load(locale, "qtbase", "_", qt_folder),
        lambda t: t.load(locale, CATALOGUE, "_", str(folder)),
    )
    for attempt in attempts:
        translator = QTranslator(application)
        if attempt(translator) and not translator.isEmpty():
            application.installTranslator(translator)
            _installed.append(translator)
    use_translation(QCoreApplication.translate)
    loaded = [t.filePath() for t in _installed]
    log.info("translations for %s: %s", locale.name(), ", ".join(loaded) or "none")
    return loaded
