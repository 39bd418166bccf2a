"""The token-leak guard's knowledge: every secret the suite uses, in every form it could leak.

tests/conftest.py fails any test whose log records, captured output or failure report contains
one of SECRETS, or anything shaped as a signed JWT (every OAuth access token the simulator
issues and every client assertion the client signs: they are made fresh, so they are known by
their shape); a test that makes a token or secret of its own registers it here first.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import quote_plus

from payt_onboarding.afas.token import AfasToken
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA
from payt_onboarding.simulator.oauth import DEMO_CLIENT_SECRET, demo_private_key_pem

SECRETS: set[str] = set()
# header.claims.signature, each base64url; "eyJ" is the base64 of '{"'.
JWT_RE = re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}")


def secret_forms(token: AfasToken) -> list[str]:
    """Every form in which the token could leak: data, XML, header and its base64 part."""
    header = token.authorization_header()
    return [token.reveal_data(), token.xml(), header, header.split(" ", 1)[1]]


def register_secret(data: str) -> None:
    """Remember every form in which token `data` could leak."""
    SECRETS.update(secret_forms(AfasToken.from_data(data)))


def register_client_secret(secret: str) -> None:
    SECRETS.update((secret, quote_plus(secret)))


def register_private_key(pem: str) -> None:
    """The whole PEM and each of its base64 lines: a part of a key is a leak too."""
    SECRETS.add(pem)
    SECRETS.update(line for line in pem.splitlines() if len(line) >= 40)


register_secret(DEMO_TOKEN_DATA)
register_client_secret(DEMO_CLIENT_SECRET)
register_private_key(demo_private_key_pem())


def leaked(text: str) -> list[str]:
    found = [s for s in SECRETS if s and s in text]
    return found + JWT_RE.findall(text)


def scan_for_secrets(root: Path, extra: list[str] | tuple[str, ...] = ()) -> list[Path]:
    """Every file under `root` that holds a registered secret (or one of `extra`), as text or
    bytes."""
    needles = [s.encode("utf-8") for s in (*SECRETS, *extra) if s]
    jwt = re.compile(JWT_RE.pattern.encode("ascii"))
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            if any(n in content for n in needles) or jwt.search(content):
                found.append(path)
    return found


class RecordAll(logging.Handler):
    """Keeps the text of every log record, traceback included."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info:
            text += logging.Formatter().formatException(record.exc_info)
        self.texts.append(text)
