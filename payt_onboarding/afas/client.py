"""The AFAS Profit REST client: one connection pool, bounded concurrency, careful retries.

An `AfasClient` belongs to one event loop (httpx's pool does): create it inside the coroutine
that uses it, `async with AfasClient(...) as client:`.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import logging
import random
import socket
import ssl
import time
from collections.abc import AsyncIterator, Generator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar
from urllib.parse import quote

import httpx
import truststore
from pydantic import BaseModel, ValidationError

from payt_onboarding import __version__
from payt_onboarding.afas.credentials import AuthKind, Credentials, OAuthClient, auth_kind
from payt_onboarding.afas.environment import Environment, is_loopback
from payt_onboarding.afas.errors import (
    AfasError,
    ConnectionUnreachable,
    Operation,
    RequestTimeout,
    ServiceUnavailable,
    TlsFailed,
    TokenClassicRefused,
    UnexpectedResponse,
    classify_response,
    without_secrets,
)
from payt_onboarding.afas.filters import Filter, FilterGroups, filter_params
from payt_onboarding.afas.models import Attachment, ConnectorMetadata, MetaInfo, RowsPage
from payt_onboarding.afas.oauth import BearerAuth, TokenGrant, TokenSource
from payt_onboarding.afas.scheduler import Scheduler
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.vocabulary import Language

log = logging.getLogger(__name__)

# AFAS answers its error texts in the Accept-Language it is sent (reference section 5).
ACCEPT_LANGUAGE: dict[Language, str] = {"nl": "nl-nl", "en": "en-us"}
_ModelT = TypeVar("_ModelT", bound=BaseModel)

# What AFAS allows per token: at most 8 parallel calls (reference section 5, D-trb item 10).
DEFAULT_MAX_IN_FLIGHT = 8
# AFAS answers 404 when the query string (with its "?") exceeds this (reference 3.4).
MAX_QUERY_LENGTH = 2049
_ELAPSED = "payt_elapsed_ms"  # response extension: AFAS's answer time of a successful request


@dataclass(frozen=True)
class RetryPolicy:
    """Retries for transient failures only: 503, 429, connection errors and timeouts."""

    max_attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 8.0
    # AFAS may announce hours of maintenance; waiting longer than this helps nobody on a call.
    max_retry_after: float = 30.0
    # Total time for one request including every retry and wait.
    deadline: float = 60.0

    def delay(self, attempt: int, retry_after: float | None, rng: random.Random) -> float:
        """Wait before retry number `attempt` (1-based): full jitter, or the server's word."""
        if retry_after is not None:
            return min(retry_after, self.max_retry_after) + rng.uniform(0, self.base_delay)
        return rng.uniform(0, min(self.max_delay, self.base_delay * 2 ** (attempt - 1)))


NO_RETRY = RetryPolicy(max_attempts=1)
_NO_AUTH = httpx.Auth()  # httpx's base Auth sends the request as it is


class _AfasTokenAuth(httpx.Auth):
    """Adds the token per request, so it sits in no client-wide structure that gets printed."""

    def __init__(self, token: AfasToken) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._token.authorization_header()
        yield request

    def __repr__(self) -> str:
        return f"_AfasTokenAuth({self._token!r})"

    def forms(self) -> tuple[str, ...]:
        """Every form in which a server could quote the token back."""
        header = self._token.authorization_header()
        return (header, header.split(" ", 1)[1], self._token.xml(), self._token.reveal_data())

    def classify_401(self, response: httpx.Response) -> AfasError | None:
        """A 401 that asks for Bearer and not AfasToken: the app connector is set to OAuth
        (inferred, reference/afas-oauth.md 5); None for any other 401."""
        challenge = response.headers.get("WWW-Authenticate", "").lower()
        if "bearer" not in challenge or "afastoken" in challenge:
            return None
        return TokenClassicRefused("AFAS refused the classic token and asks for OAuth "
                                   "(HTTP 401).", status=401, path=response.request.url.path)


