"""Page 3: the credentials: a classic token (masked) or the app connector's OAuth client; a
connection test off the GUI thread; where the secret will be kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from payt_onboarding.afas.credentials import CredentialInputError, Credentials, OAuthClient
from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.token import AfasToken, TokenFormatError
from payt_onboarding.gui.jobs import Jobs
from payt_onboarding.gui.pages.base import Page
from payt_onboarding.gui.pages.oauth_fields import OAuthFields
from payt_onboarding.gui.state import WizardState
from payt_onboarding.gui.texts import (
    in_language,
    keyring_name,
    language,
    report_labels,
    system_keyring_example,
    translate,
)
from payt_onboarding.gui.widgets import CheckBox, Notice, RadioButton, with_help
from payt_onboarding.report.labels import expiry

if TYPE_CHECKING:
    from payt_onboarding.app.connection import Connection
    from payt_onboarding.app.credentials import StoredSecret, StoredToken, StoreStatus


class TokenPage(Page):
    def __init__(self, state: WizardState, jobs: Jobs) -> None:
        super().__init__(state, jobs)
        self.setTitle(translate("TokenPage", "AppConnector credentials"))
        self.setSubTitle(translate("TokenPage", "What Payt reads the AFAS data with: a classic "
                                                "token, or the app connector's OAuth client."))
        layout = QVBoxLayout(self)
        kinds = QHBoxLayout()
        self.classic = RadioButton(translate("TokenPage", "Token (c&lassic)"))
        self.oauth_kind = RadioButton(translate("TokenPage", "&OAuth client"))
        self.classic.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.classic, self.oauth_kind):
            group.addButton(button)
            kinds.addWidget(button)
        kinds.addStretch(1)
        layout.addLayout(kinds)
        self.classic_box = QWidget()
        form = QFormLayout(self.classic_box)
        form.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.entry = QLineEdit()
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setPlaceholderText("<token><version>1</version><data>…</data></token>")
        self.entry.setAccessibleName(translate("TokenPage", "Token"))
        self.reveal = QPushButton(translate("TokenPage", "Sh&ow"))
        self.reveal.setCheckable(True)
        row.addWidget(self.entry, 1)
        row.addWidget(self.reveal)
        token_label = QLabel(translate("TokenPage", "&Token:"))
        token_label.setBuddy(self.entry)
        holder = QWidget()
        holder.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        form.addRow(token_label, with_help(holder, translate("TokenPage",
                                                             "Paste the token as AFAS gives it: "
                                                             "the <token>…</token> text, its "
                                                             "base64 form or just the long "
                                                             "value from <data>. It never "
                                                             "appears in reports or logs.")))
        layout.addWidget(self.classic_box)
        self.oauth = OAuthFields()
        layout.addWidget(self.oauth)

        self.remember = CheckBox(translate("TokenPage",
                                            "&Remember the token (looking for the keyring…)"))
        self.remember.setChecked(True)
        self.remember.setEnabled(False)
        self.store_note = QLabel()
        self.store_note.setWordWrap(True)
        self.store_note.hide()
        layout.addWidget(self.remember)
        layout.addWidget(self.store_note)

        test_row = QHBoxLayout()
        self.test = QPushButton(translate("TokenPage", "Test &connection"))
        test_row.addWidget(self.test)
        test_row.addStretch(1)
        layout.addLayout(test_row)
        self.notice = Notice()
        layout.addWidget(self.notice)
        self.facts = QWidget()
        facts = QFormLayout(self.facts)
        facts.setContentsMargins(0, 0, 0, 0)
        w = report_labels()
        self.fact_labels = {key: QLabel() for key in ("envid", "app_name", "user_group",
                                                      "token_expiry", "access_token")}
        names = {**w.target, "access_token": translate("TokenPage", "Access token")}
        self.fact_rows: dict[str, tuple[QLabel, QLabel]] = {}
        for key, label in self.fact_labels.items():
            label.setWordWrap(True)
            name = QLabel(names[key] + ":")
            facts.addRow(name, label)
            self.fact_rows[key] = (name, label)
        self.facts.hide()
        layout.addWidget(self.facts)
        layout.addStretch(1)

        self.token: Credentials | None = None
        self.entry.textChanged.connect(self._changed)
        self.oauth.changed.connect(self._changed)
        self.oauth_kind.toggled.connect(self._kind)
        self.reveal.toggled.connect(self._reveal)
        self.test.clicked.connect(self._test)
        self._filled_for: object = None
        self.refused: tuple[object, object] | None = None  # what AFAS refused at the last test
        self._kind()

    def initializePage(self) -> None:
        # The keyring loads with this page, not with the wizard.
        from payt_onboarding.app.credentials import (
            StoredSecret,
            StoredToken,
            StoreStatus,
            client_secret_account,
            keyring_status,
            load_stored_client_secret,
            load_stored_token,
        )

        if self.state.vault is None:
            self.jobs.start(lambda progress, cancel: keyring_status(), self._vault_found,
                            failed=lambda _: self._vault_found(StoreStatus(False, "none", "")))
        else:
            self._vault_found(self.state.vault)
        key = (self.state.profile, self.state.prefill)
        if self._filled_for == key:
            return
        self._filled_for = key
        profile, environment = self.state.profile, self.state.environment
        prefill = self.state.prefill.token if self.state.prefill else None
        refused = False
        if profile is not None and profile.auth != "classic_token" and profile.oauth:
            self.oauth_kind.setChecked(True)
            self.oauth.fill(profile.oauth)
            if profile.oauth.stored is not None and environment is not None:
                refused = not self._may_send_stored_secret(environment)
                if not refused:
                    stored = client_secret_account(environment, profile.oauth.client_id)
                    self.notice.show_notice("running", translate(
                        "TokenPage", "Reading the client secret from the keyring…"))
                    self.jobs.start(lambda progress, cancel: load_stored_client_secret(stored),
                                    self._secret_loaded,
                                    failed=lambda _: self._secret_loaded(StoredSecret(None)))
        elif profile is not None and profile.token is not None and environment is not None:
            refused = not self._may_send_stored_secret(environment)
            if not refused:
                self.notice.show_notice("running", translate(
                    "TokenPage", "Reading the token from the keyring…"))
                self.jobs.start(lambda progress, cancel: load_stored_token(environment),
                                self._loaded, failed=lambda _: self._loaded(StoredToken(None)))
        elif isinstance(prefill, OAuthClient) and profile is None:
            self.oauth_kind.setChecked(True)
            self.oauth.fill(prefill)
        elif isinstance(prefill, AfasToken) and profile is None:
            self.entry.setText(prefill.xml())
            self.entry.setCursorPosition(0)  # the start in view: no half mask dot at the edge
        self._changed()
        if refused:
            self.notice.show_notice("info", translate(
                "TokenPage", "The stored token or client secret was not used for this "
                "address: paste it to test it there."))
        elif (profile is not None and profile.token is None and not self.entry.text()
                and self.classic.isChecked()):
            self.notice.show_notice("info", translate(
                "TokenPage", "No token was stored with this profile: paste the token again."))

    def _may_send_stored_secret(self, environment: Environment) -> bool:
        """AFAS's own address, or the user says yes to another one: a profile may come from
        anyone, and its address would receive the stored token (or client secret)."""
        from payt_onboarding.app.credentials import needs_confirmation

        if not needs_confirmation(environment):
            return True
        answer = QMessageBox.question(
            self, translate("TokenPage",
                            "Send the stored token or client secret to this address?"),
            translate("TokenPage",
                      "This profile sends the token or client secret to {address}, not to "
                      "AFAS's own address for environment {uid} ({kind}): {afas}.\n\nOnly "
                      "continue if you trust this address, for example your own "
                      "simulator.").format(
                address=environment.base_url, uid=environment.uid,
                kind=report_labels().environments.get(environment.kind.value,
                                                      environment.kind.value),
                afas=environment.derived_url),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _vault_found(self, status: StoreStatus) -> None:
        self.state.vault = status
        self._remember_text()
        if status.usable:
            self.remember.setEnabled(True)
            self.store_note.hide()
        else:
            self.remember.setChecked(False)
            self.remember.setEnabled(False)
            self.store_note.setText(translate(
                "TokenPage", "There is no usable password vault ({example}) on this computer: "
                "the token or client secret is kept only while this window is open.")
                .format(example=system_keyring_example()))
            self.store_note.setToolTip(in_language(status.why, status.reason))
            self.store_note.show()

    def _loaded(self, result: StoredToken) -> None:
        token = result.token
        if token is not None:
            self.entry.setText(token.xml())
            self.entry.setCursorPosition(0)
            self.notice.show_notice("ok", translate("TokenPage", "Token loaded from the keyring."))
        else:
            self.notice.show_notice("warning", translate("TokenPage",
                                                         "The saved token was not found. Paste "
                                                         "the token again."),
                                    in_language(result.why, result.reason))

    def _secret_loaded(self, result: StoredSecret) -> None:
        if result.secret is not None:
            self.oauth.secret.setText(result.secret.reveal())
            self.notice.show_notice("ok", translate("TokenPage",
                                                    "Client secret loaded from the keyring."))
        else:
            self.notice.show_notice("warning", translate("TokenPage",
                                                         "The saved client secret was not "
                                                         "found. Paste it again."),
                                    in_language(result.why, result.reason))

    def _remember_text(self) -> None:
        status, oauth = self.state.vault, self.oauth_kind.isChecked()
        if status is None:
            return
        if status.usable:
            text = (translate("TokenPage", "&Remember the client secret in {name}") if oauth
                    else translate("TokenPage", "&Remember the token in {name}"))
            self.remember.setText(text.format(name=keyring_name(status.name)))
        else:
            self.remember.setText(translate("TokenPage", "&Remember the client secret") if oauth
                                  else translate("TokenPage", "&Remember the token"))

    def _kind(self) -> None:
        oauth = self.oauth_kind.isChecked()
        self.classic_box.setVisible(not oauth)
        self.oauth.setVisible(oauth)
        self._remember_text()
        self.notice.clear()
        self._changed()

    def _reveal(self, shown: bool) -> None:
        self.entry.setEchoMode(QLineEdit.EchoMode.Normal if shown
                               else QLineEdit.EchoMode.Password)
        self.reveal.setText(translate("TokenPage", "Hi&de") if shown
                            else translate("TokenPage", "Sh&ow"))

    def _changed(self) -> None:
        text = self.entry.text()
        self.facts.hide()
        try:
            if self.oauth_kind.isChecked():
                self.token = self.oauth.credentials()
            else:
                self.token = AfasToken.parse(text) if text.strip() else None
        except TokenFormatError as error:
            self.token = None
            self.notice.show_notice("error", translate("TokenPage", "This token cannot be read."),
                                    error.text(language()))
        except CredentialInputError as error:
            self.token = None
            self.notice.show_notice("error", translate("TokenPage",
                                                       "This OAuth client cannot be used."),
                                    error.text(language()))
        else:
            if self.token is None or (self.notice.isVisible() and self.notice.status == "error"):
                self.notice.clear()
        self.test.setEnabled(self.token is not None and self.state.environment is not None)
        self.completeChanged.emit()

    def _test(self) -> None:
        environment, token = self.state.environment, self.token
        if environment is None or token is None:
            return
        self.test.setEnabled(False)
        self.facts.hide()
        self.notice.show_notice("running", translate("TokenPage", "Testing the connection…"))
        lang = self.state.language
        from payt_onboarding.app.connection import probe_connection  # httpx, when used

        self.jobs.start(lambda progress, cancel: probe_connection(environment, token, lang),
                        self._tested, failed=self._failed)

    def _tested(self, result: Connection) -> None:
        self.test.setEnabled(self.token is not None)
        if result.info is None:
            # These credentials for this environment are refused: Next waits for others.
            self.refused = (self.state.environment, self.token)
            finding = result.findings[0]
            self.notice.show_notice(
                "error", finding.message, translate("TokenPage", "What to do: ") + finding.hint
                + "\n" + translate("TokenPage", "Next is possible once AFAS accepts the "
                                                 "credentials: change them and test again."))
            self.completeChanged.emit()
            return
        info, grant = result.info, result.grant
        values = {"envid": info.envid, "app_name": info.app_name, "user_group": info.group,
                  "token_expiry": expiry(report_labels(), info.token_expiry),
                  "access_token": translate(
                      "TokenPage", "{kind}, valid {minutes} min ({method})").format(
                      kind=grant.token_type, minutes=max(1, round(grant.expires_in / 60)),
                      method=grant.method) if grant else ""}
        for key, label in self.fact_labels.items():
            label.setText(values[key])
            shown = key != ("token_expiry" if grant else "access_token")
            for widget in self.fact_rows[key]:
                widget.setVisible(shown)
        self.facts.show()
        warning = result.findings[0] if result.findings else None
        if warning is not None:
            self.notice.show_notice("warning", warning.message, warning.hint)
        elif grant is not None:
            self.notice.show_notice("ok", translate(
                "TokenPage", "Connected: AFAS issued an access token to this OAuth client and "
                             "accepts it."))
        else:
            self.notice.show_notice("ok", translate("TokenPage",
                                                    "Connected: AFAS accepts this token."))

    def _failed(self, kind: str) -> None:
        self.test.setEnabled(True)
        self.notice.show_notice(
            "error", translate("TokenPage", "The test failed unexpectedly."), kind)

    def isComplete(self) -> bool:
        return self.token is not None and self.refused != (self.state.environment, self.token)

    def validatePage(self) -> bool:
        if not self.isComplete():
            return False
        self.state.token = self.token
        # Without a usable keyring the vault keeps it in memory, for this session only.
        vault = self.state.vault
        self.state.remember_token = self.remember.isChecked() or not (vault and vault.usable)
        return self.token is not None

