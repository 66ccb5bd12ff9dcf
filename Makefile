# Packaging: the wheel, the standalone bundle, the Linux menu entry, and the checks of all three.
# `make help` lists the targets.

PYTHON ?= $(if $(wildcard .venv/bin/python),.venv/bin/python,python3)
PREFIX ?= $(HOME)/.local
DESTDIR ?=
# What the menu entry runs; the default is timeline-app on PATH (a pip or pipx install).
EXEC ?= timeline-app

.PHONY: help bundle wheel install-desktop uninstall-desktop icons check-packaging benchmarks benchmark-import screenshots

help:
	@echo "make bundle            standalone one-folder app in dist/timeline-app (PyInstaller)"
	@echo "make wheel             sdist and wheel in dist/"
	@echo "make install-desktop   menu entry, metainfo and icons under PREFIX=$(PREFIX) [DESTDIR= EXEC=]"
	@echo "make uninstall-desktop remove them again"
	@echo "make icons             re-render packaging/icons from the SVG"
	@echo "make check-packaging   build the wheel and the bundle, run them from outside the source tree"
	@echo "make benchmarks        time the window and export at 1,000 to 1,000,000 events"
	@echo "make benchmark-import  time importing a 100,000-row TimelineJS sheet (3 runs)"
	@echo "make screenshots       render the main window in a few states to screenshots/"

bundle:
	$(PYTHON) -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
		packaging/timeline-app.spec

wheel:
	$(PYTHON) -m build --outdir dist .

install-desktop:
	sh packaging/install.sh --prefix "$(PREFIX)" --destdir "$(DESTDIR)" --exec "$(EXEC)"

uninstall-desktop:
	sh packaging/install.sh --prefix "$(PREFIX)" --destdir "$(DESTDIR)" --uninstall

icons:
	$(PYTHON) packaging/make_icons.py

# The bundle test reuses the bundle just built instead of building its own.
check-packaging: bundle
	TIMELINE_APP_TEST_BUNDLE=1 TIMELINE_APP_BUNDLE_DIR="$(CURDIR)/dist/timeline-app" \
		$(PYTHON) -m pytest tests/packaging -v -m packaging

# Datasets are made on first use and kept in benchmarks/out/ (about 100 s for 100,000 events,
# 20 min and 3.3 GB for 1,000,000, through the importer).
benchmarks:
	QT_QPA_PLATFORM=offscreen $(PYTHON) benchmarks/run.py

benchmark-import:
	$(PYTHON) benchmarks/import_speed.py --rows 100000 --runs 3

screenshots:
	QT_QPA_PLATFORM=offscreen $(PYTHON) scripts/screenshots.py --out screenshots/
