"""Start the wizard: the application, its language (Qt's own buttons too), its icon, the window,
and the dialog for a bug instead of a traceback."""

from __future__ import annotations

import atexit
import gc
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from payt_onboarding.gui.errors import show_unexpected
from payt_onboarding.gui.icon import app_icon
from payt_onboarding.gui.state import Prefill, WizardState
from payt_onboarding.gui.texts import set_language
from payt_onboarding.gui.wizard import OnboardingWizard
from payt_onboarding.vocabulary import Language

# bench/startup.py: quit as soon as the first page has been shown, to time the start.
QUIT_WHEN_SHOWN_ENV = "PAYT_ONBOARDING_QUIT_WHEN_SHOWN"


def application(language: Language) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
        # The process ends with the application: a full collection of everything the wizard
        # built (PySide's wrappers, pydantic's schemas) at exit takes 25 to 100 ms and frees
        # nothing the OS would not. Objects without cycles are still freed (a file closed, a
        # log flushed), and logging's exit handler, registered before this one, runs after it.
        atexit.register(gc.freeze)
        app.setApplicationName("payt-onboarding")
        app.setOrganizationName("Payt")
        # Linux: the .desktop file's name, so the window manager shows the installed icon.
        app.setDesktopFileName("nl.payt.onboarding")
    if app.windowIcon().isNull():  # every window shows it; also on an application made elsewhere
        app.setWindowIcon(app_icon())
    set_language(language)
    return app


def run_wizard(language: Language = "nl", prefill: Prefill | None = None) -> int:
    app = application(language)
    wizard = OnboardingWizard(WizardState(language=language, prefill=prefill))
    previous = sys.excepthook
    sys.excepthook = show_unexpected
    try:
        wizard.show()
        if os.environ.get(QUIT_WHEN_SHOWN_ENV):
            QTimer.singleShot(0, app.quit)  # after the show's events: the page is on screen
        return app.exec()
    finally:
        sys.excepthook = previous
        wizard.shutdown()  # the checks stopped and waited for, the window's place saved
