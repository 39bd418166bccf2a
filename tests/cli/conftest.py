"""The command line runs real processes in tmp_path: after each test, no file there may hold a
token (reports, profiles, anything a command wrote). `sim`: one simulator per scenario for a
whole module."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from payt_onboarding.simulator.scenarios import build_config
from payt_onboarding.simulator.server import SimulatorServer
from tests.support.leaks import scan_for_secrets


@pytest.fixture(autouse=True)
def no_token_in_files(tmp_path: Path) -> Iterator[None]:
    yield
    found = [p.name for p in scan_for_secrets(tmp_path)]
    assert not found, f"the token is in {found}"


@pytest.fixture(scope="module")
def sim() -> Iterator[Callable[[str], SimulatorServer]]:
    """One simulator per scenario for the whole module, started on first use."""
    servers: dict[str, SimulatorServer] = {}

    def get(scenario: str) -> SimulatorServer:
        if scenario not in servers:
            servers[scenario] = SimulatorServer(build_config(scenario)).start()
        return servers[scenario]

    yield get
    for server in servers.values():
        server.stop()
