"""The About box: version, Python/PySide6/Qt, where the requirements come from, the log folder
(open it), a switch for a detailed log, and "Copy diagnostics" for a support request."""

from __future__ import annotations

import html
import platform
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from payt_onboarding import __version__
from payt_onboarding.app.diagnostics import diagnostics_text, environment_lines, frozen
from payt_onboarding.app.logfile import debug_enabled, log_directory, log_file, set_debug
from payt_onboarding.gui.icon import app_icon
from payt_onboarding.gui.jobs import Jobs
from payt_onboarding.gui.state import WizardState
from payt_onboarding.gui.texts import in_language, report_labels, translate
from payt_onboarding.gui.widgets import CheckBox
from payt_onboarding.report.labels import origin

if TYPE_CHECKING:
    from payt_onboarding.app.credentials import StoreStatus


class AboutDialog(QDialog):
    def __init__(self, state: WizardState, jobs: Jobs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(translate("About", "About Payt onboarding"))
        layout = QVBoxLayout(self)

        head = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(64, 64))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        head.addWidget(logo)
        title = QLabel(translate("About", "<b>Payt onboarding</b> {version}<br>Connect AFAS "
                                          "Profit to Payt and prove the connection works.")
                       .format(version=html.escape(__version__)))
        title.setWordWrap(True)
        head.addWidget(title, 1)
        layout.addLayout(head)

        form = QFormLayout()
        build = translate("About", "installer or app") if frozen() else \
            translate("About", "Python package")
        form.addRow(translate("About", "Version:"), QLabel(f"{__version__} ({build})"))
        form.addRow(translate("About", "Python, PySide6, Qt:"), QLabel(
            f"{platform.python_version()}, {PySide6.__version__}, {qVersion()}"))
        requirements = QLabel(self._requirements())
        requirements.setWordWrap(True)
        form.addRow(translate("About", "Payt requirements:"), requirements)
        self.keyring = QLabel(self._keyring_text(state.vault))
        self.keyring.setWordWrap(True)
        form.addRow(translate("About", "Keyring:"), self.keyring)
        url = QUrl.fromLocalFile(str(log_directory())).toString()
        folder = QLabel(f'<a href="{html.escape(url)}">{html.escape(str(log_directory()))}</a>')
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        folder.linkActivated.connect(self.open_log_folder)
        folder.setWordWrap(True)
        form.addRow(translate("About", "Log folder:"), folder)
        layout.addLayout(form)

        self.debug = CheckBox(translate("About", "&Detailed log (for a support request)"))
        self.debug.setChecked(debug_enabled())
        self.debug.toggled.connect(set_debug)
        layout.addWidget(self.debug)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy = QPushButton(translate("About", "Copy &diagnostics"))
        self.copy.setToolTip(translate("About", "Versions, system, keyring and the last check's "
                                                "outcome, for an e-mail to Payt. Never the "
                                                "token."))
        self.copy.clicked.connect(self.copy_diagnostics)
        buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if state.vault is None:  # looked up on the pool: the keyring can block on D-Bus
            from payt_onboarding.app.credentials import keyring_status  # the keyring, when used

            jobs.start(lambda progress, cancel: keyring_status(), self._vault_found,
                       failed=lambda _: None)
        else:
            self._vault_found(state.vault)

    def _requirements(self) -> str:
        return origin(report_labels(), self.state.requirements.origin)

    @staticmethod
    def _keyring_text(status: StoreStatus | None) -> str:
        if status is None:
            return translate("About", "looking…")
        if status.usable:
            return status.name
        return translate("About", "none usable: the token is kept for this session only")

    def _vault_found(self, status: StoreStatus) -> None:
        self.state.vault = status
        self.keyring.setText(self._keyring_text(status))
        self.keyring.setToolTip(in_language(status.why, status.reason))

    def open_log_folder(self) -> None:
        log_directory().mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_directory())))

    def diagnostics(self) -> str:
        vault = self.state.vault
        keyring = "not looked up yet" if vault is None else (
            f"{vault.name}, usable" if vault.usable else f"{vault.name}, not usable "
                                                         f"({vault.reason})")
        lines = environment_lines(keyring, str(log_file()), self._requirements())
        lines.insert(2, f"PySide6 {PySide6.__version__}, Qt {qVersion()}")
        session = self.state.session
        report = session.report() if session is not None else None
        return diagnostics_text(lines, report.verdict if report else None,
                                report.codes() if report else ())

    def copy_diagnostics(self) -> None:
        QApplication.clipboard().setText(self.diagnostics())
        self.copy.setText(translate("About", "Copied"))
