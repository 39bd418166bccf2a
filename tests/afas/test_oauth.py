"""The OAuth client against the simulator: each client authentication, token reuse and renewal,
one token request in flight, and every refusal as the error of its finding code."""

from __future__ import annotations

import asyncio
import base64
from typing import Any

import httpx
import pytest

from payt_onboarding.afas.credentials import ClientSecret, OAuthClient
from payt_onboarding.afas.errors import (
    AfasError,
    OAuthClientRejected,
    OAuthRequestRejected,
    OAuthTokenRejected,
    TokenClassicRefused,
    TokenRejected,
)
from payt_onboarding.afas.oauth import TokenSource
from payt_onboarding.simulator.config import Fault
from payt_onboarding.simulator.demo import demo_credentials
from payt_onboarding.simulator.oauth import DEMO_CLIENT_ID
from payt_onboarding.simulator.scenarios import HandsOver
from payt_onboarding.simulator.server import SimulatorServer
from tests.support.afas import make_client, run
from tests.support.leaks import register_client_secret


def token_requests(server: SimulatorServer) -> list[int]:
    return [r.status for r in server.requests if r.method == "POST"]


async def metainfo_twice(server: SimulatorServer, credentials: Any) -> Any:
    async with make_client(server, token=credentials) as client:
        await client.metainfo()
        await client.metainfo()
        return client.grant


@pytest.mark.parametrize("kind,auth,method", [
    ("client_secret", "auto", "post"), ("client_secret", "post", "post"),
    ("client_secret", "basic", "basic"), ("private_key", "auto", "private_key_jwt")])
def test_each_client_authentication_gets_a_token_that_is_reused(
        simulator: Any, kind: HandsOver, auth: Any, method: str) -> None:
    server = simulator("oauth_healthy")
    grant = run(metainfo_twice(server, demo_credentials(kind, client_auth=auth)))
    assert grant is not None
    assert (grant.token_type, grant.expires_in, grant.method) == ("Bearer", 3600, method)
    assert token_requests(server) == [200]  # one token for both calls
    assert [r.status for r in server.requests if r.method == "GET"] == [200, 200]


def test_basic_form_url_encodes_id_and_secret_before_joining(simulator: Any) -> None:
    client_id, secret = "payt:client/1", "s3cr:et+/ä&=%"  # what Basic would otherwise garble
    register_client_secret(secret)
    server = simulator("oauth_healthy")
    assert server.config.app.oauth is not None
    server.config.app.oauth.client_id, server.config.app.oauth.secret = client_id, secret
    client = OAuthClient(client_id, ClientSecret.parse(secret), client_auth="basic")
    assert run(metainfo_twice(server, client)).method == "basic"
    # The same pair joined without encoding splits at the id's colon: refused.
    naive = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
    answer = httpx.post(server.url + "/oauth/token", data={"grant_type": "client_credentials"},
                        headers={"Authorization": f"Basic {naive}"})
    assert (answer.status_code, answer.json()) == (401, {"error": "invalid_client"})
    assert answer.headers["WWW-Authenticate"].startswith("Basic")


def test_auto_falls_back_to_basic_only_on_invalid_client(simulator: Any) -> None:
    server = simulator("oauth_healthy")
    assert server.config.app.oauth is not None
    server.config.app.oauth.secret_methods = ("basic",)
    grant = run(metainfo_twice(server, demo_credentials("client_secret", client_auth="auto")))
    assert grant.method == "basic"
    assert token_requests(server) == [400, 200]  # post refused, basic kept for the second call
    with pytest.raises(OAuthClientRejected):
        # No fallback when post was asked for.
        run(metainfo_twice(server, demo_credentials("client_secret", client_auth="post")))


def test_a_token_request_in_flight_is_shared(simulator: Any) -> None:
    server = simulator("oauth_healthy", latency=0.05)

    async def go() -> None:
        async with make_client(server, token=demo_credentials("client_secret")) as client:
            await asyncio.gather(*(client.metainfo() for _ in range(6)))
    run(go())
    assert token_requests(server) == [200]
    assert server.max_in_flight >= 2


