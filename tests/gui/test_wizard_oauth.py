"""The wizard with an OAuth client: the credentials page switches to OAuth, Test connection
shows the token request's result, the check runs on bearer tokens, the profile keeps the client
(never its secret) and the report says what was tested."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from payt_onboarding.afas.credentials import OAuthClient
from payt_onboarding.simulator.demo import demo_credentials
from payt_onboarding.simulator.oauth import (
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    DEMO_KEY_ID,
    demo_private_key_pem,
)
from tests.support.wizard import (
    CHECK_MS,
    PROFILE,
    MakeWizard,
    click_next,
    current_report,
    notice_has,
    save_profile,
    wait_check,
    wait_idle,
    walk_to_token,
)


def test_an_oauth_client_end_to_end(qtbot: QtBot, simulator: Any,
                                    wizards: MakeWizard) -> None:
    wizard = wizards(simulator("oauth_healthy"),
                     credentials=demo_credentials("client_secret"))
    walk_to_token(qtbot, wizard)
    page = wizard.token
    assert page.oauth_kind.isChecked() and page.oauth.isVisible()
    assert not page.classic_box.isVisible()
    assert page.oauth.client_id.text() == DEMO_CLIENT_ID
    assert page.oauth.secret.echoMode() == QLineEdit.EchoMode.Password
    assert isinstance(page.token, OAuthClient)
    wait_idle(qtbot, wizard)
    qtbot.mouseClick(page.test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.notice.status == "ok", timeout=CHECK_MS)
    assert notice_has(page.notice, "toegangstoken")
    facts = {key: label.text() for key, label in page.fact_labels.items()}
    assert facts["access_token"] == "Bearer, 60 min geldig (post)"
    assert page.fact_rows["access_token"][1].isVisible()
    assert not page.fact_rows["token_expiry"][1].isVisible()  # unsettled under OAuth
    click_next(qtbot, wizard)
    wait_check(qtbot, wizard)
    report = current_report(wizard)
    assert report.verdict == "ready", [f.message for f in report.findings]
    assert (report.target.auth, report.target.client_auth) == ("oauth_client_secret", "post")
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    summary = wizard.summary
    assert summary.verdict.word.text() == "Klaar voor Payt"
    assert "OAuth-client met client-secret" in summary.preview.toPlainText()
    save_profile(qtbot, wizard)
    saved = summary.saved
    assert saved is not None and saved.secret == "client_secret" and saved.token == "memory"
    assert notice_has(summary.notice, "client-secret is alleen voor deze sessie")
    assert saved.profile.auth == "oauth_client_secret"
    assert saved.profile.oauth is not None and saved.profile.oauth.client_id == DEMO_CLIENT_ID
    assert DEMO_CLIENT_SECRET not in saved.path.read_text("utf-8")


def test_typing_an_oauth_client_with_a_key_file(
        qtbot: QtBot, simulator: Any, wizards: MakeWizard,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    key_file = tmp_path_factory.mktemp("key") / "payt.pem"
    key_file.write_text(demo_private_key_pem(), encoding="ascii")
    wizard = wizards(simulator("hybrid"))  # the token is prefilled; the user switches
    walk_to_token(qtbot, wizard)
    page = wizard.token
    qtbot.mouseClick(page.oauth_kind, Qt.MouseButton.LeftButton)
    assert page.token is None and not page.test.isEnabled()
    qtbot.keyClicks(page.oauth.client_id, DEMO_CLIENT_ID)
    qtbot.mouseClick(page.oauth.use_key, Qt.MouseButton.LeftButton)
    page.oauth.key_file.setText(str(tmp_path_factory.getbasetemp() / "missing.pem"))
    assert page.token is None and page.notice.status == "error"
    assert notice_has(page.notice, "niet te lezen")
    page.oauth.key_file.setText(str(key_file))
    qtbot.keyClicks(page.oauth.key_id, DEMO_KEY_ID)
    assert isinstance(page.token, OAuthClient) and page.token.key_id == DEMO_KEY_ID
    wait_idle(qtbot, wizard)
    qtbot.mouseClick(page.test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.notice.status == "ok", timeout=CHECK_MS)
    assert "private_key_jwt" in page.fact_labels["access_token"].text()
    click_next(qtbot, wizard)
    wait_check(qtbot, wizard)
    assert current_report(wizard).target.auth == "oauth_private_key_jwt"


@pytest.mark.secret_service
class TestWithTheSecretService:
    """Saved from the wizard with the secret in the real keyring; re-checked from the CLI."""

    @pytest.fixture
    def system_keyring(self, secret_service: None) -> Any:
        from payt_onboarding.profile.model import OAUTH_KEYRING_SERVICE
        from tests.support.keyring_session import purge

        purge(OAUTH_KEYRING_SERVICE)
        yield True
        purge(OAUTH_KEYRING_SERVICE)

    def test_saved_in_the_wizard_and_rechecked_from_the_cli(
            self, qtbot: QtBot, simulator: Any, wizards: MakeWizard, tmp_path: Path) -> None:
        wizard = wizards(simulator("oauth_healthy"),
                         credentials=demo_credentials("client_secret"))
        walk_to_token(qtbot, wizard)
        wait_idle(qtbot, wizard)
        assert wizard.token.remember.isChecked()
        click_next(qtbot, wizard)
        wait_check(qtbot, wizard)
        click_next(qtbot, wizard)
        click_next(qtbot, wizard)
        save_profile(qtbot, wizard)
        saved = wizard.summary.saved
        assert saved is not None and saved.token == "keyring", saved
        assert saved.profile.oauth is not None and saved.profile.oauth.stored is not None
        environ = {k: v for k, v in os.environ.items()
                   if k not in ("PYTHON_KEYRING_BACKEND", "PAYT_AFAS_CLIENT_SECRET",
                                "PAYT_AFAS_TOKEN")}
        done = subprocess.run(
            [sys.executable, "-m", "payt_onboarding.cli", "check", "--profile", PROFILE,
             "--format", "json", "--trust-base-url"],  # the simulator is not AFAS's address
            capture_output=True, text=True, env=environ, timeout=90,
            stdin=subprocess.DEVNULL, check=False)
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout)
        assert report["target"]["auth"] == "oauth_client_secret"
        assert DEMO_CLIENT_SECRET not in done.stdout + done.stderr
