"""No secret in the log file: every line is passed through `scrub` before it is written.

Two nets. The tokens this process has used are remembered (`remember_token`, called by
`open_client` and wherever a token is read) and every form of them is blanked: the data value,
the XML, the whole `AfasToken …` header and its base64 part. And whatever looks like a token or a
credential is blanked even if it was never remembered: `<token>…</token>`, an `AfasToken` or
`Bearer` header value, a long run of hex.

The remembered tokens and client secrets go through the shared scrubber (afas/scrub.py), so
each is blanked in every encoding it knows (URL-encoded, base64 of any kind, grouped hex, any
letter case); a private key's text is blanked as it is, whole and line by line.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from payt_onboarding.afas.credentials import ClientSecret, Credentials
    from payt_onboarding.afas.scrub import Scrubber
    from payt_onboarding.afas.token import AfasToken

__all__ = ["BLANK", "ScrubbingFormatter", "remember_client_secret", "remember_credentials",
           "remember_token", "scrub"]

BLANK = "[hidden]"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    """Compiled for the first line scrubbed, not when the log is set up: the wizard's first
    page is painted before that."""
    return (
        re.compile(r"<\s*token\s*>.*?<\s*/\s*token\s*>", re.IGNORECASE | re.DOTALL),
        re.compile(r"(?:&lt;|<)\s*data\s*(?:&gt;|>).*?(?:&lt;|<)\s*/\s*data\s*(?:&gt;|>)",
                   re.IGNORECASE | re.DOTALL),
        re.compile(r"\b(AfasToken|Bearer)\s+[A-Za-z0-9+/_.=-]{8,}", re.IGNORECASE),
        # base64 of "<token>…": a header without its name
        re.compile(r"PHRva2VuP[A-Za-z0-9+/]*=*"),
        re.compile(r"\b[0-9A-Fa-f]{48,}\b"),  # a token's data value: 64 hex characters
        # A signed JWT (an OAuth access token or client assertion): header.payload.signature.
        re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),
        re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----",
                   re.DOTALL),
    )


_lock = threading.Lock()
_secrets: set[str] = set()  # tokens' data values and client secrets, each with its scrubber:
# one compiled per secret, not one over all of them compiled again for each new one, which
# cost `check --all-profiles` seconds per 50 clients (bench/batch_check.py). Longest first, so
# a secret inside another cannot leave the longer one's rest behind.
_scrubbers: list[tuple[int, Scrubber]] = []
_forms: set[str] = set()  # texts blanked as they are: a private key, whole and line by line


def _remember_secret(text: str) -> None:
    from payt_onboarding.afas.scrub import Scrubber  # with the first secret, not at start

    with _lock:  # compiled inside: no line is scrubbed without a secret already remembered
        if text and text not in _secrets:
            _secrets.add(text)
            _scrubbers.append((len(text), Scrubber((text,), blank=BLANK)))
            _scrubbers.sort(key=lambda pair: -pair[0])


def remember_token(token: AfasToken) -> None:
    """Every form in which `token` could reach a log line is blanked from now on."""
    _remember_secret(token.reveal_data())


def remember_credentials(credentials: Credentials) -> None:
    """A classic token's forms, or an OAuth client's secret and private key (whole, and line
    by line)."""
    from payt_onboarding.afas.token import AfasToken

    if isinstance(credentials, AfasToken):
        remember_token(credentials)
        return
    if credentials.secret is not None:
        remember_client_secret(credentials.secret)
    if credentials.private_key is not None:
        pem = credentials.private_key.reveal()
        with _lock:
            _forms.update([pem, *(line for line in pem.splitlines() if len(line) >= 16)])


def remember_client_secret(secret: ClientSecret) -> None:
    """The secret, in every encoding (URL-encoded, as it travels in a token request's form)."""
    _remember_secret(secret.reveal())


def scrub(text: str) -> str:
    with _lock:
        scrubbers, forms = list(_scrubbers), sorted(_forms, key=len, reverse=True)
    for pattern in _patterns():  # first: a whole `AfasToken …` header becomes one blank
        text = pattern.sub(BLANK, text)
    for _, scrubber in scrubbers:
        text = scrubber.text(text)
    for form in forms:
        text = text.replace(form, BLANK)
    return text


class ScrubbingFormatter(logging.Formatter):
    """Formats a record as usual, then blanks every secret in the whole line: message,
    arguments, traceback, stack. A formatter, not a filter: a filter would have to change the
    record itself (Python 3.11), and so what every other handler sees, the test suite's leak
    guard among them."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))
