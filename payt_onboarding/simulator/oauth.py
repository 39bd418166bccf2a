"""The simulator's OAuth side (reference/afas-oauth.md 4 and 5): `/oauth/token` with the
client credentials grant and all three client authentications, and the bearer check on every
endpoint. Behaviour the reference marks as inferred is a switch (config.Switches, `oauth_*`).

Access tokens are opaque to the client but shaped as AFAS's are (a JWT, "eyJ…"): random, held
in memory with their expiry, so a test's leak guard can recognise any of them.
"""

from __future__ import annotations

import base64
import binascii
import secrets
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any
from urllib.parse import parse_qsl, unquote_plus

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

__all__ = [
    "DEMO_CLIENT_ID", "DEMO_CLIENT_SECRET", "DEMO_KEY_ID", "OAuthApp", "OAuthState",
    "TokenAnswer", "demo_private_key_pem", "public_pem",
]

DEMO_CLIENT_ID = "payt-demo-client"
# Fixed and printed by `payt-onboarding simulator`: the simulator guards nothing.
DEMO_CLIENT_SECRET = "demo-secret-" + uuid.uuid5(uuid.NAMESPACE_URL, "payt-onboarding").hex
DEMO_KEY_ID = "payt-demo-key"
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
ALGORITHMS = ("RS256", "PS256", "ES256")
CLOCK_SKEW = 60  # seconds, both ways
MAX_ASSERTION_LIFETIME = 300  # an `exp` further out than this (plus the skew) is refused
BEARER_CHALLENGE = "Bearer, DPoP"  # a 401 without usable credentials (Profit 9)
INVALID_TOKEN_CHALLENGE = 'Bearer error="invalid_token"'


@cache
def demo_private_key_pem() -> str:
    """The demo private key (EC P-256), made once per process; its public half is registered
    with every scenario's OAuth client. Printed as a file path by `simulator`, never secret."""
    key = ec.generate_private_key(ec.SECP256R1())
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode("ascii")


def public_pem(private_pem: str) -> str:
    key = serialization.load_pem_private_key(private_pem.encode("ascii"), password=None)
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


@dataclass
class OAuthApp:
    """The app connector's OAuth client as Profit holds it."""

    client_id: str = DEMO_CLIENT_ID
    secret: str | None = DEMO_CLIENT_SECRET
    # Past its validity period (180 days by default from Profit 9): refused as invalid_client.
    secret_expired: bool = False
    # The uploaded certificate's public key; None: no certificate, private_key_jwt refused.
    public_key: str | None = field(default_factory=lambda: public_pem(demo_private_key_pem()))
    key_id: str | None = DEMO_KEY_ID
    token_lifetime: float = 3600.0  # seconds
    # The secret methods this Profit accepts: before Profit 9 only client_secret_post.
    secret_methods: tuple[str, ...] = ("post", "basic")


@dataclass
class OAuthState:
    """Tokens issued and assertion ids seen, for one simulator run."""

    clock: Callable[[], float] = time.time
    _tokens: dict[str, float] = field(default_factory=dict)  # token -> expires at (clock)
    _jtis: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    issued: int = 0

    def issue(self, lifetime: float) -> str:
        token = jwt.encode({"jti": secrets.token_hex(16)}, secrets.token_bytes(32), "HS256")
        with self._lock:
            self._tokens[token] = self.clock() + lifetime
            self.issued += 1
        return token

    def valid(self, token: str) -> bool:
        with self._lock:
            expires = self._tokens.get(token)
        return expires is not None and self.clock() < expires

    def expiry_iso(self, token: str) -> str:
        with self._lock:
            expires = self._tokens.get(token, 0.0)
        return datetime.fromtimestamp(expires, UTC).isoformat(timespec="seconds")

    def first_use(self, jti: str) -> bool:
        with self._lock:
            if jti in self._jtis:
                return False
            self._jtis.add(jti)
            return True


@dataclass(frozen=True)
class TokenAnswer:
    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


def _error(error: str, description: str | None = None, *, basic: bool = False) -> TokenAnswer:
    # error_description is left out when there is none, never null (documented).
    body: dict[str, Any] = {"error": error}
    if description:
        body["error_description"] = description
    if error == "invalid_client" and basic:
        return TokenAnswer(401, body, {"WWW-Authenticate": 'Basic realm="AFAS Profit"'})
    return TokenAnswer(400, body)


