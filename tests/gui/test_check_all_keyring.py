"""Check all with a real Secret Service (GNOME Keyring in tests/keyring_session.sh): the token
and the OAuth client secret saved by a check come back from the keyring on a worker, and a
profile whose secret is not there is listed, not checked and never asked for."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from payt_onboarding.profile.model import OAUTH_KEYRING_SERVICE
from payt_onboarding.profile.secrets import SERVICE
from payt_onboarding.simulator.demo import demo_credentials
from tests.support.check_all import rows, run_check_all, seed
from tests.support.keyring_session import purge
from tests.support.wizard import MakeWizard, Questions

pytestmark = pytest.mark.secret_service


@pytest.fixture
def system_keyring(secret_service: None) -> Iterator[bool]:
    purge(SERVICE)
    purge(OAUTH_KEYRING_SERVICE)
    try:
        yield True
    finally:
        purge(SERVICE)
        purge(OAUTH_KEYRING_SERVICE)


def test_check_all_reads_each_secret_from_the_secret_service(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard,
        monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = wizards()  # keyring now points at the Secret Service
    seed("Bakkerij Jansen", simulator("healthy"), demo_credentials("token"))
    seed("Installatiebedrijf De Boer", simulator("oauth_healthy"),
         demo_credentials("client_secret"))
    seed("Transport Visser", simulator("healthy"), demo_credentials("token"), remember=False)
    wizard.welcome.initializePage()  # read the list again, with the profiles saved above
    qtbot.waitUntil(lambda: len(wizard.welcome.listed) == 3, timeout=5000)
    Questions(monkeypatch, QMessageBox.StandardButton.Yes)
    table = rows(run_check_all(qtbot, wizard).table)
    assert table["Bakkerij Jansen"][0] == "Klaar, met waarschuwingen"
    assert table["Installatiebedrijf De Boer"][0] == "Klaar voor Payt"
    assert table["Transport Visser"][0] == "niet gecontroleerd: geen opgeslagen token of secret"
