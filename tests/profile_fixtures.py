"""Helpers for the profile and keyring tests: an in-memory keyring, tokens, a sandboxed config.

Import the fixtures into a test module by name (`from profile_fixtures import config_dir`).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.core
import pytest
from conftest import SECRETS, register_secret
from keyring.backend import KeyringBackend

from payt_onboarding.afas.token import AfasToken
from payt_onboarding.profile.model import Profile, TokenRef, Validation
from payt_onboarding.profile.secrets import clear_session_tokens
from payt_onboarding.profile.store import CONFIG_DIR_ENV, ProfileStore


def _unregister(cls: type[KeyringBackend]) -> None:
    """keyring registers every backend class it sees; test classes must never be chosen by
    keyring's own detection in other tests."""
    KeyringBackend._classes.discard(cls)  # type: ignore[attr-defined]


class MemoryKeyring(KeyringBackend):
    """A recommended keyring backend that keeps passwords in a dict."""

    priority = 1  # type: ignore[assignment]

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


_unregister(MemoryKeyring)


def new_token() -> AfasToken:
    """A fresh random token, registered with the suite's leak guard."""
    data = secrets.token_hex(32).upper()
    register_secret(data)
    return AfasToken.from_data(data)


def secret_forms(token: AfasToken) -> list[str]:
    return [token.reveal_data(), token.xml(), token.authorization_header()]


def scan_for_secrets(root: Path, extra: list[str] | tuple[str, ...] = ()) -> list[Path]:
    """Every file under `root` that holds a registered secret (or one of `extra`), as text or
    bytes."""
    needles = [s.encode("utf-8") for s in (*SECRETS, *extra) if s]
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            if any(n in content for n in needles):
                found.append(path)
    return found


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The config root in tmp_path (also XDG config and data homes). After the test, no file in
    tmp_path holds a token."""
    root = tmp_path / "config"
    monkeypatch.setenv(CONFIG_DIR_ENV, str(root))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    yield root
    leaks = scan_for_secrets(tmp_path)
    assert not leaks, f"token found in {[p.name for p in leaks]}"


@pytest.fixture
def store(config_dir: Path) -> ProfileStore:
    return ProfileStore()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An in-memory backend set as keyring's global one, restored after the test."""
    previous: Any = keyring.core._keyring_backend  # type: ignore[attr-defined]
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.core._keyring_backend = previous  # type: ignore[attr-defined]
        clear_session_tokens()


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
