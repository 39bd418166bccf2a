"""The app icon, on every window: set once on the application, which every window inherits.

The PNG sizes are generated from resources/icons/payt-onboarding.svg by scripts/icons.py; PNG,
not the SVG, so the bundle needs no SVG image plugin. Each file is named with its size, and Qt
decodes it when that size is first drawn: not all seven before the first page is painted.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap

from payt_onboarding.gui.packaged import on_disk

SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    icon = QIcon()
    for size in SIZES:
        name = f"payt-onboarding-{size}.png"
        path = on_disk("icons", name)
        if path is not None:  # a file that stays where it is
            icon.addFile(path, QSize(size, size))
            continue
        from importlib.resources import as_file, files

        resource = files("payt_onboarding") / "resources" / "icons" / name
        with as_file(resource) as copy:  # an archive's copy, gone after this: read it now
            pixmap = QPixmap(str(copy))
        if not pixmap.isNull():
            icon.addPixmap(pixmap)
    return icon