def test_a_refused_token_is_renewed_once_then_reported(simulator: Any) -> None:
    server = simulator("oauth_healthy")

    async def go() -> None:
        async with make_client(server, token=demo_credentials("client_secret")) as client:
            await client.metainfo()
            server.config.oauth_state._tokens.clear()  # AFAS forgot the token: renew, go on
            await client.metainfo()
            assert token_requests(server) == [200, 200]
            # Now every bearer token is refused, though new ones are still issued.
            server.config.oauth_state.valid = lambda token: False
            with pytest.raises(OAuthTokenRejected) as caught:
                await client.rows("Payt_administrations", take=1)
            assert caught.value.status == 401
    run(go())
    assert token_requests(server) == [200, 200, 200]  # one renewal, then the refusal


def test_the_token_is_renewed_before_it_runs_out() -> None:
    now = [1000.0]
    sent: list[dict[str, str]] = []

    async def post(url: str, data: Any, headers: Any) -> httpx.Response:
        sent.append(dict(data))
        return httpx.Response(200, json={"access_token": f"at{len(sent)}", "token_type": "Bearer",
                                         "expires_in": 100},
                              request=httpx.Request("POST", url))

    client = demo_credentials("client_secret")
    assert isinstance(client, OAuthClient)
    source = TokenSource(client, "http://127.0.0.1:1/ProfitRestServices", post,
                         clock=lambda: now[0])

    async def go() -> list[str]:
        tokens = [(await source.token()).reveal()]
        now[0] += 85  # inside the margin of 10 s? not yet
        tokens.append((await source.token()).reveal())
        now[0] += 6  # 91 s: within 10 s of the end, renewed ahead of time
        tokens.append((await source.token()).reveal())
        return tokens
    assert run(go()) == ["at1", "at1", "at2"]
    assert sent[0]["grant_type"] == "client_credentials"


def test_invalid_client_names_the_client_and_never_the_secret(simulator: Any) -> None:
    server = simulator("oauth_secret_expired")
    with pytest.raises(OAuthClientRejected) as caught:
        run(metainfo_twice(server, demo_credentials("client_secret", client_auth="post")))
    error = caught.value
    assert (error.client_id, error.with_key, error.status) == (DEMO_CLIENT_ID, False, 400)
    assert "expired" in error.message
    with pytest.raises(OAuthClientRejected) as basic:
        run(metainfo_twice(server, demo_credentials("client_secret", client_auth="basic")))
    assert basic.value.status == 401  # 401 with WWW-Authenticate: Basic for Basic


def test_a_wrong_key_is_invalid_client_with_the_key_causes(simulator: Any) -> None:
    with pytest.raises(OAuthClientRejected) as caught:
        run(metainfo_twice(simulator("oauth_wrong_key"), demo_credentials("private_key")))
    assert caught.value.with_key


def test_an_app_connector_on_classic_refuses_the_token_request(simulator: Any) -> None:
    with pytest.raises(OAuthRequestRejected) as caught:
        run(metainfo_twice(simulator("healthy"), demo_credentials("client_secret")))
    assert caught.value.error == "unauthorized_client"


def test_a_503_of_the_token_endpoint_is_retried(simulator: Any) -> None:
    server = simulator("oauth_healthy")
    server.config.add_fault(Fault("unavailable", match="/oauth/token", times=1, retry_after=0))
    assert run(metainfo_twice(server, demo_credentials("client_secret"))) is not None
    assert token_requests(server) == [503, 200]


@pytest.mark.parametrize("challenge,error", [(True, TokenClassicRefused), (False, TokenRejected)])
def test_a_classic_token_on_an_oauth_app_connector(
        simulator: Any, challenge: bool, error: type[AfasError]) -> None:
    server = simulator("oauth_only_classic_refused")
    server.config.switches.oauth_classic_refused_challenge = challenge
    with pytest.raises(error):
        run(metainfo_twice(server, demo_credentials("token")))


def test_hybrid_accepts_both(simulator: Any) -> None:
    server = simulator("hybrid")
    for kind in ("token", "client_secret", "private_key"):
        run(metainfo_twice(server, demo_credentials(kind)))
    assert all(r.status == 200 for r in server.requests)
