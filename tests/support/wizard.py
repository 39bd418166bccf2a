"""Helpers for the wizard tests: an isolated wizard against the simulator, and the walk through
its pages the way a user takes it (mouse on the buttons, keyboard in the fields).

tests/gui/conftest.py turns `open_wizards` into the `wizards` fixture.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import keyring.core
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QMessageBox,
    QTableWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWizard,
)
from pytestqt.qtbot import QtBot

from payt_onboarding.afas.credentials import Credentials
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.gui.state import Prefill, WizardState
from payt_onboarding.gui.texts import set_language
from payt_onboarding.gui.widgets import Notice
from payt_onboarding.gui.wizard import OnboardingWizard
from payt_onboarding.profile.secrets import clear_session_tokens
from payt_onboarding.profile.store import CONFIG_DIR_ENV, ProfileStore
from payt_onboarding.report.model import Report
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
from payt_onboarding.simulator.server import SimulatorServer

T = TypeVar("T")
TOKEN = AfasToken.from_data(DEMO_TOKEN_DATA)
PROFILE = "Bakkerij de Vries"
CHECK_MS = 10_000  # a whole check against the simulator takes well under a second

MakeWizard = Callable[..., OnboardingWizard]


def open_wizards(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, *,
                 system_keyring: bool = False) -> Iterator[MakeWizard]:
    """Build shown wizards (Dutch) with their own config directory and no usable keyring (or,
    with `system_keyring`, the one keyring finds); every one is shut down after the test.
    `wizards(server)` prefills the simulator's UID, address and token; `wizards()` starts
    empty."""
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path / "config"))
    if system_keyring:  # the throw-away Secret Service of tests/keyring_session.sh
        monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    else:
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    # keyring picks its backend once per process: make it look again, at the variable above.
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    set_language("nl")
    made: list[OnboardingWizard] = []

    def make(server: SimulatorServer | None = None, *, profile_name: str = PROFILE,
             show: bool = True, credentials: Credentials = TOKEN) -> OnboardingWizard:
        prefill = (Prefill(DEMO_UID, server.url, credentials, profile_name=profile_name)
                   if server is not None else None)
        wizard = OnboardingWizard(WizardState(language="nl", prefill=prefill))
        # Closed here, not by qtbot.addWidget: pytest-qt closes its widgets before fixtures end,
        # and a wizard holding an unsaved result would ask "close without saving?" first.
        made.append(wizard)
        if show:
            wizard.show()
            qtbot.waitExposed(wizard)
            wait_idle(qtbot, wizard)  # the welcome page's profiles read on the pool
        return wizard

    try:
        yield make
    finally:
        for wizard in made:
            wizard.shutdown()
            wizard.close()
            wizard.deleteLater()
        clear_session_tokens()
        QGuiApplication.clipboard().clear()  # a test may have pasted the token through it


def next_button(wizard: QWizard) -> QAbstractButton:
    return wizard.button(QWizard.WizardButton.NextButton)


def click_next(qtbot: QtBot, wizard: OnboardingWizard) -> None:
    """Click Next with the mouse and wait for the next page to be current."""
    before = wizard.currentId()
    nxt = next_button(wizard)
    assert nxt.isVisible() and nxt.isEnabled(), f"Next is not clickable on page {before}"
    qtbot.mouseClick(nxt, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() != before, timeout=2000)


def wait_idle(qtbot: QtBot, wizard: OnboardingWizard, timeout: int = CHECK_MS) -> None:
    qtbot.waitUntil(lambda: not wizard.jobs.busy, timeout=timeout)


def wait_check(qtbot: QtBot, wizard: OnboardingWizard, timeout: int = CHECK_MS) -> None:
    """Until the connectors page's check has finished and its result is shown."""
    page = wizard.connectors
    qtbot.waitUntil(lambda: page.running is None and wizard.state.session is not None,
                    timeout=timeout)
    wait_idle(qtbot, wizard, timeout)


def notice_has(notice: Notice, text: str) -> bool:
    """The notice is shown and says `text` (it renders rich text, escaped)."""
    return notice.isVisible() and html.escape(text) in notice.text.text()


def walk_to_token(qtbot: QtBot, wizard: OnboardingWizard) -> None:
    assert wizard.currentPage() is wizard.welcome
    assert wizard.welcome.new_check.isChecked()
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.environment
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.token
    wait_idle(qtbot, wizard)  # the keyring has been looked at


def walk_to_connectors(qtbot: QtBot, wizard: OnboardingWizard) -> None:
    walk_to_token(qtbot, wizard)
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.connectors
    wait_check(qtbot, wizard)


def walk_to_summary(qtbot: QtBot, wizard: OnboardingWizard) -> None:
    walk_to_connectors(qtbot, wizard)
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.mapping
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.summary


def save_profile(qtbot: QtBot, wizard: OnboardingWizard) -> None:
    """Click the summary page's Save button and wait for the outcome notice."""
    page = wizard.summary
    qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.saving and page.notice.status in ("ok", "warning", "error"),
                    timeout=CHECK_MS)
    wait_idle(qtbot, wizard)


def current_report(wizard: OnboardingWizard) -> Report:
    """The report of the wizard's check result; there must be one."""
    session = wizard.state.session
    assert session is not None, "the wizard has no check result"
    return session.report()


def saved_verdict(name: str) -> str | None:
    """The verdict the saved profile `name` holds (None: saved without one)."""
    validation = ProfileStore().load(name).validation
    return validation.verdict if validation is not None else None


def _each(items: list[T | None]) -> list[T]:
    """Qt's getters may say None; for an index in range they never do."""
    present = [item for item in items if item is not None]
    assert len(present) == len(items), "Qt gave no item for an index in range"
    return present


def top_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    return _each([tree.topLevelItem(index) for index in range(tree.topLevelItemCount())])


def child_items(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return _each([item.child(index) for index in range(item.childCount())])


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    cell = table.item(row, column)
    assert cell is not None, f"no item in row {row}, column {column}"
    return cell.text()


def tree_texts(tree: QTreeWidget) -> list[str]:
    """Every text and tooltip of every item, all columns, all levels."""
    found: list[str] = []

    def walk(item: QTreeWidgetItem) -> None:
        for column in range(max(tree.columnCount(), item.columnCount())):
            found.extend((item.text(column), item.toolTip(column)))
        for child in child_items(item):
            walk(child)

    for item in top_items(tree):
        walk(item)
    return found


def child_texts(item: QTreeWidgetItem) -> list[str]:
    found: list[str] = []
    for child in child_items(item):
        found.extend(child.text(c) for c in range(child.columnCount()))
        found.extend(child_texts(child))
    return found


class Questions:
    """QMessageBox.question answered without a dialog: `answer` is the reply, `asked` holds
    (title, text) of every question put."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch,
                 answer: QMessageBox.StandardButton) -> None:
        self.answer = answer
        self.asked: list[tuple[str, str]] = []
        monkeypatch.setattr(QMessageBox, "question", self._ask)

    def _ask(self, parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        self.asked.append((title, text))
        return self.answer
