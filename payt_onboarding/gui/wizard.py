"""The wizard window: six pages over one shared state, background jobs, remembered geometry,
and the About box."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from payt_onboarding.gui.about import AboutDialog
from payt_onboarding.gui.jobs import Jobs
from payt_onboarding.gui.pages.connectors import ConnectorsPage
from payt_onboarding.gui.pages.environment import EnvironmentPage
from payt_onboarding.gui.pages.mapping import MappingPage
from payt_onboarding.gui.pages.summary import SummaryPage
from payt_onboarding.gui.pages.token import TokenPage
from payt_onboarding.gui.pages.welcome import WelcomePage
from payt_onboarding.gui.state import WizardState
from payt_onboarding.gui.texts import translate
from payt_onboarding.profile.store import default_directory

GEOMETRY_KEY = "wizard/geometry"


def settings() -> QSettings:
    """Beside the profiles (the config directory, which tests and users can redirect)."""
    path = default_directory().parent / "gui.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


class OnboardingWizard(QWizard):
    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.jobs = Jobs(self)
        self.setWindowTitle(translate("Wizard", "Payt onboarding: connect AFAS Profit"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, translate("Wizard", "&Close"))
        # About (version, log folder, diagnostics) on every page, at the left of the buttons.
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setButtonText(QWizard.WizardButton.CustomButton1, translate("Wizard", "&About"))
        b = QWizard.WizardButton
        self.setButtonLayout([b.CustomButton1, b.Stretch, b.BackButton, b.NextButton,
                              b.CommitButton, b.FinishButton, b.CancelButton])
        self.customButtonClicked.connect(self.show_about)
        self.welcome = WelcomePage(state, self.jobs)
        self.environment = EnvironmentPage(state, self.jobs)
        self.token = TokenPage(state, self.jobs)
        self.connectors = ConnectorsPage(state, self.jobs)
        self.mapping = MappingPage(state, self.jobs)
        self.summary = SummaryPage(state, self.jobs)
        for page in (self.welcome, self.environment, self.token, self.connectors, self.mapping,
                     self.summary):
            self.addPage(page)
        self.resize(900, 640)
        geometry = settings().value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self._shut = False

    def show_about(self) -> None:
        AboutDialog(self.state, self.jobs, self).exec()

    def shutdown(self) -> None:
        """Cancel what runs, wait for the threads, remember the window: once, however the
        window goes (Close, Cancel, Escape, the title bar's X)."""
        if self._shut:
            return
        self._shut = True
        self.jobs.shutdown()
        store = settings()
        store.setValue(GEOMETRY_KEY, self.saveGeometry())
        store.sync()

    def may_close(self) -> bool:
        """A checked result, or mappings made, that no profile holds yet: ask before losing
        them (Close, Cancel, Escape and the title bar's X all come here)."""
        if self._shut or not self.state.unsaved:
            return True
        answer = QMessageBox.question(
            self, translate("Wizard", "Close without saving?"),
            translate("Wizard", "The result of this check and the field mappings you chose "
                                "are not saved in a profile. Close anyway?"),
            QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Close

    def reject(self) -> None:
        if self.may_close():
            super().reject()

    def accept(self) -> None:
        if self.may_close():
            super().accept()

    def done(self, result: int) -> None:
        self.shutdown()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_close():
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)
