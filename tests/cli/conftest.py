"""The command line runs real processes in tmp_path: after each test, no file there may hold a
token (reports, profiles, anything a command wrote)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.leaks import scan_for_secrets


@pytest.fixture(autouse=True)
def no_token_in_files(tmp_path: Path) -> Iterator[None]:
    yield
    found = [p.name for p in scan_for_secrets(tmp_path)]
    assert not found, f"the token is in {found}"