def tls_context(ca_file: str | Path | None = None) -> ssl.SSLContext:
    """Verification always on: the OS trust store, or only `ca_file` (the simulator's test CA)."""
    if ca_file is not None:
        return ssl.create_default_context(cafile=str(ca_file))
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


class AfasClient:
    def __init__(
        self,
        environment: Environment,
        token: Credentials,
        *,
        language: Language = "nl",
        timeout: httpx.Timeout | None = None,
        retry: RetryPolicy | None = None,
        max_in_flight: int = DEFAULT_MAX_IN_FLIGHT,
        ca_file: str | Path | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        rng: random.Random | None = None,
    ) -> None:
        if language not in ACCEPT_LANGUAGE:
            raise ValueError(f"language must be nl or en, not {language!r}")
        self.environment = environment
        self.retry = retry or RetryPolicy()
        self._rng = rng or random.Random()
        self._slots = Scheduler(max_in_flight)
        self.auth_kind: AuthKind = auth_kind(token)
        self._oauth: TokenSource | None = None
        self._auth: _AfasTokenAuth | BearerAuth
        if isinstance(token, OAuthClient):
            # The token request goes through the same pool, TLS and proxy rules, without auth.
            self._oauth = TokenSource(token, environment.base_url, lambda url, data, headers:
                                      self._http.post(url, data=data, headers=headers,
                                                      auth=_NO_AUTH))
            self._auth = BearerAuth(self._oauth)
        else:
            self._auth = _AfasTokenAuth(token)
        self._http = httpx.AsyncClient(
            base_url=environment.base_url,
            auth=self._auth,
            headers={
                "Accept": "application/json",
                "Accept-Language": ACCEPT_LANGUAGE[language],
                "User-Agent": f"payt-onboarding/{__version__}",
            },
            timeout=timeout or httpx.Timeout(30.0, connect=10.0),
            limits=httpx.Limits(
                max_connections=max_in_flight, max_keepalive_connections=max_in_flight
            ),
            verify=tls_context(ca_file),
            # Proxy settings from the environment, except on loopback: a proxy must not see
            # the token in a plain-http request to the simulator, nor break it.
            trust_env=not is_loopback(httpx.URL(environment.base_url).host),
            transport=transport,
        )

    def __repr__(self) -> str:
        return f"AfasClient({self.environment.base_url!r})"

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    @property
    def grant(self) -> TokenGrant | None:
        """The last OAuth token request's result (type, lifetime, method); None for a classic
        token, or before the first request."""
        return self._oauth.grant if self._oauth else None

    # -- endpoints ---------------------------------------------------------------------------

    async def metainfo(self) -> MetaInfo:
        response = await self._get("/metainfo", {}, Operation.METAINFO)
        return _parse(response, MetaInfo)

    async def connector_metadata(self, connector_id: str) -> ConnectorMetadata:
        path = f"/metainfo/get/{_segment(connector_id)}"
        response = await self._get(path, {}, Operation.CONNECTOR_METADATA)
        return _parse(response, ConnectorMetadata)

    async def rows(
        self,
        connector_id: str,
        *,
        skip: int = 0,
        take: int = 100,
        order_by: Sequence[str] = (),
        filters: FilterGroups | Filter | None = None,
    ) -> RowsPage:
        """One page. `order_by` holds field ids, `-` in front for descending."""
        if (skip, take) != (-1, -1) and (skip < 0 or take < 1):
            raise ValueError("skip must be >= 0 and take >= 1, or both -1 for every row")
        params: dict[str, str] = {"skip": str(skip), "take": str(take)}
        if order_by:
            params["orderbyfieldids"] = ",".join(order_by)
        params.update(filter_params(filters))
        path = f"/connectors/{_segment(connector_id)}"
        query_length = len(str(httpx.QueryParams(params))) + 1
        if query_length > MAX_QUERY_LENGTH:
            raise ValueError(
                f"the query string would be {query_length} characters; AFAS refuses more than "
                f"{MAX_QUERY_LENGTH}. Use fewer filter values and make more requests."
            )
        response = await self._get(path, params, Operation.ROWS)
        page = _parse(response, RowsPage)
        return page.model_copy(update={"elapsed_ms": response.extensions.get(_ELAPSED, 0.0)})

    async def iter_rows(
        self,
        connector_id: str,
        *,
        order_by: Sequence[str],
        page_size: int = 1000,
        filters: FilterGroups | Filter | None = None,
    ) -> AsyncIterator[dict[str, Any]]:
        """Every row, page by page. A stable sort is mandatory, or AFAS may skip or repeat rows."""
        if not order_by:
            raise ValueError("iter_rows needs order_by: without a sort AFAS pages unstably")
        skip = 0
        while True:
            page = await self.rows(
                connector_id, skip=skip, take=page_size, order_by=order_by, filters=filters
            )
            for row in page.rows:
                yield row
            if len(page.rows) < page_size:
                return
            skip += page_size

    async def subject_attachment(self, subject_id: int | str, file_id: str) -> Attachment:
        """A dossier item's file through the AppConnectorSubject special connector."""
        path = f"/subjectconnector/{_segment(str(subject_id))}/{_segment(file_id)}"
        response = await self._get(path, {}, Operation.SUBJECT_ATTACHMENT)
        data = _json(response)
        try:
            filename = data["filename"]
            mimetype = data["mimetype"]
            content = base64.b64decode(data["filedata"], validate=True)
        except (KeyError, TypeError, binascii.Error) as exc:
            raise UnexpectedResponse(
                "The attachment answer is not the filename/mimetype/filedata AFAS sends.",
                status=response.status_code,
                path=path,
            ) from exc
        return Attachment(filename=filename, mimetype=mimetype, data=content)

    # -- transport ---------------------------------------------------------------------------

    async def _get(
        self, path: str, params: Mapping[str, str], operation: Operation
    ) -> httpx.Response:
        loop = asyncio.get_running_loop()
        started = loop.time()
        attempt = 0
        while True:
            attempt += 1
            remaining = self.retry.deadline - (loop.time() - started)
            try:
                # The deadline bounds a slow attempt too, not only the waits between attempts.
                async with asyncio.timeout(remaining):
                    error = await self._attempt(path, params, operation)
            except TimeoutError:
                host = httpx.URL(self.environment.base_url).host
                raise RequestTimeout(
                    f"{host} did not answer within {self.retry.deadline:g} s.", path=path
                ) from None
            if isinstance(error, httpx.Response):
                return error
            if not _is_transient(error) or attempt >= self.retry.max_attempts:
                raise error
            wait = self.retry.delay(attempt, error.retry_after, self._rng)
            if loop.time() - started + wait > self.retry.deadline:
                raise error
            log.warning(
                "%s on %s; retry %d of %d in %.1f s",
                error.code.value,
                path,
                attempt,
                self.retry.max_attempts - 1,
                wait,
            )
            await asyncio.sleep(wait)

    async def _attempt(
        self, path: str, params: Mapping[str, str], operation: Operation
    ) -> httpx.Response | AfasError:
        """One request: the successful response, or the error it amounts to (not raised)."""
        async with self._slots.slot():
            started = time.perf_counter()
            try:
                response = await self._http.get(path, params=params)
            except httpx.TransportError as exc:
                error = _classify_transport(exc, self.environment.base_url, path)
                log.info("GET %s failed: %s", path, error.code.value)
                return error
            except AfasError as error:  # the OAuth token request, made by the auth flow
                log.info("token request for %s failed: %s", path, error.code.value)
                return without_secrets(error, self._auth.forms())
        elapsed_ms = (time.perf_counter() - started) * 1000
        log.debug("GET %s -> %d in %.0f ms", path, response.status_code, elapsed_ms)
        if response.is_success:
            # Measured inside the slot: the wait for a free slot is ours, not AFAS's.
            response.extensions = {**response.extensions, _ELAPSED: elapsed_ms}
            return response
        refused = self._auth.classify_401(response) if response.status_code == 401 else None
        return without_secrets(refused or classify_response(response, operation),
                               self._auth.forms())


