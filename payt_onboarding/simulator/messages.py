"""AFAS error messages in Dutch and English (reference/afas-profit-rest.md 4.3).

AFAS picks the language from `Accept-Language`; without it, the environment's base language,
which for a Dutch client is Dutch.
"""

from __future__ import annotations

from enum import Enum


class Message(Enum):
    # (errorNumber, English, Dutch); "{}" takes a field id.
    UNEXPECTED = (
        -2147180999,
        "An unexpected error has occurred.",
        "Er is een onverwachte fout opgetreden.",
    )
    NOT_SUPPORTED = (
        -2147180996,
        "GetConnector not supported for this app or the user is not authorized",
        "GetConnector niet ondersteund voor deze app of de gebruiker is niet geautoriseerd",
    )
    SUBJECT_NOT_SUPPORTED = (
        -2147180996,
        "SubjectConnector not supported for this app or the user is not authorized",
        "SubjectConnector niet ondersteund voor deze app of de gebruiker is niet geautoriseerd",
    )
    UPDATE_NOT_SUPPORTED = (
        -2147180996,
        "General message: This UpdateConnector is not supported or the user is not authorized.",
        "General message: Deze UpdateConnector wordt niet ondersteund of de gebruiker is niet "
        "geautoriseerd.",
    )
    VERSION_NOT_SUPPORTED = (
        -2147180996,
        "ProfitVersion is not supported for this app or the user is not authorized",
        "ProfitVersion niet ondersteund voor deze app of de gebruiker is niet geautoriseerd",
    )
    BLOCKED = (
        -2147180996,
        "This GetConnector (definition) is blocked",
        "Deze GetConnector (definitie) is geblokkeerd",
    )
    FIELD_NOT_FOUND = (
        -2147180996,
        "Connector field '{}' not found",
        "Connector-veld '{}' niet gevonden",
    )
    SERVER_TIMEOUT = (
        -2147180999,
        "Command timeout expired.",
        "De maximale tijdsduur voor het uitvoeren van de opdracht is verstreken.",
    )
    MAINTENANCE = (
        503,
        "Service temporarily unavailable due to scheduled maintenance. "
        "Please check afasstatus.nl for details.",
        "De dienst is tijdelijk niet beschikbaar door gepland onderhoud. "
        "Kijk op afasstatus.nl voor details.",
    )

    @property
    def number(self) -> int:
        return int(self.value[0])

    def text(self, language: str, *args: str) -> str:
        template = self.value[1] if language == "en" else self.value[2]
        return str(template).format(*args)


def language_of(accept_language: str | None) -> str:
    """`en` for an English Accept-Language, else `nl` (the base language of a Dutch client)."""
    first = (accept_language or "").split(",")[0].strip().lower()
    return "en" if first.startswith("en") else "nl"
