"""The `wizards` fixture of every wizard test: shown wizards against the simulator, each with its
own config directory, all shut down after the test (tests.support.wizard.open_wizards)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.support.wizard import MakeWizard, open_wizards


@pytest.fixture
def system_keyring() -> bool:
    """Whether the wizards use the keyring that keyring finds (the throw-away Secret Service of
    tests/keyring_session.sh) rather than none usable. A module that needs the real one
    overrides this fixture (test_wizard_keyring.py)."""
    return False


@pytest.fixture
def wizards(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
            system_keyring: bool) -> Iterator[MakeWizard]:
    yield from open_wizards(qtbot, monkeypatch, tmp_path, system_keyring=system_keyring)
