"""The wizard's language: its own words through Qt's translation system (English source, the
Dutch in resources/i18n/payt_onboarding_nl.ts, compiled to .qm by scripts/translations.py),
Qt's own buttons and dialogs from Qt's qtbase catalogue, the report's words from its labels."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from payt_onboarding.gui.packaged import on_disk
from payt_onboarding.vocabulary import Language

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from payt_onboarding.messages import Localized
    from payt_onboarding.report.labels import Labels

_language: Language = "nl"
_installed: list[QTranslator] = []


def set_language(language: Language) -> None:
    """Call once the QApplication exists, before any page is built."""
    global _language
    _language = language
    app = QCoreApplication.instance()
    if app is None:
        return
    while _installed:
        app.removeTranslator(_installed.pop())
    if language == "en":
        return  # the source text is English
    ours = QTranslator(app)
    # Found as importlib.resources would find it, so a frozen bundle finds it too (DESIGN.md
    # section 2), without importing it before the first paint (gui/packaged.py).
    path = on_disk("i18n", f"payt_onboarding_{language}.qm")
    if path is not None:
        loaded = ours.load(path)
    else:
        from importlib.resources import as_file

        with as_file(qm_path(language)) as copy:
            loaded = ours.load(str(copy))
    if loaded:
        _installed.append(ours)
    qt_own = QTranslator(app)  # Next, Back, Cancel, the file dialogs
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(QLocale(language), "qtbase", "_", folder):
        _installed.append(qt_own)
    for translator in _installed:
        app.installTranslator(translator)


def qm_path(language: str) -> Traversable:
    from importlib.resources import files

    return files("payt_onboarding") / "resources" / "i18n" / f"payt_onboarding_{language}.qm"


def language() -> Language:
    return _language


def in_language(why: Localized | None, english: str) -> str:
    """A reason the layers below give in any language (`why`) in the wizard's, else their
    English words (`reason`, `str(error)`)."""
    return why.render(_language) if why is not None else english


def translate(context: str, text: str) -> str:
    """`text` (English, the source) in the wizard's language, from the installed .qm.

    A bare function named `translate` with a literal context is what pyside6-lupdate finds;
    placeholders are filled with .format() after translation, never by f-strings before it.
    """
    return QCoreApplication.translate(context, text)


def report_labels() -> Labels:
    """The report's vocabulary (verdicts, statuses, severities) in the wizard's language."""
    from payt_onboarding.report.labels import labels_for  # not before the first paint

    return labels_for(_language)


def keyring_name(name: str) -> str:
    """The keyring's name as this OS calls it in the wizard's language ("Windows
    Referentiebeheer"); a backend we do not know by name as the keyring library names it."""
    known = {
        "Windows Credential Manager": translate("Keyring", "Windows Credential Manager"),
        "macOS Keychain": translate("Keyring", "macOS Keychain"),
        "Secret Service (GNOME Keyring / KWallet)": translate("Keyring", "GNOME Keyring / KWallet"),
        "Secret Service via libsecret (GNOME Keyring / KWallet)":
            translate("Keyring", "GNOME Keyring / KWallet"),
    }
    return known.get(name, name)


def system_keyring_example() -> str:
    """The password vault this OS has, to name where there is none usable."""
    if sys.platform == "win32":
        return translate("Keyring", "Windows Credential Manager")
    if sys.platform == "darwin":
        return translate("Keyring", "macOS Keychain")
    return translate("Keyring", "GNOME Keyring or KWallet")
