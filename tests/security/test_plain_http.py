"""Plain http only to this computer: a name is not trusted for what it says (`*.localhost` may
go to DNS), every address it resolves to must be loopback, and the connection goes to the
address that was checked, with no second lookup a resolver could answer differently."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from payt_onboarding.afas.environment import Environment, EnvironmentInputError
from payt_onboarding.afas.errors import ConnectionUnreachable
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.app.check import check_environment
from payt_onboarding.checks.session import CheckOptions
from payt_onboarding.requirements.load import load_requirements
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
from payt_onboarding.simulator.server import SimulatorServer
from tests.support.afas import FAST_RETRY, Start, run

TOKEN = AfasToken.from_data(DEMO_TOKEN_DATA)
ELSEWHERE = "192.0.2.2"  # TEST-NET-1: never this computer
_real_getaddrinfo = socket.getaddrinfo


def steer(monkeypatch: pytest.MonkeyPatch, answers: Callable[[int], list[str]]) -> list[str]:
    """Make every lookup of `localhost` answer `answers(n)` (n: the how-manieth lookup); the
    returned list records the lookups."""
    looked_up: list[str] = []

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host != "localhost":
            return _real_getaddrinfo(host, port, *args, **kwargs)
        looked_up.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, int(port)))
                for address in answers(len(looked_up))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return looked_up


def _by_name(server: SimulatorServer) -> Environment:
    return Environment.parse(DEMO_UID, base_url=f"http://localhost:{server.port}"
                             "/ProfitRestServices")


@pytest.mark.parametrize("host", ["pay.localhost", "12345.rest.afas.online.localhost"])
def test_a_localhost_subdomain_is_not_loopback_by_name(host: str) -> None:
    with pytest.raises(EnvironmentInputError):
        Environment.parse(DEMO_UID, base_url=f"http://{host}:18080")
    done = subprocess.run(
        [sys.executable, "-m", "payt_onboarding.cli", "check", "--uid", DEMO_UID,
         "--base-url", f"http://{host}:18080"],
        capture_output=True, text=True, timeout=60, check=False, stdin=subprocess.DEVNULL,
        env={"PAYT_AFAS_TOKEN": DEMO_TOKEN_DATA, "PATH": ""})
    assert done.returncode == 64, done.stderr
    assert "Traceback" not in done.stderr


def test_a_name_that_also_resolves_elsewhere_gets_no_request(
    simulator: Start, monkeypatch: pytest.MonkeyPatch
) -> None:
    from payt_onboarding.afas.client import AfasClient

    server = simulator("healthy")
    steer(monkeypatch, lambda n: ["127.0.0.1", ELSEWHERE])

    async def ask() -> ConnectionUnreachable:
        async with AfasClient(_by_name(server), TOKEN, retry=FAST_RETRY) as client:
            with pytest.raises(ConnectionUnreachable) as caught:
                await client.metainfo()
            return caught.value

    error = run(ask())
    assert "not this computer" in (error.reason or "")
    assert server.requests == [], "a request went out over plain http"


def test_the_connection_goes_to_the_checked_address(
    simulator: Start, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A resolver that answers loopback once, then somewhere else (DNS rebinding).
    server = simulator("healthy")
    looked_up = steer(monkeypatch, lambda n: ["127.0.0.1"] if n == 1 else [ELSEWHERE])
    report = run(check_environment(_by_name(server), TOKEN, load_requirements(None),
                                   CheckOptions(language="en")))
    assert not report.codes("error"), report.codes()  # every request reached the simulator
    assert looked_up == ["localhost"], "a second lookup could have sent the token elsewhere"
    assert server.paths("/connectors/"), "the check read rows from the checked address"
