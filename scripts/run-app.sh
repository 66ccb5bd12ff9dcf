#!/usr/bin/env bash
# Install what the app needs (system libraries for Qt's window, a virtual environment) and run it.
# Arguments are passed on: `bash scripts/run-app.sh list --theme energy`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/system-packages.sh
ensure_system_packages libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core \
    libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
    libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-randr0 libxcb-xinerama0
ensure_virtualenv ""
exec .venv/bin/timeline-app "$@"
