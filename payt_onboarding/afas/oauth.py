"""OAuth client credentials against AFAS Profit (reference/afas-oauth.md sections 3 to 5).

`TokenSource` asks `{base}/oauth/token` for an access token, keeps it in memory and hands it
out until shortly before `expires_in` runs out; one token request at a time per client.
`BearerAuth` puts it on every request, and after a 401 `Bearer error="invalid_token"` asks for a
new one once and sends the request again.

Client authentication: `post` and `basic` send the secret, `private_key_jwt` a fresh signed
assertion (PyJWT) per token request. `auto` with a secret tries `post` (every Profit version)
and, only on `invalid_client`, `basic` (Profit 9); the one that worked is kept for the client's
life. With a private key `auto` is `private_key_jwt`, the only method a key allows.
"""

from __future__ import annotations

import asyncio
import base64
import json
import time
import uuid
from collections import deque
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator, Mapping
from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote_plus

import httpx
import jwt

from payt_onboarding.afas.credentials import ClientSecret, OAuthClient, SealedText
from payt_onboarding.afas.errors import (
    AfasError,
    OAuthClientRejected,
    OAuthRequestRejected,
    OAuthTokenRejected,
    ServiceUnavailable,
    UnexpectedResponse,
    retry_after_seconds,
)

__all__ = ["AccessToken", "BearerAuth", "TokenGrant", "TokenSource", "token_url"]

Method = Literal["post", "basic", "private_key_jwt"]
Post = Callable[[str, Mapping[str, str], Mapping[str, str]], Awaitable[httpx.Response]]

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
ASSERTION_LIFETIME = 60  # seconds; AFAS prefers 60 and refuses more than 300
# Renew this long before the token runs out (a tenth of a short lifetime), so a request never
# leaves with a token that expires on its way.
MAX_RENEW_MARGIN = 30.0
DEFAULT_LIFETIME = 3600
_PATH = "/oauth/token"
_REQUEST_ERRORS = ("invalid_request", "unsupported_grant_type", "unauthorized_client")


class AccessToken(SealedText):
    """An OAuth access token: secret, in memory only."""

    __slots__ = ()


@dataclass(frozen=True)
class TokenGrant:
    """What the last token request gave: no secret, for the report and the wizard."""

    token_type: str
    expires_in: int  # seconds
    method: Method  # the client authentication that worked
    requests: int  # token requests made so far by this client


def token_url(base_url: str) -> str:
    return base_url.rstrip("/") + _PATH


def invalid_token(response: httpx.Response) -> bool:
    """A 401 whose challenge says the bearer token itself was refused."""
    challenge = response.headers.get("WWW-Authenticate", "").lower()
    return response.status_code == 401 and "bearer" in challenge and "invalid_token" in challenge


