"""One exception hierarchy for every way a call to AFAS Profit can fail.

Each exception carries the finding code (DESIGN.md section 5) it stands for, so the check engine
turns a failure into a finding without parsing text. Nothing here ever holds the token: the
exceptions are built from the status, the AFAS error body and the request path, never from the
request headers.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

import httpx

from payt_onboarding.vocabulary import Code


class Operation(Enum):
    """What the failed request was for; the same status means different things per endpoint."""

    METAINFO = "metainfo"
    CONNECTOR_METADATA = "connector_metadata"
    ROWS = "rows"
    SUBJECT_ATTACHMENT = "subject_attachment"


@dataclass(frozen=True)
class AfasErrorBody:
    """AFAS's functional error body: `{externalMessage, errorNumber, profitLogReference}`."""

    external_message: str | None = None
    error_number: int | None = None
    profit_log_reference: str | None = None


class AfasError(Exception):
    """Base of every AFAS failure. `code` is the finding code; `str()` is safe to show a user."""

    code: Code = Code.CONNECTOR_ERROR

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        path: str | None = None,
        body: AfasErrorBody | None = None,
        retry_after: float | None = None,
        reason: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        # The bare technical cause ("HTTP 404", "Connection refused"), for texts in any language.
        self.reason = reason or (f"HTTP {status}" if status else None)
        self.status = status
        self.path = path
        self.body = body or AfasErrorBody()
        self.retry_after = retry_after

    @property
    def profit_log_reference(self) -> str | None:
        return self.body.profit_log_reference

    def finding_values(self) -> dict[str, str]:
        """Values its finding's texts need beyond url, detail, connector and log_ref."""
        return {}

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code.value!r}, status={self.status!r})"


class ConnectionUnreachable(AfasError):
    code = Code.CONNECTION_UNREACHABLE


class TlsFailed(AfasError):
    code = Code.CONNECTION_TLS_FAILED


class RequestTimeout(AfasError):
    code = Code.CONNECTION_TIMEOUT


class UnexpectedResponse(AfasError):
    code = Code.CONNECTION_UNEXPECTED_RESPONSE


class ServiceUnavailable(AfasError):
    code = Code.CONNECTION_UNAVAILABLE


class TokenRejected(AfasError):
    code = Code.TOKEN_REJECTED


class IpRestricted(AfasError):
    code = Code.APPCONNECTOR_IP_RESTRICTED


class ConnectorNotAuthorized(AfasError):
    code = Code.CONNECTOR_NOT_AUTHORIZED


class ConnectorBlocked(AfasError):
    code = Code.CONNECTOR_BLOCKED


class ConnectorError(AfasError):
    code = Code.CONNECTOR_ERROR


class ConnectorTimeout(AfasError):
    code = Code.CONNECTOR_TIMEOUT


class SubjectConnectorMissing(AfasError):
    code = Code.ATTACHMENTS_SUBJECT_CONNECTOR_MISSING


class AttachmentNotAuthorized(AfasError):
    code = Code.ATTACHMENTS_NOT_AUTHORIZED


class TokenClassicRefused(AfasError):
    """A classic token on an app connector set to OAuth: the 401 asks for Bearer only."""

    code = Code.TOKEN_CLASSIC_REFUSED


class OAuthTokenRejected(AfasError):
    """A connector refused the access token (`Bearer error="invalid_token"`) after a renewal."""

    code = Code.OAUTH_TOKEN_REJECTED


