"""Shared fixtures: simulators on loopback, clients for them, and the token-leak guard.

The guard collects every secret the suite uses, records every log line at DEBUG level, and fails
any test whose log records, captured output or failure report contains one of them.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import os
from collections.abc import Callable, Coroutine, Iterator
from typing import Any, TypeVar

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from payt_onboarding.afas.client import AfasClient, RetryPolicy
from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
from payt_onboarding.simulator.scenarios import build_config
from payt_onboarding.simulator.server import SimulatorServer

T = TypeVar("T")

SECRETS: set[str] = set()


def register_secret(data: str) -> None:
    """Remember every form in which token `data` could leak."""
    token = AfasToken.from_data(data)
    header = token.authorization_header()
    SECRETS.update({data, token.xml(), header, header.split(" ", 1)[1]})


register_secret(DEMO_TOKEN_DATA)

# Fast retries for tests; retry behaviour itself is tested with its own policies.
FAST_RETRY = RetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.05, deadline=10.0)


def leaked(text: str) -> list[str]:
    return [s for s in SECRETS if s and s in text]


@pytest.fixture(autouse=True, scope="session")
def isolated_config(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Profiles of every test (and every program a test starts) go to a temp directory, never
    the user's own; after the run, no file there may hold a token."""
    from payt_onboarding.profile.store import CONFIG_DIR_ENV

    root = tmp_path_factory.mktemp("config")
    previous = os.environ.get(CONFIG_DIR_ENV)
    os.environ[CONFIG_DIR_ENV] = str(root)
    yield
    if previous is None:
        os.environ.pop(CONFIG_DIR_ENV, None)
    else:
        os.environ[CONFIG_DIR_ENV] = previous
    found = [p for p in root.rglob("*")
             if p.is_file() and leaked(p.read_bytes().decode("utf-8", "replace"))]
    assert not found, f"the token is in {found}"


class _RecordAll(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info:
            text += logging.Formatter().formatException(record.exc_info)
        self.texts.append(text)


@pytest.fixture(autouse=True)
def no_token_in_logs() -> Iterator[None]:
    handler = _RecordAll()
    root = logging.getLogger()
    old_level = root.level
    root.setLevel(logging.DEBUG)
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    found = [t for t in handler.texts if leaked(t)]
    assert not found, f"{len(found)} log record(s) contain the token"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[Any]:
    outcome = yield
    report = outcome.get_result()
    texts = [report.longreprtext] + [content for _, content in report.sections]
    if any(leaked(t) for t in texts):
        report.outcome = "failed"
        report.longrepr = "the token appears in this test's output or failure report"


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


@pytest.fixture
def simulator() -> Iterator[Callable[..., SimulatorServer]]:
    """Start simulators for a scenario on 127.0.0.1; all are stopped after the test."""
    servers: list[SimulatorServer] = []

    def start(scenario: str = "healthy", **kwargs: Any) -> SimulatorServer:
        tls = kwargs.pop("tls", None)
        config = build_config(scenario, **kwargs)
        server = SimulatorServer(config, tls=tls).start()
        servers.append(server)
        return server

    yield start
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
