"""The wizard window: six pages over one shared state, background jobs, remembered geometry,
and the About box.

The first page is painted before anything else is done: the other five pages (their modules
import the afas, messages and report packages) are built right after that paint, or at once
when something asks for one, and the background jobs (the profiles, the requirements: pydantic)
wait for it too, so no worker holds the GIL while Qt paints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QByteArray, QSettings, QTimer
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QWidget, QWizard

from payt_onboarding.gui.jobs import Jobs
from payt_onboarding.gui.pages.welcome import WelcomePage
from payt_onboarding.gui.state import WizardState
from payt_onboarding.gui.texts import translate
from payt_onboarding.profile.location import default_directory

if TYPE_CHECKING:
    from payt_onboarding.gui.pages.connectors import ConnectorsPage
    from payt_onboarding.gui.pages.environment import EnvironmentPage
    from payt_onboarding.gui.pages.mapping import MappingPage
    from payt_onboarding.gui.pages.summary import SummaryPage
    from payt_onboarding.gui.pages.token import TokenPage

GEOMETRY_KEY = "wizard/geometry"
# If no paint comes (a window shown minimised), the pages and jobs do not wait longer than this.
FIRST_PAINT_WAIT_MS = 300


class _Later(NamedTuple):
    """The pages after the first, in their order."""

    environment: EnvironmentPage
    token: TokenPage
    connectors: ConnectorsPage
    mapping: MappingPage
    summary: SummaryPage


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
        self._later: _Later | None = None
        self._painted = False
        self.welcome = WelcomePage(state, self.jobs)
        self.addPage(self.welcome)
        self.resize(900, 640)
        geometry = settings().value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self._shut = False

    def pages(self) -> _Later:
        """The pages after the first, built on first use."""
        if self._later is None:
            from payt_onboarding.gui.pages.connectors import ConnectorsPage
            from payt_onboarding.gui.pages.environment import EnvironmentPage
            from payt_onboarding.gui.pages.mapping import MappingPage
            from payt_onboarding.gui.pages.summary import SummaryPage
            from payt_onboarding.gui.pages.token import TokenPage

            state, jobs = self.state, self.jobs
            later = _Later(EnvironmentPage(state, jobs), TokenPage(state, jobs),
                           ConnectorsPage(state, jobs), MappingPage(state, jobs),
                           SummaryPage(state, jobs))
            for page in later:
                self.addPage(page)
            self._later = later
        return self._later

    @property
    def environment(self) -> EnvironmentPage:
        return self.pages().environment

    @property
    def token(self) -> TokenPage:
        return self.pages().token

    @property
    def connectors(self) -> ConnectorsPage:
        return self.pages().connectors

    @property
    def mapping(self) -> MappingPage:
        return self.pages().mapping

    @property
    def summary(self) -> SummaryPage:
        return self.pages().summary

    def setVisible(self, visible: bool) -> None:
        if visible and not self._painted:
            self.jobs.hold()  # the first page's jobs start once it has been painted
            QTimer.singleShot(FIRST_PAINT_WAIT_MS, self._first_paint_done)
        super().setVisible(visible)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            QTimer.singleShot(0, self._first_paint_done)  # after this paint, not within it

    def _first_paint_done(self) -> None:
        if self._painted:
            return
        self._painted = True
        if self._shut:
            return  # closed at once: nothing to build, nothing to read, an exit without waiting
        self.pages()  # first, so no worker imports while the GUI thread does
        # The requirements parsed (pydantic) on the pool, before the held jobs (the saved
        # profiles: pydantic too) start, and not on the GUI thread when a later page needs them.
        state = self.state
        self.jobs.release(first=lambda: state.requirements)

    def nextId(self) -> int:
        if self._later is None and self.currentPage() is self.welcome:
            return 1  # the environment page's id, once built (validateCurrentPage builds it)
        return super().nextId()

    def validateCurrentPage(self) -> bool:
        self.pages()  # Next goes to a page that exists
        return super().validateCurrentPage()

    def pageIds(self) -> list[int]:
        self.pages()
        return super().pageIds()

    def show_about(self) -> None:
        from payt_onboarding.gui.about import AboutDialog  # when asked for, not at start

        AboutDialog(self.state, self.jobs, self).exec()

    def shutdown(self) -> None:
        """Cancel what runs, wait for the threads, remember the window: once, however the
        window goes (Close, Cancel, Escape, the title bar's X)."""
        if self._shut:
            return
        self._shut = True
        self.jobs.shutdown()
        store = settings()
        geometry = self.saveGeometry()
        if store.value(GEOMETRY_KEY) != geometry:  # unchanged: no file written (a lock, fsync)
            store.setValue(GEOMETRY_KEY, geometry)
            store.sync()

    def may_close(self) -> bool:
        """A checked result, or mappings made, that no profile holds yet: ask before losing
        them (Close, Cancel, Escape and the title bar's X all come here)."""
        if self._shut or not self.state.unsaved:
            return True
        from PySide6.QtWidgets import QMessageBox  # its enums are made on import: not at start

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
