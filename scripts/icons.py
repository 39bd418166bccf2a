"""Every icon file from the one source, resources/icons/payt-onboarding.svg:

- resources/icons/png/payt-onboarding-<N>.png for the desktop (Linux hicolor sizes, AppImage);
- resources/icons/payt-onboarding.ico (Windows: the .exe and the installer);
- resources/icons/payt-onboarding.icns (macOS: the .app);
- payt_onboarding/resources/icons/: the sizes the running program sets as its window icon.

    .venv/bin/python scripts/icons.py

Rendered with Qt's own SVG renderer (in PySide6-Essentials); .ico and .icns are written here
with PNG entries, which every supported Windows (Vista on) and macOS (10.7 on) reads.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "payt-onboarding.svg"
OUT = ROOT / "resources" / "icons"
RUNTIME = ROOT / "payt_onboarding" / "resources" / "icons"
DESKTOP_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
RUNTIME_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The .icns types that hold a PNG, by pixel size (Apple's icns format; @2x types reuse sizes).
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256),
              ("ic09", 512), ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256),
              ("ic14", 512))


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, b"PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """ICONDIR, one ICONDIRENTRY per size (0 means 256), then the PNGs."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in pngs.items():
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
        blobs += png
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind.encode("ascii") + struct.pack(">I", len(pngs[size]) + 8) + pngs[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot read {SOURCE}", file=sys.stderr)
        return 1
    pngs = {size: render(renderer, size) for size in DESKTOP_SIZES}
    (OUT / "png").mkdir(parents=True, exist_ok=True)
    RUNTIME.mkdir(parents=True, exist_ok=True)
    for size, png in pngs.items():
        (OUT / "png" / f"payt-onboarding-{size}.png").write_bytes(png)
        if size in RUNTIME_SIZES:
            (RUNTIME / f"payt-onboarding-{size}.png").write_bytes(png)
    (OUT / "payt-onboarding.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (OUT / "payt-onboarding.icns").write_bytes(icns(pngs))
    print(f"wrote {len(pngs)} PNG sizes, .ico, .icns and {len(RUNTIME_SIZES)} runtime sizes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
