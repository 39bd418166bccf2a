"""Retries: only transient failures, bounded in count and in time, honouring Retry-After."""

from __future__ import annotations

import base64
import random
import socket
import time
from collections.abc import Callable

import httpx
import pytest

from payt_onboarding.afas import errors
from payt_onboarding.afas.client import AfasClient, RetryPolicy
from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, Fault
from payt_onboarding.simulator.server import SimulatorServer
from payt_onboarding.vocabulary import Code
from tests.support.afas import make_client, run

Start = Callable[..., SimulatorServer]


def metainfo(server: SimulatorServer, retry: RetryPolicy) -> object:
    async def go() -> object:
        async with make_client(server, retry=retry) as client:
            return await client.metainfo()

    return run(go())


def test_503_is_retried_exactly_max_attempts_times(simulator: Start) -> None:
    server = simulator("healthy")
    server.config.add_fault(Fault("unavailable", retry_after=0.01))
    policy = RetryPolicy(max_attempts=4, base_delay=0.01, deadline=10)
    with pytest.raises(errors.ServiceUnavailable) as caught:
        metainfo(server, policy)
    assert caught.value.code is Code.CONNECTION_UNAVAILABLE
    assert caught.value.retry_after == pytest.approx(0.01)
    assert [r.status for r in server.requests] == [503] * 4


def test_retry_after_is_honoured(simulator: Start) -> None:
    server = simulator("healthy")
    server.config.add_fault(Fault("unavailable", retry_after=0.4, times=1))
    metainfo(server, RetryPolicy(max_attempts=3, base_delay=0.01, deadline=10))
    first, second = server.requests
    assert second.started - first.ended >= 0.4


def test_retry_after_is_capped(simulator: Start) -> None:
    server = simulator("healthy")
    server.config.add_fault(Fault("unavailable", retry_after=7200, times=1))
    started = time.perf_counter()
    metainfo(server, RetryPolicy(max_attempts=3, base_delay=0.01, max_retry_after=0.2,
                                 deadline=10))
    assert time.perf_counter() - started < 2


def test_the_deadline_bounds_all_attempts(simulator: Start) -> None:
    server = simulator("healthy")
    server.config.add_fault(Fault("unavailable", retry_after=5))
    started = time.perf_counter()
    with pytest.raises(errors.ServiceUnavailable):
        metainfo(server, RetryPolicy(max_attempts=10, max_retry_after=5, deadline=1.0))
    assert time.perf_counter() - started < 1.0
    assert len(server.requests) == 1, "waiting 5 s would pass the 1 s deadline: give up at once"


@pytest.mark.parametrize("scenario", ["token_rejected", "ip_restricted"])
def test_401_and_403_are_never_retried(simulator: Start, scenario: str) -> None:
    server = simulator(scenario)
    with pytest.raises(errors.AfasError):
        metainfo(server, RetryPolicy(max_attempts=5, base_delay=0.01))
    assert len(server.requests) == 1


def test_backoff_grows_and_is_jittered() -> None:
    policy = RetryPolicy(base_delay=0.5, max_delay=8.0)
    rng = random.Random(1)
    waits = [[policy.delay(attempt, None, rng) for _ in range(200)] for attempt in (1, 2, 3, 6)]
    assert max(waits[0]) <= 0.5 and max(waits[1]) <= 1.0 and max(waits[2]) <= 2.0
    assert max(waits[3]) <= 8.0 and max(waits[3]) > 4.0, "capped at max_delay"
    assert len(set(waits[0])) > 150, "jittered"


# Cases a real server on loopback cannot produce: AFAS itself never sends 429, an answer with
# only the obsolete header, or a DNS failure.


def mock_client(handler: Callable[[httpx.Request], httpx.Response], **kwargs: object) -> AfasClient:
    environment = Environment.parse("12345")
    return AfasClient(environment, AfasToken.from_data(DEMO_TOKEN_DATA),
                      transport=httpx.MockTransport(handler), **kwargs)  # type: ignore[arg-type]


