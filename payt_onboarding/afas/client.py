"""The AFAS Profit REST client: one connection pool, bounded concurrency, careful retries.

An `AfasClient` belongs to one event loop (httpx's pool does): create it inside the coroutine
that uses it, `async with AfasClient(...) as client:`.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import dataclasses
import logging
import random
import socket
import ssl
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar
from urllib.parse import quote

import httpx
import truststore
from pydantic import BaseModel, ValidationError

from payt_onboarding import __version__
from payt_onboarding.afas import scheduler
from payt_onboarding.afas.credentials import AuthKind, Credentials, OAuthClient, auth_kind
from payt_onboarding.afas.environment import Environment, is_loopback
from payt_onboarding.afas.errors import (
    AfasError,
    ConnectionUnreachable,
    Operation,
    RequestTimeout,
    ResponseTooLarge,
    ServerAnswer,
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
from payt_onboarding.afas.pinning import PlainHttpPin, PlainHttpRefused
from payt_onboarding.afas.reading import (
    ACCEPT_ENCODING,
    Answer,
    body_limit,
    parse_json,
    read_answer,
)
from payt_onboarding.afas.scheduler import Scheduler
from payt_onboarding.afas.scrub import Scrubber
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.vocabulary import Language

log = logging.getLogger(__name__)
# httpx logs each status line (INFO) and httpcore each response's headers (DEBUG): server text
# that has not passed the scrubber, so a hostile server could put the token in a log with -v.
# The client logs what matters itself.
for _library in ("httpx", "httpcore"):
    logging.getLogger(_library).setLevel(logging.WARNING)

# AFAS answers its error texts in the Accept-Language it is sent (reference section 5).
ACCEPT_LANGUAGE: dict[Language, str] = {"nl": "nl-nl", "en": "en-us"}
_ModelT = TypeVar("_ModelT", bound=BaseModel)

# What AFAS allows per token: at most 8 parallel calls (reference section 5, D-trb item 10).
DEFAULT_MAX_IN_FLIGHT = 8
# AFAS answers 404 when the query string (with its "?") exceeds this (reference 3.4).
MAX_QUERY_LENGTH = 2049


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
        """The secret a server could quote back; the Scrubber knows its every encoding."""
        return (self._token.reveal_data(),)

    def classify_401(self, response: ServerAnswer) -> AfasError | None:
        """A 401 that asks for Bearer and not AfasToken: the app connector is set to OAuth
        (inferred, reference/afas-oauth.md 5); None for any other 401."""
        challenge = response.headers.get("WWW-Authenticate", "").lower()
        if "bearer" not in challenge or "afastoken" in challenge:
            return None
        return TokenClassicRefused("AFAS refused the classic token and asks for OAuth "
                                   "(HTTP 401).", status=401, path=response.path)


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
        self._left_claimed = False  # slots an earlier client left (scheduler.take), taken over
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
        self._scrubber = Scrubber()
        self._scrubbed: tuple[str, ...] = ()
        self._pin = PlainHttpPin(environment.base_url)
        self._http = httpx.AsyncClient(
            base_url=environment.base_url,
            auth=self._auth,
            headers={
                "Accept": "application/json",
                "Accept-Language": ACCEPT_LANGUAGE[language],
                "Accept-Encoding": ACCEPT_ENCODING,
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
        scheduler.leave(self.environment.base_url, self._slots.held)
        await self._http.aclose()

    @property
    def grant(self) -> TokenGrant | None:
        """The last OAuth token request's result (type, lifetime, method); None for a classic
        token, or before the first request."""
        return self._oauth.grant if self._oauth else None

    # -- endpoints ---------------------------------------------------------------------------

    async def metainfo(self) -> MetaInfo:
        response = await self._get("/metainfo", {}, Operation.METAINFO)
        return self._parse(response, MetaInfo)

    async def connector_metadata(self, connector_id: str) -> ConnectorMetadata:
        path = f"/metainfo/get/{_segment(connector_id)}"
        response = await self._get(path, {}, Operation.CONNECTOR_METADATA)
        return self._parse(response, ConnectorMetadata)

    async def rows(
        self,
        connector_id: str,
        *,
        skip: int = 0,
        take: int = 100,
        order_by: Sequence[str] = (),
        filters: FilterGroups | Filter | None = None,
        sent: Callable[[], None] | None = None,
    ) -> RowsPage:
        """One page. `order_by` holds field ids, `-` in front for descending; `sent` is called
        once the request is written (and again for a retry)."""
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
        response = await self._get(path, params, Operation.ROWS, take, sent)
        page = self._parse(response, RowsPage)
        if take > 0 and len(page.rows) > take:
            raise ResponseTooLarge(
                f"{connector_id} answered {len(page.rows)} rows where {take} were asked for.",
                path=path, status=response.status_code,
                reason=f"{len(page.rows)} rows for take={take}")
        return page.model_copy(update={"elapsed_ms": response.elapsed_ms})

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
        data = self._json(response, keep_raw=("filedata",))
        try:
            filename = data["filename"]
            mimetype = data["mimetype"]
            content = base64.b64decode(data["filedata"], validate=True)
            return Attachment(filename=filename, mimetype=mimetype, data=content)
        except (KeyError, TypeError, binascii.Error, ValidationError):
            raise UnexpectedResponse(
                "The attachment answer is not the filename/mimetype/filedata AFAS sends.",
                status=response.status_code,
                path=path,
            ) from None

    # -- transport ---------------------------------------------------------------------------

    @property
    def sends_at_once(self) -> bool:
        """Whether a request asked for now goes out at once, not queued behind the cap."""
        return self._slots.free

    async def _get(
        self, path: str, params: Mapping[str, str], operation: Operation, take: int | None = None,
        sent: Callable[[], None] | None = None,
    ) -> Answer:
        loop = asyncio.get_running_loop()
        started = loop.time()
        attempt = 0
        while True:
            attempt += 1
            remaining = self.retry.deadline - (loop.time() - started)
            try:
                # The deadline bounds a slow attempt too, not only the waits between attempts.
                async with asyncio.timeout(remaining):
                    error = await self._attempt(path, params, operation, take, sent)
            except TimeoutError:
                host = httpx.URL(self.environment.base_url).host
                raise RequestTimeout(
                    f"{host} did not answer within {self.retry.deadline:g} s.", path=path
                ) from None
            if isinstance(error, Answer):
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
                # The same line in the user's language, for the terminal (cli/logs.py).
                extra={"text_id": "log.retry", "text_values": {
                    "code": error.code.value, "path": path, "attempt": attempt,
                    "attempts": self.retry.max_attempts - 1, "seconds": f"{wait:.1f}"}},
            )
            await asyncio.sleep(wait)

    async def _attempt(
        self, path: str, params: Mapping[str, str], operation: Operation, take: int | None,
        sent: Callable[[], None] | None = None,
    ) -> Answer | AfasError:
        """One request: the successful answer, or the error it amounts to (not raised)."""
        if not self._left_claimed:
            self._left_claimed = True
            for end in scheduler.take(self.environment.base_url):
                self._slots.hold(end)
        async with self._slots.slot() as slot:
            started = time.perf_counter()
            try:
                await self._pin.apply(self._http)
                extensions = {"trace": _on_sent(sent)} if sent is not None else None
                async with self._http.stream("GET", path, params=params,
                                             extensions=extensions) as response:
                    answer = await read_answer(response, body_limit(operation, take))
            except httpx.TransportError as exc:
                if isinstance(exc, httpx.ReadTimeout):  # AFAS may still be working on it
                    slot.give_up()
                error = _classify_transport(exc, self.environment.base_url, path)
                log.info("GET %s failed: %s", path, error.code.value)
                return without_secrets(error, self.scrubber)
            except AfasError as error:  # a body over its limit; the OAuth token request
                log.info("GET %s failed: %s", path, error.code.value)
                return without_secrets(error, self.scrubber)
        elapsed_ms = (time.perf_counter() - started) * 1000
        log.debug("GET %s -> %d in %.0f ms", path, answer.status_code, elapsed_ms)
        if answer.is_success:
            # Measured inside the slot: the wait for a free slot is ours, not AFAS's.
            return dataclasses.replace(answer, elapsed_ms=elapsed_ms)
        refused = self._auth.classify_401(answer) if answer.status_code == 401 else None
        return without_secrets(refused or classify_response(answer, operation), self.scrubber)

    @property
    def scrubber(self) -> Scrubber:
        """Blanks every secret this client handed over (the token; an OAuth client's secret and
        the access tokens and assertions it made so far) out of server texts."""
        forms = self._auth.forms()
        if forms != self._scrubbed:
            self._scrubber, self._scrubbed = Scrubber(forms), forms
        return self._scrubber

    def _json(self, answer: Answer, keep_raw: tuple[str, ...] = ()) -> Any:
        kind = answer.headers.get("Content-Type", "")
        try:
            if "json" not in kind.lower():
                raise ValueError(kind)
            return parse_json(answer.content, self.scrubber, path=answer.path,
                              keep_raw=keep_raw)
        except ValueError:
            shown = kind.split(";")[0][:60] or "no content type"
            raise UnexpectedResponse(
                f"Expected JSON from AFAS but got {shown} (HTTP {answer.status_code}): a "
                "proxy, captive portal or wrong address may be in between.",
                status=answer.status_code, path=answer.path,
            ) from None

    def _parse(self, answer: Answer, model: type[_ModelT]) -> _ModelT:
        data = self._json(answer)
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            raise UnexpectedResponse(
                f"The answer from {answer.path} does not have the shape AFAS uses "
                f"({exc.error_count()} problems).",
                status=answer.status_code,
                path=answer.path,
            ) from None


def _on_sent(sent: Callable[[], None]) -> Callable[[str, dict[str, Any]], Awaitable[None]]:
    """An httpcore trace hook that calls `sent` once the request is written whole."""

    async def trace(event: str, info: dict[str, Any]) -> None:
        if event == "http11.send_request_body.complete":
            sent()

    return trace


class _DnsFailure(ConnectionUnreachable):
    """A host name that does not resolve will not resolve a second later either."""


class _AnswerTimeout(RequestTimeout):
    """AFAS got the request but did not answer in time. It keeps working on it regardless
    (reference 5): asking again would stack the same heavy query."""


def _is_transient(error: AfasError) -> bool:
    if isinstance(error, _DnsFailure | TlsFailed | _AnswerTimeout | PlainHttpRefused):
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
