"""Fixtures of the profile and keyring tests: a sandboxed config directory, a store in it, and
an in-memory keyring set as keyring's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.core
import pytest

from payt_onboarding.profile.secrets import clear_session_tokens
from payt_onboarding.profile.store import CONFIG_DIR_ENV, ProfileStore
from tests.support.leaks import scan_for_secrets
from tests.support.profiles import MemoryKeyring


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
    previous: Any = keyring.core._keyring_backend
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.core._keyring_backend = previous
        clear_session_tokens()
