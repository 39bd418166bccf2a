"""The icon files are what scripts/icons.py makes from the one SVG: the runtime sizes equal the
desktop ones, the .ico and .icns are well formed and hold every size they promise."""

from __future__ import annotations

import struct
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
RUNTIME = ROOT / "payt_onboarding" / "resources" / "icons"


def test_the_runtime_sizes_are_the_generated_desktop_sizes() -> None:
    runtime = sorted(RUNTIME.glob("payt-onboarding-*.png"))
    assert len(runtime) == 7
    for png in runtime:
        assert png.read_bytes() == (ICONS / "png" / png.name).read_bytes()
        size = int(png.stem.rsplit("-", 1)[1])
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size)


def test_the_ico_holds_seven_png_sizes_up_to_256() -> None:
    data = (ICONS / "payt-onboarding.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, 7)
    sides = []
    for n in range(count):
        side, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * n)
        sides.append(side or 256)
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
    assert sides == [16, 24, 32, 48, 64, 128, 256]


def test_the_icns_is_well_formed_up_to_1024() -> None:
    data = (ICONS / "payt-onboarding.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    kinds, at = [], 8
    while at < len(data):
        kind, length = data[at:at + 4].decode(), struct.unpack_from(">I", data, at + 4)[0]
        assert data[at + 8:at + 16] == b"\x89PNG\r\n\x1a\n"
        kinds.append(kind)
        at += length
    assert at == len(data)
    assert {"ic07", "ic08", "ic09", "ic10"} <= set(kinds)
