"""Which language the program speaks (DESIGN.md section 3): `--language` wherever it stands
on the line, else PAYT_ONBOARDING_LANGUAGE, else the system's language (Dutch for nl_*, else
English)."""

from __future__ import annotations

import os
import sys

from payt_onboarding.vocabulary import Language

LANGUAGE_ENV = "PAYT_ONBOARDING_LANGUAGE"


def resolve_language(*asked: str | None) -> Language:
    """The first language asked for on the line, else the environment's, else the system's."""
    for choice in (*asked, os.environ.get(LANGUAGE_ENV)):
        language = _language_of(choice)
        if language is not None:
            return language
    return system_language()


def system_language() -> Language:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):  # POSIX order of precedence
        value = os.environ.get(variable)
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    if sys.platform == "win32":
        import ctypes

        # The user's display language; 0x13 is Dutch, whatever the region (nl-NL, nl-BE).
        ui = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
        return "nl" if ui & 0x3FF == 0x13 else "en"
    import locale  # the last resort: not on the start-up path where LANG is set

    name = locale.getlocale()[0] or ""
    return "nl" if name.lower().startswith(("nl", "dutch")) else "en"


def _language_of(text: str | None) -> Language | None:
    if not text:
        return None
    word = text.strip().lower()[:2]
    return "nl" if word == "nl" else "en" if word == "en" else None
