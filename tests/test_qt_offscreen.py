"""Qt runs headless on this machine: the libraries .ci/run installs are enough to render."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot


def test_a_widget_renders_offscreen(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtGui import QGuiApplication, QImage
    from PySide6.QtWidgets import QLabel

    assert QGuiApplication.platformName() == "offscreen"
    label = QLabel("Verbinding met AFAS Profit")
    qtbot.addWidget(label)
    label.resize(320, 40)
    target = tmp_path / "label.png"
    assert label.grab().save(str(target))
    image = QImage(str(target))
    assert (image.width(), image.height()) == (320, 40)
    colours = {image.pixel(x, 20) for x in range(0, 320, 4)}
    assert len(colours) > 1, "the text was drawn"