def test_429_is_retried() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            return httpx.Response(429, headers={"Retry-After": "0"})
        return httpx.Response(200, json={"getConnectors": [], "info": {
            "envid": "O12345AA", "appName": "a", "group": "g"}})

    async def go() -> object:
        async with mock_client(handler, retry=RetryPolicy(base_delay=0.01)) as client:
            return await client.metainfo()

    run(go())
    assert len(calls) == 2


def test_profit_error_header_alone_is_decoded() -> None:
    message = "Deze GetConnector (definitie) is geblokkeerd"

    def handler(request: httpx.Request) -> httpx.Response:
        header = base64.b64encode(message.encode()).decode()
        return httpx.Response(500, headers={"X-PROFIT-ERROR": header})

    async def go() -> None:
        async with mock_client(handler) as client:
            await client.rows("Payt_administrations")

    with pytest.raises(errors.ConnectorBlocked) as caught:
        run(go())
    assert message in str(caught.value)


def test_dns_failure_is_unreachable_and_not_retried() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        try:
            raise socket.gaierror(-2, "Name or service not known")
        except socket.gaierror as exc:
            raise httpx.ConnectError("[Errno -2] Name or service not known") from exc

    async def go() -> None:
        async with mock_client(handler, retry=RetryPolicy(base_delay=0.01)) as client:
            await client.metainfo()

    with pytest.raises(errors.ConnectionUnreachable) as caught:
        run(go())
    assert "12345.rest.afas.online" in str(caught.value)
    assert len(calls) == 1


def test_the_token_travels_only_in_the_authorization_header() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"skip": 0, "take": 1, "rows": []})

    async def go() -> None:
        async with mock_client(handler) as client:
            await client.rows("Payt_administrations", take=1, order_by=["administration_code"])

    run(go())
    (request,) = seen
    token = AfasToken.from_data(DEMO_TOKEN_DATA)
    assert request.headers["Authorization"] == token.authorization_header()
    assert request.headers["Accept-Language"] == "nl-nl"
    assert DEMO_TOKEN_DATA not in str(request.url)
    assert str(request.url).startswith("https://12345.rest.afas.online/ProfitRestServices/connectors/")


def test_the_deadline_bounds_a_slow_attempt_too(simulator: Start) -> None:
    server = simulator("healthy")
    server.config.add_fault(Fault("slow", delay=3))
    started = time.perf_counter()
    with pytest.raises(errors.RequestTimeout) as caught:
        metainfo(server, RetryPolicy(max_attempts=3, deadline=0.5))
    assert time.perf_counter() - started < 1.5
    assert caught.value.code is Code.CONNECTION_TIMEOUT


def test_a_query_afas_is_still_working_on_is_not_sent_again(simulator: Start) -> None:
    # Reference 5: a client timeout does not stop AFAS; asking again stacks the same load.
    server = simulator("healthy")
    server.config.add_fault(Fault("slow", match="/connectors/", delay=1.0))

    async def go() -> None:
        async with make_client(server, timeout=httpx.Timeout(0.3),
                               retry=RetryPolicy(max_attempts=4, base_delay=0.01,
                                                 deadline=10)) as client:
            await client.rows("Payt_administrations", take=1,
                              order_by=["administration_code"])

    with pytest.raises(errors.RequestTimeout):
        run(go())
    time.sleep(1.2)  # the server logs a request once its (slow) answer is written
    assert server.paths("/connectors/") == ["/connectors/payt_administrations"]


def test_a_proxy_from_the_environment_is_not_used_for_loopback(
    simulator: Start, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A proxy would see the token of a plain-http request, and a dead one would break the demo.
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("ALL_PROXY", "http://127.0.0.1:9")
    assert metainfo(simulator("healthy"), RetryPolicy(max_attempts=1)) is not None