class TokenSource:
    def __init__(
        self,
        client: OAuthClient,
        base_url: str,
        post: Post,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.client = client
        self.url = token_url(base_url)
        self._post = post
        self._clock = clock
        self._wall_clock = wall_clock
        self._lock: asyncio.Lock | None = None  # made in the loop that uses it
        self._token: AccessToken | None = None
        self._renew_at = 0.0
        self._method: Method | None = None  # settled once a request with it succeeded
        # The tokens and assertions sent lately, for scrubbing server texts; older ones can no
        # longer be quoted back by a request in flight.
        self._seen: deque[str] = deque(maxlen=32)
        self.grant: TokenGrant | None = None
        self.requests = 0

    async def token(self, refused: AccessToken | None = None) -> AccessToken:
        """A valid access token: the one in memory, or a new one. `refused` is a token a
        connector just refused: a new one is asked for, unless another request already did."""
        self._lock = self._lock or asyncio.Lock()
        async with self._lock:
            current = self._token
            fresh = current is not None and self._clock() < self._renew_at
            if fresh and current is not None and (refused is None or current != refused):
                return current
            return await self._request()

    def forms(self) -> tuple[str, ...]:
        """Every secret text a server could quote back: secret, tokens, assertions."""
        secret = self.client.secret
        extra = (secret.reveal(), quote_plus(secret.reveal())) if secret else ()
        return (*extra, *self._seen)

    async def _request(self) -> AccessToken:
        methods = self._methods()
        for number, method in enumerate(methods, 1):
            try:
                return await self._request_with(method)
            except OAuthClientRejected:
                if number == len(methods):
                    raise
        raise AssertionError("unreachable: _methods is never empty")

    def _methods(self) -> tuple[Method, ...]:
        chosen = self.client.client_auth
        if self._method is not None:
            return (self._method,)
        if self.client.private_key is not None:
            return ("private_key_jwt",)
        if chosen == "auto":
            return ("post", "basic")
        assert chosen != "private_key_jwt"
        return (chosen,)

    async def _request_with(self, method: Method) -> AccessToken:
        form, headers = self._authentication(method)
        self.requests += 1
        response = await self._post(self.url, {"grant_type": "client_credentials", **form},
                                    {"Accept": "application/json", **headers})
        if response.status_code != 200:
            raise self._refusal(response, method)
        token, token_type, expires_in = self._parse(response)
        self._method = method
        self._token = token
        self._seen.append(token.reveal())
        self._renew_at = self._clock() + expires_in - min(MAX_RENEW_MARGIN, expires_in / 10)
        self.grant = TokenGrant(token_type, expires_in, method, self.requests)
        return token

    def _authentication(self, method: Method) -> tuple[dict[str, str], dict[str, str]]:
        client = self.client
        if method == "private_key_jwt":
            assertion = self._assertion()
            self._seen.append(assertion)
            return ({"client_id": client.client_id, "client_assertion_type": ASSERTION_TYPE,
                     "client_assertion": assertion}, {})
        secret = client.secret
        assert isinstance(secret, ClientSecret)
        if method == "post":
            return {"client_id": client.client_id, "client_secret": secret.reveal()}, {}
        # RFC 6749 2.3.1, as AFAS documents it: each part form-url-encoded, then joined.
        pair = f"{quote_plus(client.client_id)}:{quote_plus(secret.reveal())}"
        basic = base64.b64encode(pair.encode("utf-8")).decode("ascii")
        self._seen.append(basic)
        return {}, {"Authorization": f"Basic {basic}"}

    def _assertion(self) -> str:
        key = self.client.private_key
        assert key is not None
        issued = int(self._wall_clock())
        claims = {"iss": self.client.client_id, "sub": self.client.client_id, "aud": self.url,
                  "jti": uuid.uuid4().hex, "iat": issued, "exp": issued + ASSERTION_LIFETIME}
        headers = {"kid": self.client.key_id} if self.client.key_id else None
        return jwt.encode(claims, key.reveal(), algorithm=key.algorithm, headers=headers)

    def _parse(self, response: httpx.Response) -> tuple[AccessToken, str, int]:
        data = _json_object(response)
        token, kind, lifetime = (data.get("access_token"), data.get("token_type", "Bearer"),
                                 data.get("expires_in", DEFAULT_LIFETIME))
        if (not isinstance(token, str) or not token.strip() or not isinstance(kind, str)
                or kind.lower() != "bearer" or isinstance(lifetime, bool)
                or not isinstance(lifetime, int | float) or lifetime <= 0):
            raise UnexpectedResponse(
                "The token endpoint's answer is not the access_token/token_type/expires_in "
                "AFAS sends.", status=response.status_code, path=_PATH,
                reason="no Bearer access token in the answer")
        return AccessToken(token.strip()), kind, int(lifetime)

    def _refusal(self, response: httpx.Response, method: Method) -> AfasError:
        status = response.status_code
        if status in (429, 503):  # 503: AFAS's replay-detection store; retried like any 503
            return ServiceUnavailable(f"The token endpoint is unavailable (HTTP {status}).",
                                      status=status, path=_PATH,
                                      retry_after=retry_after_seconds(response))
        if status == 404:
            return OAuthRequestRejected(
                "The environment has no OAuth token endpoint (HTTP 404).", error="HTTP 404",
                status=status, path=_PATH, reason="no token endpoint (HTTP 404)")
        data = _json_object(response, quiet=True)
        error, description = data.get("error"), data.get("error_description")
        if not isinstance(error, str) or status not in (400, 401):
            return UnexpectedResponse(
                f"Unexpected answer from the token endpoint (HTTP {status}).",
                status=status, path=_PATH, reason=f"HTTP {status}")
        detail = error + (f": {description}" if isinstance(description, str) and description
                          else "")
        text = self._scrub(f"The token endpoint answered {detail.rstrip('.')}.")
        detail = self._scrub(detail)
        if error == "invalid_client":
            return OAuthClientRejected(text, client_id=self.client.client_id,
                                       with_key=method == "private_key_jwt", status=status,
                                       path=_PATH, reason=detail)
        return OAuthRequestRejected(text, error=error, status=status, path=_PATH, reason=detail)

    def _scrub(self, text: str) -> str:
        for secret in self.forms():
            if secret:
                text = text.replace(secret, "[secret]")
        return text


def _json_object(response: httpx.Response, *, quiet: bool = False) -> dict[str, object]:
    try:
        data = json.loads(response.content)
    except ValueError:
        data = None
    if isinstance(data, dict):
        return data
    if quiet:
        return {}
    kind = response.headers.get("Content-Type", "").split(";")[0] or "no content type"
    raise UnexpectedResponse(
        f"Expected JSON from the token endpoint but got {kind} (HTTP {response.status_code}).",
        status=response.status_code, path=_PATH, reason=f"HTTP {response.status_code}, {kind}")


class BearerAuth(httpx.Auth):
    """`Authorization: Bearer <token>` per request; one renewal after `invalid_token`."""

    def __init__(self, source: TokenSource) -> None:
        self.source = source

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response,
                                                                   None]:
        raise RuntimeError("the AFAS client is asynchronous only")

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        token = await self.source.token()
        request.headers["Authorization"] = f"Bearer {token.reveal()}"
        response = yield request
        if invalid_token(response):
            # Read (which frees its pooled connection) before asking for a new token: refused
            # requests could otherwise hold every connection the token request needs.
            await response.aread()
            token = await self.source.token(refused=token)
            request.headers["Authorization"] = f"Bearer {token.reveal()}"
            yield request

    def classify_401(self, response: httpx.Response) -> AfasError | None:
        """The refusal of the access token (after the one renewal), or None: another 401."""
        if not invalid_token(response):
            return None
        return OAuthTokenRejected(
            "AFAS refused the access token (HTTP 401), also after a new one.", status=401,
            path=response.request.url.path, reason='Bearer error="invalid_token"')

    def forms(self) -> tuple[str, ...]:
        return self.source.forms()

    def __repr__(self) -> str:
        return f"BearerAuth({self.source.client.client_id!r})"
