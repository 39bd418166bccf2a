"""Start the wizard: the application, its language (Qt's own buttons too), the window."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from payt_onboarding.gui.state import Prefill, WizardState
from payt_onboarding.gui.texts import set_language, t
from payt_onboarding.gui.wizard import OnboardingWizard
from payt_onboarding.report.model import Language

log = logging.getLogger(__name__)


def application(language: Language) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
        app.setApplicationName("payt-onboarding")
        app.setOrganizationName("Payt")
    set_language(language)
    if language == "nl":
        # Qt's own words (Next, Back, Cancel, file dialogs) in Dutch as well.
        translator = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(QLocale(QLocale.Language.Dutch), "qtbase", "_", folder):
            app.installTranslator(translator)
    return app


def _unexpected(kind: type[BaseException], error: BaseException,
                trace: TracebackType | None) -> None:
    """A bug in a slot: say so in a dialog, never a traceback on the user's screen."""
    log.error("unexpected error in the wizard: %s", kind.__name__)
    QMessageBox.critical(None, "Payt-onboarding", t(
        f"Er ging onverwacht iets mis ({kind.__name__}). Het venster blijft open; probeer het "
        "opnieuw of meld dit.",
        f"Something went wrong unexpectedly ({kind.__name__}). The window stays open; try "
        "again or report this."))


def run_wizard(language: Language = "nl", prefill: Prefill | None = None) -> int:
    app = application(language)
    wizard = OnboardingWizard(WizardState(language=language, prefill=prefill))
    previous = sys.excepthook
    sys.excepthook = _unexpected
    try:
        wizard.show()
        return app.exec()
    finally:
        sys.excepthook = previous
        wizard.shutdown()
