"""`--self-test`, the Qt part: the platform plugin, the Dutch translations (ours and Qt's own),
the window icon, the wizard built and shown once (a missing plugin or file fails here), and the
PDF report."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, qVersion
from PySide6.QtWidgets import QApplication

from payt_onboarding.app.selftest import CheckAndReport, Item, SelfTestFailure


def _platform() -> str:
    from payt_onboarding.gui.app import application

    app = application("nl")
    return f"{app.platformName()} (Qt {qVersion()}, PySide6 {PySide6.__version__})"


def _translations() -> str:
    from payt_onboarding.gui.texts import set_language, translate

    set_language("nl")
    ours = translate("Wizard", "&Close")
    qt_context = "QWizard"  # Qt's own catalogue; a variable, so lupdate does not copy it to ours
    qt_own = QCoreApplication.translate(qt_context, "Cancel")
    if ours == "&Close":
        raise SelfTestFailure("payt_onboarding_nl.qm did not load")
    if qt_own == "Cancel":
        raise SelfTestFailure("qtbase_nl.qm did not load from "
                              + QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return f"Dutch: ours ('{ours}') and Qt's own ('{qt_own}')"


def _icon() -> str:
    from payt_onboarding.gui.icon import app_icon

    sizes = [s.width() for s in app_icon().availableSizes()]
    if not sizes:
        raise SelfTestFailure("no icon size loaded")
    return f"{len(sizes)} sizes, {min(sizes)} to {max(sizes)} px"


def _wizard() -> str:
    from payt_onboarding.gui.state import WizardState
    from payt_onboarding.gui.wizard import OnboardingWizard

    wizard = OnboardingWizard(WizardState(language="nl"))
    try:
        wizard.show()
        QApplication.processEvents()
        if not wizard.isVisible() or wizard.windowIcon().isNull():
            raise SelfTestFailure("the wizard did not show, or without its icon")
        return f"{len(wizard.pageIds())} pages, first: {wizard.currentPage().title()}"
    finally:  # not shutdown(): that remembers the geometry of this test window as the user's
        wizard.jobs.shutdown()
        wizard.hide()
        wizard.deleteLater()


def pdf_item(check: CheckAndReport) -> Item:
    """The PDF of the check's report (Qt prints it): run after the check."""

    def render() -> str:
        from payt_onboarding.gui.report_pdf import render_pdf

        pdf = render_pdf(check.checked())
        if not pdf.startswith(b"%PDF-"):
            raise SelfTestFailure("Qt wrote no PDF")
        return f"{len(pdf):,} bytes"

    return ("PDF report", render)


def qt_items() -> list[Item]:
    return [
        ("Qt platform plugin", _platform),
        ("translations", _translations),
        ("window icon", _icon),
        ("wizard window", _wizard),
    ]
