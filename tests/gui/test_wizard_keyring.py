"""The wizard with a real Secret Service (GNOME Keyring in tests/keyring_session.sh): Save puts
the token in the keyring, and a saved profile opened again brings it back by itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from payt_onboarding.afas.environment import Environment
from payt_onboarding.gui.texts import keyring_name
from payt_onboarding.profile.secrets import SERVICE, TokenVault
from payt_onboarding.simulator.config import DEMO_UID
from tests.support.keyring_session import purge
from tests.support.wizard import (
    PROFILE,
    TOKEN,
    MakeWizard,
    Questions,
    click_next,
    next_button,
    notice_has,
    save_profile,
    top_items,
    wait_check,
    wait_idle,
    walk_to_summary,
)

pytestmark = pytest.mark.secret_service


@pytest.fixture
def system_keyring(secret_service: None) -> Iterator[bool]:
    """The wizards use the real keyring, without this service's entries before and after."""
    purge(SERVICE)
    try:
        yield True
    finally:
        purge(SERVICE)


def test_the_token_goes_to_the_keyring_and_comes_back_with_the_profile(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    server = simulator("healthy")
    # Bound to the simulator's address, which is not AFAS's own: the wizard asks first.
    account = Environment.parse(DEMO_UID, base_url=server.url).keyring_account
    questions = Questions(monkeypatch, QMessageBox.StandardButton.Yes)
    first = wizards(server)
    walk_to_summary(qtbot, first)
    vault = first.state.vault
    assert vault is not None and vault.usable, vault
    # Named as the OS names it, in Dutch: GNOME-sleutelbos / KWallet for the Secret Service.
    assert keyring_name(vault.name) == "GNOME-sleutelbos / KWallet"
    assert keyring_name(vault.name) in first.token.remember.text()
    assert first.token.remember.isChecked()
    assert first.state.remember_token
    save_profile(qtbot, first)
    saved = first.summary.saved
    assert saved is not None and saved.token == "keyring" and not saved.draft
    assert notice_has(first.summary.notice, keyring_name(vault.name))
    assert TokenVault().load(account) == TOKEN  # in the real keyring, as the token itself
    assert saved.profile.token is not None and saved.profile.token.account == account
    first.close()

    again = wizards()  # started from the menu: nothing filled in
    welcome = again.welcome
    welcome.profiles.setCurrentItem(top_items(welcome.profiles)[0])
    assert welcome.selected_name() == PROFILE
    click_next(qtbot, again)
    click_next(qtbot, again)
    token = again.token
    assert again.currentPage() is token
    wait_idle(qtbot, again)  # read from the keyring off the GUI thread
    assert [server.url in text for _, text in questions.asked] == [True]
    assert token.token == TOKEN
    assert notice_has(token.notice, "Token uit de wachtwoordkluis geladen.")
    click_next(qtbot, again)
    wait_check(qtbot, again)
    assert again.state.session is not None
    assert again.state.session.report().verdict == "ready_with_warnings"
    assert next_button(again).isEnabled()
