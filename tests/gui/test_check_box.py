"""Check boxes and radio buttons stay visible on a dark palette (issue 14: "Alleen problemen
tonen" all but disappeared in dark mode under Fusion, and so did an unchecked radio button)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from payt_onboarding.gui.widgets import CheckBox, RadioButton


def _dark() -> QPalette:
    """Qt's own Fusion dark palette, as a dark desktop hands it over."""
    window, text = QColor(50, 50, 50), QColor(240, 240, 240)
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, window),
                         (QPalette.ColorRole.WindowText, text),
                         (QPalette.ColorRole.Base, window.darker(140)),
                         (QPalette.ColorRole.Button, window),
                         (QPalette.ColorRole.ButtonText, text),
                         (QPalette.ColorRole.Text, text)):
        palette.setColor(role, colour)
    return palette


@pytest.fixture
def fusion_dark(qapp: QApplication) -> Iterator[None]:
    style, palette = qapp.style().name(), qapp.palette()
    qapp.setStyle("Fusion")
    qapp.setPalette(_dark())
    yield
    qapp.setStyle(style)
    qapp.setPalette(palette)


def _box_contrast(box: QWidget) -> int:
    """How far the lightest pixel inside the indicator is from the window colour."""
    image: QImage = box.grab().toImage()
    window = box.palette().color(QPalette.ColorRole.Window).lightness()
    side = image.height()
    return max(abs(image.pixelColor(x, y).lightness() - window)
               for x in range(2, side - 2) for y in range(2, side - 2))


@pytest.mark.usefixtures("fusion_dark")
@pytest.mark.parametrize(("plain", "ours"), [(QCheckBox, CheckBox), (QRadioButton, RadioButton)])
def test_unchecked_indicator_stands_out_on_a_dark_palette(
        qtbot: QtBot, plain: type[QCheckBox | QRadioButton],
        ours: type[QCheckBox | QRadioButton]) -> None:
    plain_button, our_button = plain("Alleen problemen tonen"), ours("Alleen problemen tonen")
    for box in (plain_button, our_button):
        qtbot.addWidget(box)
        box.show()
    assert _box_contrast(plain_button) < 20  # the defect: near-black on near-black
    assert _box_contrast(our_button) >= 40


def test_follows_a_palette_change_back_to_light(qtbot: QtBot, qapp: QApplication) -> None:
    box = CheckBox("x")
    qtbot.addWidget(box)
    light_base = qapp.palette().color(QPalette.ColorRole.Base)
    palette = qapp.palette()
    qapp.setPalette(_dark())
    try:
        assert box.palette().color(QPalette.ColorRole.Base).lightness() > 50
    finally:
        qapp.setPalette(palette)
    assert box.palette().color(QPalette.ColorRole.Base) == light_base
