"""A bug in a slot: a dialog with what happened, where the log is and "Copy details", never a
traceback on the user's screen, and never a secret (the details pass the log's scrubber)."""

from __future__ import annotations

import logging
import traceback
from types import TracebackType
from typing import TYPE_CHECKING

from payt_onboarding.gui.texts import translate

if TYPE_CHECKING:  # Qt classes are made on first import, each with its enums: when a bug shows
    from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)


def error_details(kind: type[BaseException], error: BaseException,
                  trace: TracebackType | None) -> str:
    """The traceback and the versions, scrubbed: what "Copy details" puts on the clipboard."""
    # Imported when a bug shows, not at start (ssl, logging.handlers).
    from payt_onboarding.app.diagnostics import environment_lines
    from payt_onboarding.app.log_scrub import scrub
    from payt_onboarding.app.logfile import log_file

    lines = environment_lines("(see the About box)", str(log_file()), "")
    text = "".join(traceback.format_exception(kind, error, trace))
    return scrub("\n".join(line for line in lines if not line.endswith(": ")) + "\n\n" + text)


def unexpected_error_box(kind: type[BaseException], error: BaseException,
                         trace: TracebackType | None,
                         parent: QWidget | None = None) -> QMessageBox:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from payt_onboarding.app.log_scrub import scrub
    from payt_onboarding.app.logfile import log_file

    box = QMessageBox(QMessageBox.Icon.Critical, "Payt-onboarding",
                      translate("Errors", "Something went wrong unexpectedly. The window stays "
                                          "open: try again, or send the details and the log "
                                          "file to Payt."), parent=parent)
    message = scrub(str(error)) or kind.__name__
    box.setInformativeText(
        translate("Errors", "What happened: {message}\n\nLog file: {path}").format(
            message=f"{kind.__name__}: {message}" if str(error) else message,
            path=log_file()))
    details = error_details(kind, error, trace)
    box.setDetailedText(details)
    copy = box.addButton(translate("Errors", "&Copy details"),
                         QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    # An ActionRole button closes the box too; copy first, it is the button's whole point.
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    return box


def show_unexpected(kind: type[BaseException], error: BaseException,
                    trace: TracebackType | None) -> None:
    """sys.excepthook while the wizard runs."""
    log.error("unexpected error in the wizard", exc_info=(kind, error, trace))
    unexpected_error_box(kind, error, trace).exec()
