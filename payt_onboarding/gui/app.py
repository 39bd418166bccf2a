"""Start the wizard: the application, its language (Qt's own buttons too), the window."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from payt_onboarding.gui.state import Prefill, WizardState
from payt_onboarding.gui.texts import set_language, translate
from payt_onboarding.gui.wizard import OnboardingWizard
from payt_onboarding.vocabulary import Language

log = logging.getLogger(__name__)


def application(language: Language) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
        app.setApplicationName("payt-onboarding")
        app.setOrganizationName("Payt")
    set_language(language)
    return app


def _unexpected(kind: type[BaseException], error: BaseException,
                trace: TracebackType | None) -> None:
    """A bug in a slot: say so in a dialog, never a traceback on the user's screen."""
    log.error("unexpected error in the wizard: %s", kind.__name__)
    text = translate("App", "Something went wrong unexpectedly ({kind}). The window stays open; "
                            "try again or report this.")
    QMessageBox.critical(None, "Payt-onboarding", text.format(kind=kind.__name__))


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