class _DnsFailure(ConnectionUnreachable):
    """A host name that does not resolve will not resolve a second later either."""


class _AnswerTimeout(RequestTimeout):
    """AFAS got the request but did not answer in time. It keeps working on it regardless
    (reference 5): asking again would stack the same heavy query."""


def _is_transient(error: AfasError) -> bool:
    if isinstance(error, _DnsFailure | TlsFailed | _AnswerTimeout):
        return False
    return isinstance(error, ServiceUnavailable | RequestTimeout | ConnectionUnreachable)


def _classify_transport(exc: httpx.TransportError, base_url: str, path: str) -> AfasError:
    host = httpx.URL(base_url).host
    if isinstance(exc, httpx.ReadTimeout):
        return _AnswerTimeout(f"{host} did not answer in time.", path=path)
    if isinstance(exc, httpx.TimeoutException):
        return RequestTimeout(f"{host} did not answer in time.", path=path)
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLError):
            return TlsFailed(
                f"The secure connection to {host} failed: {_tls_reason(cause)}. A proxy or "
                "firewall that inspects HTTPS needs its certificate in the Windows/macOS "
                "certificate store.",
                path=path, reason=_tls_reason(cause),
            )
        if isinstance(cause, socket.gaierror):
            return _DnsFailure(
                f"The host name {host} does not exist or DNS is unreachable. Check the "
                "environment number and type, and the internet connection.",
                path=path, reason=f"DNS: {cause.strerror or cause}",
            )
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, httpx.ConnectError):
        return ConnectionUnreachable(
            f"Cannot connect to {host}: {_plain(exc)}. Check the internet connection and proxy.",
            path=path, reason=_plain(exc),
        )
    return ConnectionUnreachable(
        f"The connection to {host} broke off: {_plain(exc)}.", path=path, reason=_plain(exc)
    )


