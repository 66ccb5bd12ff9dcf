"""The Linux desktop integration: one application id, valid desktop and AppStream files, icons."""

from __future__ import annotations

import ast
import configparser
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import pytest

from tests.packaging.conftest import PACKAGING, PYPROJECT, REPO, VERSION
from timeline_app import APP_ID

pytestmark = pytest.mark.packaging

DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICONS = PACKAGING / "icons"
THEME_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def needs_tool(name: str) -> str:
    tool = shutil.which(name)
    if tool is None:
        pytest.skip(f"{name} is not installed (Debian: desktop-file-utils, appstream)")
    return tool


def test_the_application_id_is_the_same_everywhere():
    metainfo = ET.parse(METAINFO).getroot()
    assert metainfo.findtext("id") == APP_ID
    assert metainfo.find("launchable").text == DESKTOP.name
    assert desktop_entry(DESKTOP)["Icon"] == APP_ID
    assert (ICONS / f"{APP_ID}.svg").is_file()
    install_script = (PACKAGING / "install.sh").read_text(encoding="utf-8")
    assert f"APP_ID={APP_ID}\n" in install_script
    assert "bundle_identifier=APP_ID" in (PACKAGING / "timeline-app.spec").read_text()


def test_desktop_file_passes_desktop_file_validate():
    tool = needs_tool("desktop-file-validate")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_desktop_file_runs_the_app_without_a_terminal():
    entry = desktop_entry(DESKTOP)
    assert entry["Exec"] == "timeline-app %f"  # %f: the timeline file a file manager opens
    assert entry["Terminal"] == "false"
    assert entry["Type"] == "Application"


def test_metainfo_passes_appstreamcli_validate():
    tool = needs_tool("appstreamcli")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_describes_this_release_and_licences():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("project_license") == PYPROJECT["project"]["license"] == "MIT"
    assert root.findtext("metadata_license") == "CC0-1.0"
    newest = root.find("releases/release")
    assert newest.get("version") == VERSION, "add a <release> for the version in pyproject.toml"
    assert newest.find("description/p").text.strip()
    assert root.find("content_rating").get("type") == "oars-1.1"
    assert root.findtext("provides/binary") == "timeline-app"


