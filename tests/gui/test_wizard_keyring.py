"""The wizard with a real Secret Service (GNOME Keyring in tests/keyring_session.sh): Save puts
the token in the keyring, and a saved profile opened again brings it back by itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from payt_onboarding.profile.secrets import SERVICE, TokenVault
from payt_onboarding.simulator.config import DEMO_UID
from tests.support.keyring_session import purge
from tests.support.wizard import (
    PROFILE,
    TOKEN,
    MakeWizard,
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
ACCOUNT = f"{DEMO_UID}-production"


@pytest.fixture
def system_keyring(secret_service: None) -> Iterator[bool]:
    """The wizards use the real keyring, without this test's entry before and after."""
    purge(SERVICE, ACCOUNT)
    try:
        yield True
    finally:
        purge(SERVICE, ACCOUNT)


def test_the_token_goes_to_the_keyring_and_comes_back_with_the_profile(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard) -> None:
    server = simulator("healthy")
    first = wizards(server)
    walk_to_summary(qtbot, first)
    vault = first.state.vault
    assert vault is not None and vault.usable, vault
    assert vault.name in first.token.remember.text() and first.token.remember.isChecked()
    assert first.state.remember_token
    save_profile(qtbot, first)
    saved = first.summary.saved
    assert saved is not None and saved.token == "keyring" and not saved.draft
    assert notice_has(first.summary.notice, vault.name)
    assert TokenVault().load(ACCOUNT) == TOKEN  # in the real keyring, as the token itself
    assert saved.profile.token is not None and saved.profile.token.account == ACCOUNT
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
    assert token.token == TOKEN
    assert notice_has(token.notice, "Token uit de sleutelbos geladen.")
    click_next(qtbot, again)
    wait_check(qtbot, again)
    assert again.state.session is not None
    assert again.state.session.report().verdict == "ready_with_warnings"
    assert next_button(again).isEnabled()
