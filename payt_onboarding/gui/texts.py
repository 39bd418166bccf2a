"""The wizard's own words, Dutch and English side by side as in the finding catalog and the
report labels: no build step, and a missing translation cannot happen."""

from __future__ import annotations

from payt_onboarding.report.labels import Labels, labels_for
from payt_onboarding.report.model import Language

_language: Language = "nl"


def set_language(language: Language) -> None:
    global _language
    _language = language


def language() -> Language:
    return _language


def t(nl: str, en: str) -> str:
    """The text in the wizard's language; `&` marks a mnemonic as in Qt."""
    return nl if _language == "nl" else en


def words() -> Labels:
    """The report's vocabulary (verdicts, statuses, severities) in the wizard's language."""
    return labels_for(_language)
