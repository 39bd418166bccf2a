"""The simulator's /oauth/token as the reference documents it, spoken to with plain httpx."""

from __future__ import annotations

import time
import uuid
from typing import Any

import httpx
import jwt
import pytest

from payt_onboarding.simulator.oauth import (
    ASSERTION_TYPE,
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    DEMO_KEY_ID,
    demo_private_key_pem,
)

GRANT = {"grant_type": "client_credentials"}
POST_AUTH = {"client_id": DEMO_CLIENT_ID, "client_secret": DEMO_CLIENT_SECRET}


def token(server: Any, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.post(server.url + "/oauth/token", content=body if isinstance(body, str) else None,
                      data=None if isinstance(body, str) else body,
                      headers={"Content-Type": "application/x-www-form-urlencoded",
                               **(headers or {})})


def assertion(server: Any, **claims: Any) -> str:
    now = int(time.time())
    payload = {"iss": DEMO_CLIENT_ID, "sub": DEMO_CLIENT_ID, "aud": server.url + "/oauth/token",
               "jti": uuid.uuid4().hex, "iat": now, "exp": now + 60, **claims}
    return jwt.encode(payload, demo_private_key_pem(), algorithm="ES256",
                      headers={"kid": DEMO_KEY_ID})


def with_assertion(signed: str) -> dict[str, str]:
    return {**GRANT, "client_id": DEMO_CLIENT_ID, "client_assertion_type": ASSERTION_TYPE,
            "client_assertion": signed}


@pytest.fixture
def oauth(simulator: Any) -> Any:
    return simulator("oauth_healthy")


def test_a_token_answer_has_no_refresh_token(oauth: Any) -> None:
    answer = token(oauth, {**GRANT, **POST_AUTH})
    assert answer.status_code == 200
    body = answer.json()
    assert set(body) == {"access_token", "token_type", "expires_in"}
    assert (body["token_type"], body["expires_in"]) == ("Bearer", 3600)
    bearer = {"Authorization": f"Bearer {body['access_token']}"}
    assert httpx.get(oauth.url + "/metainfo", headers=bearer).status_code == 200


def test_a_wrong_secret_is_400_without_a_description(oauth: Any) -> None:
    answer = token(oauth, {**GRANT, "client_id": DEMO_CLIENT_ID, "client_secret": "wrong"})
    assert (answer.status_code, answer.json()) == (400, {"error": "invalid_client"})


@pytest.mark.parametrize("body,error", [
    ("grant_type=client_credentials&grant_type=client_credentials", "invalid_request"),
    (f"client_id={DEMO_CLIENT_ID}&client_secret={DEMO_CLIENT_SECRET}", "invalid_request"),
    (f"grant_type=password&client_id={DEMO_CLIENT_ID}&client_secret={DEMO_CLIENT_SECRET}",
     "unsupported_grant_type"),
])
def test_request_errors(oauth: Any, body: str, error: str) -> None:
    answer = token(oauth, body)
    assert (answer.status_code, answer.json()["error"]) == (400, error)


def test_two_client_authentications_at_once_are_invalid_request(oauth: Any) -> None:
    both = {**GRANT, **POST_AUTH, "client_assertion_type": ASSERTION_TYPE,
            "client_assertion": assertion(oauth)}
    assert token(oauth, both).json()["error"] == "invalid_request"


def test_an_assertion_is_accepted_once(oauth: Any) -> None:
    signed = assertion(oauth)
    assert token(oauth, with_assertion(signed)).status_code == 200
    again = token(oauth, with_assertion(signed))
    assert (again.status_code, again.json()["error"]) == (400, "invalid_client")
    assert "jti" in again.json()["error_description"]


@pytest.mark.parametrize("claims,accepted", [
    ({"iat": 50}, True),  # a clock 50 s ahead: within the 60 s skew
    ({"exp": 290}, True),
    ({"exp": 600}, False),  # more than 5 minutes out
    ({"exp": -120}, False),  # expired beyond the skew
    ({"aud": "https://elsewhere.example/oauth/token"}, False),
    ({"sub": "someone-else"}, False),
])
def test_assertion_claims(oauth: Any, claims: dict[str, Any], accepted: bool) -> None:
    # Times are offsets from now, taken when the test runs, not when it was collected.
    now = int(time.time())
    timed = {k: now + v if k in ("iat", "exp") else v for k, v in claims.items()}
    answer = token(oauth, with_assertion(assertion(oauth, **timed)))
    assert (answer.status_code == 200) is accepted, answer.text


def test_a_bearer_401_says_invalid_token_and_no_credentials_offers_bearer(oauth: Any) -> None:
    refused = httpx.get(oauth.url + "/metainfo", headers={"Authorization": "Bearer nope"})
    assert refused.status_code == 401
    assert refused.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    bare = httpx.get(oauth.url + "/metainfo")
    assert (bare.status_code, bare.headers["WWW-Authenticate"]) == (401, "Bearer, DPoP")


def test_an_expired_access_token_is_refused(simulator: Any) -> None:
    server = simulator("oauth_short_lived", latency=0)
    access = token(server, {**GRANT, **POST_AUTH}).json()["access_token"]
    bearer = {"Authorization": f"Bearer {access}"}
    assert httpx.get(server.url + "/metainfo", headers=bearer).status_code == 200
    time.sleep(1.1)
    assert httpx.get(server.url + "/metainfo", headers=bearer).status_code == 401
