"""Render the app icon's SVG into every size and format the packages need.

    python packaging/make_icons.py

Writes, from packaging/icons/<APP_ID>.svg:
  packaging/icons/hicolor/<N>x<N>/apps/<APP_ID>.png   Linux icon theme sizes, 16 to 512
  packaging/icons/<APP_ID>.ico                         Windows (PNG entries, 16 to 256)
  packaging/icons/<APP_ID>.icns                        macOS (PNG entries, 16 to 1024)
  timeline_app/icons/app.svg                           the window icon (importlib.resources)

The outputs are committed, so building a package never needs Qt's SVG renderer; run this again
after changing the SVG.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
from timeline_app import APP_ID  # noqa: E402

ICONS = HERE / "icons"
SVG = ICONS / f"{APP_ID}.svg"
PACKAGE_SVG = REPO / "timeline_app" / "icons" / "app.svg"
THEME_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Apple's icns element types that hold PNG data, with the pixel size each one carries.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic13", 256),
    (b"ic08", 256),
    (b"ic14", 512),
    (b"ic09", 512),
    (b"ic10", 1024),
)


def theme_png(size: int) -> Path:
    return ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG per size (Windows Vista and later read PNG entries)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, payload = b"", b""
    for size, data in pngs.items():
        edge = 0 if size >= 256 else size  # 0 means 256 in an icon directory entry
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(data), offset)
        payload += data
        offset += len(data)
    return header + entries + payload


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns whose elements are PNG data."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"{SVG} is not an SVG Qt can render", file=sys.stderr)
        return 1
    sizes = sorted({*THEME_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    pngs = {size: png_bytes(render(renderer, size)) for size in sizes}
    for size in THEME_SIZES:
        target = theme_png(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    (ICONS / f"{APP_ID}.ico").write_bytes(ico({size: pngs[size] for size in ICO_SIZES}))
    (ICONS / f"{APP_ID}.icns").write_bytes(icns(pngs))
    PACKAGE_SVG.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SVG, PACKAGE_SVG)
    print(f"Rendered {SVG.name} at {len(sizes)} sizes into {ICONS} and copied it to {PACKAGE_SVG}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