@pytest.mark.parametrize("size", THEME_SIZES)
def test_theme_icon_is_square_opaque_in_the_middle_and_named_after_the_app(qapp, size):
    from PySide6.QtGui import QImage

    image = QImage(str(ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
    assert (image.width(), image.height()) == (size, size)
    assert image.pixelColor(size // 2, size // 2).alpha() == 255
    assert image.pixelColor(0, 0).alpha() == 0  # the rounded corner shows the desktop through


@pytest.mark.parametrize(
    ("name", "sizes"),
    [
        (f"{APP_ID}.ico", [16, 24, 32, 48, 64, 128, 256]),
        (f"{APP_ID}.icns", [16, 32, 32, 64, 128, 256, 256, 512, 512, 1024]),
    ],
)
def test_windows_and_macos_icons_hold_every_size(qapp, name, sizes):
    from PySide6.QtGui import QImageReader

    reader = QImageReader(str(ICONS / name))
    found = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        found.append(reader.read().width())
    assert found == sizes


def test_window_icon_ships_inside_the_package_and_renders(qapp):
    from PySide6.QtSvg import QSvgRenderer

    packaged = resources.files("timeline_app") / "icons" / "app.svg"
    assert packaged.read_bytes() == (ICONS / f"{APP_ID}.svg").read_bytes(), (
        "timeline_app/icons/app.svg differs from the packaging icon; run packaging/make_icons.py"
    )
    assert QSvgRenderer(packaged.read_bytes()).isValid()


def _installed(prefix: Path) -> set[str]:
    return {str(path.relative_to(prefix)) for path in prefix.rglob("*") if path.is_file()}


EXPECTED_FILES = {
    f"share/applications/{APP_ID}.desktop",
    f"share/metainfo/{APP_ID}.metainfo.xml",
    f"share/icons/hicolor/scalable/apps/{APP_ID}.svg",
    f"share/mime/packages/{APP_ID}.xml",
    *(f"share/icons/hicolor/{n}x{n}/apps/{APP_ID}.png" for n in THEME_SIZES),
}


def test_timeline_files_have_one_mime_type_everywhere():
    from timeline_app.ui.file_actions import EXTENSION, MIME_TYPE

    assert desktop_entry(DESKTOP)["MimeType"] == f"{MIME_TYPE};"
    assert ET.parse(METAINFO).getroot().findtext("provides/mediatype") == MIME_TYPE
    namespace = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(PACKAGING / f"{APP_ID}.mime.xml").getroot().find("m:mime-type", namespace)
    assert mime.get("type") == MIME_TYPE
    assert mime.find("m:glob", namespace).get("pattern") == f"*{EXTENSION}"


def test_the_mime_type_installs_and_names_the_extension(tmp_path):
    tool = needs_tool("update-mime-database")
    from timeline_app.ui.file_actions import EXTENSION, MIME_TYPE

    install = ["sh", str(PACKAGING / "install.sh"), "--prefix", "/usr", "--destdir", str(tmp_path)]
    subprocess.run(install, check=True, capture_output=True)
    mime = tmp_path / "usr" / "share" / "mime"
    result = subprocess.run([tool, str(mime)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr  # (it notes that the folder is not searched)
    assert f"{MIME_TYPE}:*{EXTENSION}" in (mime / "globs2").read_text(encoding="utf-8")


def test_install_script_puts_files_in_share_and_uninstall_removes_them(tmp_path):
    staging = tmp_path / "stage"
    install = ["sh", str(PACKAGING / "install.sh"), "--prefix", "/usr", "--destdir", str(staging)]
    subprocess.run(install, check=True, capture_output=True)
    assert _installed(staging / "usr") == EXPECTED_FILES
    subprocess.run([*install, "--uninstall"], check=True, capture_output=True)
    assert _installed(staging / "usr") == set()


def test_install_script_quotes_an_executable_path_for_the_desktop_file(tmp_path):
    tool = needs_tool("desktop-file-validate")
    odd = '/opt/My "Apps"/$HOME/time`line`/timeline-app'
    subprocess.run(
        [
            "sh",
            str(PACKAGING / "install.sh"),
            "--prefix",
            "/usr",
            "--destdir",
            str(tmp_path),
            "--exec",
            odd,
        ],
        check=True,
        capture_output=True,
    )
    installed = tmp_path / "usr" / "share" / "applications" / f"{APP_ID}.desktop"
    exec_line = desktop_entry(installed)["Exec"]
    assert exec_line == r'"/opt/My \\"Apps\\"/\\$HOME/time\\`line\\`/timeline-app" %f'
    result = subprocess.run([tool, str(installed)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_make_install_desktop_uses_prefix_and_destdir(tmp_path):
    make = needs_tool("make")
    subprocess.run(
        [make, "-C", str(REPO), "install-desktop", "PREFIX=/usr/local", f"DESTDIR={tmp_path}"],
        check=True,
        capture_output=True,
        env={**os.environ, "MAKEFLAGS": ""},
    )
    assert _installed(tmp_path / "usr" / "local") == EXPECTED_FILES


def _spec_constant(name: str):
    tree = ast.parse((PACKAGING / "timeline-app.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"the spec defines no {name}")


def test_bundle_keeps_every_qt_module_the_app_imports():
    excluded = set(_spec_constant("UNUSED_QT_MODULES"))
    imported = set()
    for module in (REPO / "timeline_app").rglob("*.py"):
        text = module.read_text(encoding="utf-8")
        imported |= set(re.findall(r"PySide6\.(Qt\w+)", text))
        imported |= {
            name.strip()
            for names in re.findall(r"from PySide6 import \(?([\w, \n]+)", text)
            for name in names.split(",")
            if name.strip()
        }
    assert {"QtCore", "QtGui"} <= imported
    wrongly_excluded = imported & excluded
    assert not wrongly_excluded, f"the spec excludes modules the app imports: {wrongly_excluded}"


def test_console_and_windowed_launchers_both_run_the_command_line():
    project = PYPROJECT["project"]
    assert project["scripts"]["timeline-app"] == "timeline_app.cli:main"
    assert project["gui-scripts"]["timeline-app-gui"] == "timeline_app.cli:main"
