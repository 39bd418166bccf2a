"""Helpers for the profile and keyring tests: an in-memory keyring, tokens, profiles.

Their fixtures (a sandboxed config directory, a store in it, the in-memory keyring set as
keyring's own) are in tests/profile/conftest.py.
"""

from __future__ import annotations

import secrets
from typing import Any

from keyring.backend import KeyringBackend

from payt_onboarding.afas.token import AfasToken
from payt_onboarding.profile.model import Profile, TokenRef, Validation
from tests.support.leaks import register_secret


def unregister(cls: type[KeyringBackend]) -> None:
    """keyring registers every backend class it sees; test classes must never be chosen by
    keyring's own detection in other tests."""
    KeyringBackend._classes.discard(cls)


class MemoryKeyring(KeyringBackend):
    """A recommended keyring backend that keeps passwords in a dict."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("Password not found")


unregister(MemoryKeyring)


def new_token() -> AfasToken:
    """A fresh random token, registered with the suite's leak guard."""
    data = secrets.token_hex(32).upper()
    register_secret(data)
    return AfasToken.from_data(data)


def validation(verdict: str = "ready") -> Validation:
    return Validation(checked_at="2025-03-01T14:05:00+01:00", verdict=verdict,  # type: ignore[arg-type]
                      tool_version="0.1.0", report_sha256="ab" * 32)


def make_profile(name: str = "Klant Bakkerij de Vries (test)", **changes: Any) -> Profile:
    fields: dict[str, Any] = {
        "name": name,
        "uid": "12345",
        "environment": "test",
        "connectors": {"sales_entries": "Payt_sales_entries_v12"},
        "mappings": {"sales_entries": {"invoice_number": "Factuurnummer"}},
        "token": TokenRef(account="12345-test"),
        "validation": validation(),
    }
    fields.update(changes)
    return Profile(**fields)
