"""The wizard's help when something goes wrong: its icon on every window, the About box
(versions, log folder, the DEBUG switch, diagnostics without a secret) and the dialog for a bug
(message, log path, "Copy details", scrubbed)."""

from __future__ import annotations

import sys

import PySide6
import pytest
from PySide6.QtCore import QTimer, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWizard
from pytestqt.qtbot import QtBot

from payt_onboarding import __version__
from payt_onboarding.app import logfile
from payt_onboarding.gui.about import AboutDialog
from payt_onboarding.gui.app import application
from payt_onboarding.gui.errors import show_unexpected, unexpected_error_box
from payt_onboarding.simulator.scenarios import build_config
from payt_onboarding.simulator.server import SimulatorServer
from tests.support.leaks import leaked, secret_forms
from tests.support.wizard import TOKEN, MakeWizard, wait_check, walk_to_connectors


def test_every_window_has_the_app_icon(wizards: MakeWizard, qtbot: QtBot) -> None:
    application("nl")
    wizard = wizards()
    assert not QApplication.windowIcon().isNull()
    assert {s.width() for s in QApplication.windowIcon().availableSizes()} >= {16, 32, 256}
    about = AboutDialog(wizard.state, wizard.jobs, wizard)
    qtbot.addWidget(about)
    for window in (wizard, about):
        assert window.windowIcon().cacheKey() == QApplication.windowIcon().cacheKey()


def test_the_about_button_opens_the_about_box_with_versions_and_log_folder(
        wizards: MakeWizard, qtbot: QtBot) -> None:
    wizard = wizards()
    button = wizard.button(QWizard.WizardButton.CustomButton1)
    assert button.isVisible() and button.text() == "&Over"
    seen: list[str] = []

    def look() -> None:
        about = QApplication.activeModalWidget()
        assert isinstance(about, AboutDialog)
        seen.append(" ".join(label.text() for label in about.findChildren(
            type(about.keyring))))
        about.reject()

    QTimer.singleShot(0, look)
    button.click()
    (text,) = seen
    assert __version__ in text and PySide6.__version__ in text and qVersion() in text
    assert str(logfile.log_directory()) in text
    assert "ingebouwd" in text  # the built-in requirements, in Dutch


def test_the_debug_switch_sets_the_log_files_level(wizards: MakeWizard, qtbot: QtBot) -> None:
    logfile.start_log()
    wizard = wizards()
    about = AboutDialog(wizard.state, wizard.jobs, wizard)
    qtbot.addWidget(about)
    try:
        about.debug.setChecked(True)
        assert logfile.debug_enabled()
        about.debug.setChecked(False)
        assert not logfile.debug_enabled()
    finally:
        logfile.set_debug(False)


def test_diagnostics_give_versions_keyring_and_last_verdict_never_the_token(
        wizards: MakeWizard, qtbot: QtBot) -> None:
    with SimulatorServer(build_config("fields_missing")) as server:
        wizard = wizards(server)
        walk_to_connectors(qtbot, wizard)
        wait_check(qtbot, wizard)
        about = AboutDialog(wizard.state, wizard.jobs, wizard)
        qtbot.addWidget(about)
        qtbot.waitUntil(lambda: wizard.state.vault is not None)
        about.copy.click()
    text = QGuiApplication.clipboard().text()
    assert f"payt-onboarding {__version__}" in text
    assert f"PySide6 {PySide6.__version__}, Qt {qVersion()}" in text
    assert "Keyring: " in text and "Trust store: " in text and "Log file: " in text
    assert "Last check: not_ready (" in text and "field.missing" in text
    assert not leaked(text)


def test_a_bug_shows_message_log_path_and_copyable_scrubbed_details(qtbot: QtBot) -> None:
    application("nl")
    try:
        raise RuntimeError(f"AFAS said no to {secret_forms(TOKEN)[2]}")
    except RuntimeError as error:
        box = unexpected_error_box(type(error), error, error.__traceback__)
    qtbot.addWidget(box)
    assert "RuntimeError: AFAS said no to [hidden]" in box.informativeText()
    assert str(logfile.log_file()) in box.informativeText()
    details = box.detailedText()
    assert "Traceback (most recent call last)" in details
    assert f"payt-onboarding {__version__}" in details
    copy = next(b for b in box.buttons() if isinstance(b, QPushButton)
                and b.text() == "&Details kopiëren")
    copy.click()
    assert QGuiApplication.clipboard().text() == details
    for text in (box.text(), box.informativeText(), details):
        assert not leaked(text)
    QGuiApplication.clipboard().clear()


def test_a_bug_in_a_slot_reaches_the_dialog_and_the_log(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    application("nl")
    shown: list[QMessageBox] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    try:
        raise KeyError("no such page")
    except KeyError:
        kind, error, trace = sys.exc_info()
        assert kind is not None and error is not None
        show_unexpected(kind, error, trace)
    (box,) = shown
    assert "KeyError: 'no such page'" in box.informativeText()
