#!/usr/bin/env bash
# Install everything the tests need and run the whole suite: lint, layer contracts, pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/system-packages.sh
# Qt offscreen needs EGL/GL, fontconfig and a font with Azerbaijani letters; poppler turns PDF
# pages into images; the desktop-file and AppStream validators check the Linux packaging.
ensure_system_packages libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 fonts-dejavu-core \
    poppler-utils desktop-file-utils appstream
ensure_virtualenv "[test]"
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check timeline_app tests benchmarks scripts
.venv/bin/lint-imports
.venv/bin/python -m pytest "$@"
