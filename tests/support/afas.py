"""Simulators on 127.0.0.1 and AfasClients for them, with retries fast enough for tests."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Callable, Coroutine, Iterator
from typing import Any, TypeVar

from payt_onboarding.afas.client import AfasClient, RetryPolicy
from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
from payt_onboarding.simulator.scenarios import build_config
from payt_onboarding.simulator.server import SimulatorServer

T = TypeVar("T")
# What the `simulator` fixture gives: start(scenario="healthy", tls=None, **build_config kwargs).
Start = Callable[..., SimulatorServer]

# Fast retries for tests; retry behaviour itself is tested with its own policies.
FAST_RETRY = RetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.05, deadline=10.0)


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


def simulators() -> Iterator[Start]:
    """The body of the `simulator` fixture: start simulators for a scenario on 127.0.0.1; all
    are stopped when the generator is closed."""
    servers: list[SimulatorServer] = []

    def start(scenario: str = "healthy", **kwargs: Any) -> SimulatorServer:
        tls = kwargs.pop("tls", None)
        config = build_config(scenario, **kwargs)
        server = SimulatorServer(config, tls=tls).start()
        servers.append(server)
        return server

    try:
        yield start
    finally:
        for server in servers:
            server.stop()


def make_client(server: SimulatorServer, **kwargs: Any) -> AfasClient:
    token = kwargs.pop("token", AfasToken.from_data(DEMO_TOKEN_DATA))
    kwargs.setdefault("retry", FAST_RETRY)
    environment = Environment.parse(DEMO_UID, base_url=server.url)
    return AfasClient(environment, token, **kwargs)


def demo_headers(language: str = "nl-nl") -> dict[str, str]:
    xml = f"<token><version>1</version><data>{DEMO_TOKEN_DATA}</data></token>"
    return {
        "Authorization": "AfasToken " + base64.b64encode(xml.encode()).decode(),
        "Accept-Language": language,
    }
