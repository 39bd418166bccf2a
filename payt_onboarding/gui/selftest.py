"""`--self-test`, the Qt part: the platform plugin, the Dutch translations (ours and Qt's own),
the window icon, the wizard built and shown once (a missing plugin or file fails here), and the
PDF report."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, qVersion
from PySide6.QtWidgets import QApplication

from payt_onboarding.app.selftest import CheckAndReport, Item, SelfTestFailure
from payt_onboarding.messages import Localized


def _platform() -> Localized:
    from payt_onboarding.gui.app import application

    app = application("nl")
    return Localized("selftest.platform.found", {
        "platform": app.platformName(), "qt": qVersion(), "pyside": PySide6.__version__})


def _translations() -> Localized:
    from payt_onboarding.gui.texts import set_language, translate

    set_language("nl")
    ours = translate("Wizard", "&Close")
    qt_context = "QWizard"  # Qt's own catalogue; a variable, so lupdate does not copy it to ours
    qt_own = QCoreApplication.translate(qt_context, "Cancel")
    if ours == "&Close":
        raise SelfTestFailure(Localized("selftest.translations.ours_missing"))
    if qt_own == "Cancel":
        raise SelfTestFailure(Localized("selftest.translations.qt_missing", {
            "folder": QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)}))
    return Localized("selftest.translations.found", {"ours": ours, "qt": qt_own})


def _icon() -> Localized:
    from payt_onboarding.gui.icon import app_icon

    icon = app_icon()
    # Each size decoded here: the wizard leaves that to Qt, when a size is first drawn.
    sizes = [s.width() for s in icon.availableSizes() if not icon.pixmap(s).isNull()]
    if not sizes:
        raise SelfTestFailure(Localized("selftest.icon.none"))
    return Localized("selftest.icon.found", {"count": len(sizes), "smallest": min(sizes),
                                             "largest": max(sizes)})


def _wizard() -> Localized:
    from payt_onboarding.gui.state import WizardState
    from payt_onboarding.gui.wizard import OnboardingWizard

    wizard = OnboardingWizard(WizardState(language="nl"))
    try:
        wizard.show()
        QApplication.processEvents()
        if not wizard.isVisible() or wizard.windowIcon().isNull():
            raise SelfTestFailure(Localized("selftest.wizard.not_shown"))
        return Localized("selftest.wizard.shown", {"count": len(wizard.pageIds()),
                                                   "first": wizard.currentPage().title()})
    finally:  # not shutdown(): that remembers the geometry of this test window as the user's
        wizard.jobs.shutdown()
        wizard.hide()
        wizard.deleteLater()


def pdf_item(check: CheckAndReport) -> Item:
    """The PDF of the check's report (Qt prints it): run after the check."""

    def render() -> Localized:
        from payt_onboarding.gui.report_pdf import render_pdf

        pdf = render_pdf(check.checked())
        if not pdf.startswith(b"%PDF-"):
            raise SelfTestFailure(Localized("selftest.pdf.none"))
        return Localized("selftest.pdf.bytes", {"size": len(pdf)})

    return ("selftest.pdf", render)


def qt_items() -> list[Item]:
    return [
        ("selftest.platform", _platform),
        ("selftest.translations", _translations),
        ("selftest.icon", _icon),
        ("selftest.wizard", _wizard),
    ]