class OAuthRequestRejected(AfasError):
    """The token endpoint refused the request itself: `invalid_request`, `unauthorized_client`,
    `unsupported_grant_type`, or no token endpoint at all."""

    code = Code.OAUTH_REQUEST_REJECTED

    def __init__(self, message: str, *, error: str, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.error = error


class OAuthClientRejected(AfasError):
    """`invalid_client`: the client id, secret or signed assertion is not accepted."""

    code = Code.OAUTH_CLIENT_REJECTED

    def __init__(self, message: str, *, client_id: str, with_key: bool, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.client_id = client_id
        self.with_key = with_key

    def finding_values(self) -> dict[str, str]:
        return {"client_id": self.client_id}


# Substrings of `externalMessage` in English and Dutch (reference/afas-profit-rest.md 4.3).
_NOT_SUPPORTED = ("not supported", "niet ondersteund")
_BLOCKED = ("is blocked", "is geblokkeerd")
_SERVER_TIMEOUT = (
    "command timeout expired",
    "maximum duration",
    "maximale tijdsduur",
)


def parse_error_body(response: httpx.Response) -> AfasErrorBody | None:
    """The AFAS error body, from JSON or the obsolete base64 `X-PROFIT-ERROR` header.

    Returns None when the response carries neither (empty body, HTML, plain text).
    """
    body: AfasErrorBody | None = None
    try:
        data = json.loads(response.content) if response.content else None
    except ValueError:
        data = None
    if isinstance(data, dict) and ("externalMessage" in data or "errorNumber" in data):
        number = data.get("errorNumber")
        body = AfasErrorBody(
            external_message=_str_or_none(data.get("externalMessage")),
            error_number=number if isinstance(number, int) else None,
            profit_log_reference=_str_or_none(data.get("profitLogReference")),
        )
    header = response.headers.get("X-PROFIT-ERROR")
    if body is None and header:
        try:
            text = base64.b64decode(header, validate=True).decode("utf-8", "replace")
        except (binascii.Error, ValueError):
            text = header
        body = AfasErrorBody(external_message=text.strip() or None)
    return body


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def retry_after_seconds(response: httpx.Response) -> float | None:
    """Seconds to wait from the `Retry-After` header or AFAS's `retry_after` body key."""
    header = response.headers.get("Retry-After")
    if header:
        try:
            return max(0.0, float(header))
        except ValueError:
            pass  # an HTTP date; AFAS documents seconds, so fall through to the body
    try:
        data = json.loads(response.content) if response.content else None
    except ValueError:
        return None
    if isinstance(data, dict):
        value = data.get("retry_after")
        if isinstance(value, int | float) and not isinstance(value, bool):
            return max(0.0, float(value))
    return None


def without_secrets(error: AfasError, secrets: Iterable[str]) -> AfasError:
    """`error` with every given form of the token blanked out of the texts the server sent:
    a proxy or a misconfigured server may quote the Authorization header back."""
    patterns = [re.compile(re.escape(s), re.IGNORECASE) for s in secrets if s]

    def clean(text: str | None) -> str | None:
        for pattern in patterns:
            text = pattern.sub("[token]", text) if text else text
        return text

    error.message = clean(error.message) or ""
    error.args = (error.message,)
    error.reason = clean(error.reason)
    error.body = dataclasses.replace(error.body,
                                     external_message=clean(error.body.external_message))
    return error


def classify_response(response: httpx.Response, operation: Operation) -> AfasError:
    """Turn a non-success AFAS response into the exception for its finding code."""
    status = response.status_code
    body = parse_error_body(response)
    afas_text = body.external_message if body else None
    lowered = (afas_text or "").lower()

    def make(kind: type[AfasError], plain: str, retry_after: float | None = None) -> AfasError:
        message = plain
        if afas_text:
            ref = body.profit_log_reference if body else None
            message += f" AFAS says: {afas_text}" + (f" (profitLogReference {ref})" if ref else "")
        return kind(message, status=status, path=response.request.url.path, body=body,
                    retry_after=retry_after)

    if status == 401:
        if operation is Operation.METAINFO:
            return make(TokenRejected, "AFAS rejected the token (HTTP 401): it is wrong, expired "
                        "or belongs to another environment.")
        if operation is Operation.SUBJECT_ATTACHMENT:
            return make(SubjectConnectorMissing, "AFAS refused the attachment request (HTTP 401).")
        return make(ConnectorNotAuthorized,
                    "AFAS refused this connector for the app or user (HTTP 401).")
    if status == 403:
        return make(IpRestricted, "AFAS refused the request (HTTP 403): the AppConnector only "
                    "allows other IP addresses.")
    if status == 404 and operation is Operation.SUBJECT_ATTACHMENT:
        return make(AttachmentNotAuthorized, "AFAS did not return the dossier file (HTTP 404): "
                    "the file is gone or the token's user lacks rights on the dossier item.")
    if status in (429, 503):
        return make(ServiceUnavailable, f"AFAS is temporarily unavailable (HTTP {status}).",
                    retry_after=retry_after_seconds(response))
    if status == 500 and body is not None:
        if any(s in lowered for s in _NOT_SUPPORTED):
            if operation is Operation.SUBJECT_ATTACHMENT:
                return make(SubjectConnectorMissing,
                            "AFAS does not allow dossier files for this app.")
            return make(ConnectorNotAuthorized,
                        "AFAS does not allow this connector for the app or user.")
        if any(s in lowered for s in _BLOCKED):
            return make(ConnectorBlocked, "AFAS has blocked this GetConnector.")
        if any(s in lowered for s in _SERVER_TIMEOUT):
            return make(ConnectorTimeout, "AFAS stopped the request at its time limit.")
        return make(ConnectorError, "AFAS reported an error (HTTP 500).")
    content = _content_kind(response) if response.content else "empty body"
    error = make(UnexpectedResponse, f"Unexpected answer from the server (HTTP {status}, "
                 f"{content}): this does not look like AFAS Profit. A proxy, firewall or wrong "
                 "address may be in between.")
    error.reason = f"HTTP {status}, {content}"
    return error


def _content_kind(response: httpx.Response) -> str:
    kind = response.headers.get("Content-Type", "").split(";")[0].strip()
    return kind or "no content type"
