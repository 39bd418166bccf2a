"""The OAuth client's fields on the credentials page: client id, then a client secret or a
private key file (with its optional key id), and how the client proves itself."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from payt_onboarding.afas.credentials import (
    ClientAuth,
    ClientSecret,
    CredentialInputError,
    OAuthClient,
    PrivateKey,
)
from payt_onboarding.gui.texts import translate
from payt_onboarding.gui.widgets import RadioButton, with_help

if TYPE_CHECKING:  # pydantic, when a profile is shown
    from payt_onboarding.profile.model import OAuthRef

_AUTHS: tuple[ClientAuth, ...] = ("auto", "post", "basic")


class OAuthFields(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.client_id = QLineEdit()
        self.client_id.setAccessibleName(translate("OAuthFields", "Client id"))
        form.addRow(translate("OAuthFields", "Client &id:"), with_help(
            self.client_id, translate("OAuthFields", "The client id of the app connector's "
                                                     "OAuth client in Profit.")))
        proof = QHBoxLayout()
        self.use_secret = RadioButton(translate("OAuthFields", "Client &secret"))
        self.use_key = RadioButton(translate("OAuthFields", "&Private key (file)"))
        self.use_secret.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.use_secret)
        group.addButton(self.use_key)
        proof.addWidget(self.use_secret)
        proof.addWidget(self.use_key)
        proof.addStretch(1)
        form.addRow(translate("OAuthFields", "Proves itself with:"), proof)

        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(translate("OAuthFields", "Client secret"))
        self.client_auth = QComboBox()
        for auth, label in zip(_AUTHS, (
                translate("OAuthFields", "Automatic (post, then basic)"),
                "client_secret_post", "client_secret_basic"), strict=True):
            self.client_auth.addItem(label, auth)
        self.secret_holder = _row(self.secret, self.client_auth)
        form.addRow(translate("OAuthFields", "S&ecret:"), with_help(
            self.secret_holder, translate("OAuthFields", "Shown once by Profit when the client "
                                                         "was made; it never appears in reports "
                                                         "or logs.")))

        self.key_file = QLineEdit()
        self.key_file.setAccessibleName(translate("OAuthFields", "Private key file"))
        self.browse = QPushButton(translate("OAuthFields", "&Browse…"))
        self.key_id = QLineEdit()
        self.key_id.setPlaceholderText(translate("OAuthFields", "key id (optional)"))
        self.key_id.setAccessibleName(translate("OAuthFields", "Key id"))
        self.key_holder = _row(self.key_file, self.browse, self.key_id)
        form.addRow(translate("OAuthFields", "&Key file:"), with_help(
            self.key_holder, translate("OAuthFields", "The PEM private key whose certificate "
                                                      "is uploaded in Profit. It stays in its "
                                                      "file; the profile keeps only its path.")))
        for edit in (self.client_id, self.secret, self.key_file, self.key_id):
            edit.textChanged.connect(self.changed)
        self.client_auth.currentIndexChanged.connect(self.changed)
        self.use_key.toggled.connect(self._proof)
        self.browse.clicked.connect(self._browse)
        self._proof()

    def credentials(self) -> OAuthClient | None:
        """The client as entered; None while empty. CredentialInputError says what is wrong."""
        if not self.client_id.text().strip():
            return None
        if self.use_key.isChecked():
            path = self.key_file.text().strip()
            if not path:
                return None
            # A small local file: read here, as the token field parses on every keystroke.
            key = PrivateKey.load(Path(path))
            return OAuthClient(self.client_id.text(), private_key=key,
                               key_id=self.key_id.text().strip() or None)
        if not self.secret.text():
            return None
        auth: ClientAuth = self.client_auth.currentData()
        return OAuthClient(self.client_id.text(), ClientSecret.parse(self.secret.text()),
                           client_auth=auth)

    def fill(self, client: OAuthClient | OAuthRef) -> None:
        from payt_onboarding.profile.model import OAuthRef

        """From a client (the demo's) or a profile's reference (no secret in it)."""
        self.client_id.setText(client.client_id)
        auth = client.client_auth if client.client_auth in _AUTHS else "auto"
        self.client_auth.setCurrentIndex(_AUTHS.index(auth))
        if isinstance(client, OAuthRef):
            path, kid = client.pem_file, client.kid
        else:
            key = client.private_key
            path, kid = (str(key.path) if key else None), client.key_id
            if client.secret is not None:
                self.secret.setText(client.secret.reveal())
        self.use_key.setChecked(path is not None)
        self.key_file.setText(path or "")
        self.key_id.setText(kid or "")

    def _proof(self) -> None:
        with_key = self.use_key.isChecked()
        self.secret_holder.setEnabled(not with_key)
        self.key_holder.setEnabled(with_key)
        self.changed.emit()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("OAuthFields", "Private key"), self.key_file.text(),
            translate("OAuthFields", "PEM private key (*.pem *.key);;All files (*)"))
        if path:
            self.key_file.setText(path)


def _row(first: QWidget, *rest: QWidget) -> QWidget:
    """Widgets side by side, the first taking the room."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(first, 1)
    for widget in rest:
        row.addWidget(widget)
    return holder


__all__ = ["CredentialInputError", "OAuthFields"]