def _tls_reason(error: ssl.SSLError) -> str:
    if isinstance(error, ssl.SSLCertVerificationError):
        return error.verify_message or "the certificate is not trusted"
    return error.reason or "handshake failed"


_OS_REASONS = {
    ConnectionRefusedError: "connection refused",
    ConnectionResetError: "connection reset",
    ConnectionAbortedError: "connection aborted",
}


def _plain(exc: BaseException) -> str:
    """The most telling cause: "connection refused" says more than httpx's "All connection
    attempts failed"."""
    cause: BaseException | None = exc
    while cause is not None:
        for kind, reason in _OS_REASONS.items():
            if isinstance(cause, kind):
                return reason
        cause = cause.__cause__ or cause.__context__
    return str(exc) or type(exc).__name__


def _segment(value: str) -> str:
    return quote(value, safe="")


def _json(response: httpx.Response) -> Any:
    kind = response.headers.get("Content-Type", "")
    try:
        if "json" not in kind.lower():
            raise ValueError(kind)
        return json.loads(response.content)
    except ValueError as exc:
        raise UnexpectedResponse(
            f"Expected JSON from AFAS but got {kind.split(';')[0] or 'no content type'} (HTTP "
            f"{response.status_code}): a proxy, captive portal or wrong address may be in between.",
            status=response.status_code,
            path=response.request.url.path,
        ) from exc


def _parse(response: httpx.Response, model: type[_ModelT]) -> _ModelT:
    data = _json(response)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise UnexpectedResponse(
            f"The answer from {response.request.url.path} does not have the shape AFAS uses "
            f"({exc.error_count()} problems).",
            status=response.status_code,
            path=response.request.url.path,
        ) from None