def token_request(
    app: OAuthApp | None,
    auth_type: str,
    state: OAuthState,
    *,
    authorization: str,
    form_body: bytes,
    token_urls: tuple[str, ...],
    classic_error: str,
    refresh_token_null: bool,
) -> TokenAnswer:
    """The answer to `POST /oauth/token`. `token_urls`: the audiences an assertion may name
    (the token URL and the base URL, lower case, as the client reached them)."""
    try:
        pairs = parse_qsl(form_body.decode("utf-8"), keep_blank_values=True)
    except UnicodeDecodeError:
        return _error("invalid_request", "The body is not UTF-8 form data.")
    form = dict(pairs)
    if len(form) != len(pairs):
        return _error("invalid_request", "Parameters must not repeat.")
    scheme, _, credentials = authorization.partition(" ")
    basic = scheme.lower() == "basic"
    ways = [basic, "client_secret" in form, "client_assertion" in form]
    if sum(ways) > 1:
        return _error("invalid_request", "Use exactly one client authentication.")
    if "grant_type" not in form:
        return _error("invalid_request", "grant_type is missing.")
    if form["grant_type"] != "client_credentials":
        return _error("unsupported_grant_type")
    client_id, secret = form.get("client_id", ""), form.get("client_secret")
    if basic:
        try:
            pair = base64.b64decode(credentials.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return _error("invalid_request", "The Basic credentials are not base64.")
        raw_id, colon, raw_secret = pair.partition(":")
        basic_id = unquote_plus(raw_id)
        if not colon or ("client_id" in form and form["client_id"] != basic_id):
            return _error("invalid_request", "client_id differs from the Basic credentials.")
        client_id, secret = basic_id, unquote_plus(raw_secret)
    if app is None or client_id != app.client_id or not any(ways):
        return _error("invalid_client", basic=basic)
    if auth_type == "classic":
        return _error(classic_error, basic=basic)
    if "client_assertion" in form:
        refusal = _check_assertion(app, state, form, token_urls)
        if refusal is not None:
            return _error("invalid_client", refusal)
    elif (app.secret is None or secret is None
          or ("basic" if basic else "post") not in app.secret_methods
          or not secrets.compare_digest(secret.encode(), app.secret.encode())):
        return _error("invalid_client", basic=basic)
    elif app.secret_expired:
        return _error("invalid_client", "The client secret has expired.", basic=basic)
    body: dict[str, Any] = {"access_token": state.issue(app.token_lifetime),
                            "token_type": "Bearer", "expires_in": max(1, int(app.token_lifetime))}
    if refresh_token_null:
        body["refresh_token"] = None
    return TokenAnswer(200, body)


def _check_assertion(app: OAuthApp, state: OAuthState, form: dict[str, str],
                     token_urls: tuple[str, ...]) -> str | None:
    """Why the assertion is refused, or None."""
    if form.get("client_assertion_type") != ASSERTION_TYPE:
        return "client_assertion_type must be jwt-bearer."
    if app.public_key is None:
        return "No certificate is registered for this client."
    assertion = form["client_assertion"]
    try:
        header = jwt.get_unverified_header(assertion)
        if header.get("alg") not in ALGORITHMS:
            return "The algorithm is not RS256, PS256 or ES256."
        kid = header.get("kid")
        if kid is not None and kid != app.key_id:
            return "The kid does not match the key id of the certificate."
        claims = jwt.decode(
            assertion, app.public_key, algorithms=[header["alg"]], leeway=CLOCK_SKEW,
            issuer=app.client_id, options={"verify_aud": False,
                                           "require": ["iss", "sub", "aud", "exp", "iat", "jti"]})
    except jwt.PyJWTError:
        return "The client assertion is not valid."
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if not any(str(a).lower().rstrip("/") in token_urls for a in audiences):
        return "The audience is not this token endpoint."
    if claims["sub"] != app.client_id:
        return "sub must equal iss."
    if float(claims["exp"]) - state.clock() > MAX_ASSERTION_LIFETIME + CLOCK_SKEW:
        return "exp is more than 5 minutes away."
    if not state.first_use(str(claims["jti"])):
        return "The jti was used before."
    return None
