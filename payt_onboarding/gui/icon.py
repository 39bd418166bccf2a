"""The app icon, on every window: set once on the application, which every window inherits.

The PNG sizes are generated from resources/icons/payt-onboarding.svg by scripts/icons.py; PNG,
not the SVG, so the bundle needs no SVG image plugin.
"""

from __future__ import annotations

from importlib.resources import as_file, files

from PySide6.QtGui import QIcon, QPixmap

SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    icon = QIcon()
    folder = files("payt_onboarding") / "resources" / "icons"
    for size in SIZES:
        with as_file(folder / f"payt-onboarding-{size}.png") as path:
            pixmap = QPixmap(str(path))
        if not pixmap.isNull():
            icon.addPixmap(pixmap)
    return icon
