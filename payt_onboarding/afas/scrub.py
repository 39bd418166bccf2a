"""Blank every form of a secret out of text a server sent, before it goes anywhere.

A proxy, a misconfigured AFAS or a hostile server may quote the Authorization header back in an
error text, a log reference, the app name or a row value; it may do so in another encoding than
the one sent. A `Scrubber` knows each secret in every form it could come back in:

- the secret itself, in any letter case, grouped with spaces, colons, dots or dashes (hex
  `AB CD…`, `ab:cd:…`), its special characters URL-encoded or HTML-escaped (so the XML around
  a token, `%3Cdata%3E…` or `&lt;data&gt;…`, does not hide it);
- its bytes in hexadecimal, grouped the same ways;
- base64 of any text that holds it (the `AfasToken` header holds the base64 of the XML around
  the data), standard or url-safe, wrapped over lines, `+`/`/` URL-encoded: the part of the
  base64 that depends only on the secret, at each of the three byte alignments.

Secrets are plain strings, so other kinds (OAuth client secrets, access tokens, assertions) are
registered the same way: `scrubber.with_secrets(secret)`. Qt-free, no I/O.
"""

from __future__ import annotations

import base64
import html
import re
import sys
from collections.abc import Iterable
from urllib.parse import quote

__all__ = ["BLANK", "MIN_SECRET_LENGTH", "NO_SECRETS", "Scrubber"]

BLANK = "[token]"
# Shorter "secrets" would blank ordinary words; every real one is far longer.
MIN_SECRET_LENGTH = 8
_GROUPING = r"[\s:.\-]?"  # between two characters of a grouped hex or text form
_WRAPPING = r"\s*"  # between two base64 characters: line wrapping
_B64_PLUS = r"(?:\+|-|%2B)"
_B64_SLASH = r"(?:/|_|%2F)"


def _char(ch: str) -> str:
    """`ch`, or its URL-encoded or HTML-escaped form."""
    if ch.isalnum():
        return re.escape(ch)
    forms = {ch, quote(ch, safe=""), html.escape(ch), "+" if ch == " " else ch}
    return "(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + ")"


def _base64_cores(raw: bytes) -> set[str]:
    """The base64 characters that depend on `raw` alone, at each alignment in a longer text."""
    cores = set()
    for offset in range(3):
        encoded = base64.b64encode(b"\0" * offset + raw).decode("ascii")
        start = -(-8 * offset // 6)  # first character wholly inside `raw`
        end = 8 * (offset + len(raw)) // 6  # after the last one
        cores.add(encoded[start:end])
    return cores


def _b64_char(ch: str) -> str:
    return _B64_PLUS if ch == "+" else _B64_SLASH if ch == "/" else re.escape(ch)


def _forms(secret: str) -> tuple[list[str], int]:
    """Regex alternatives for `secret`, and the length of the shortest text they match."""
    patterns: list[str] = []
    shortest: list[int] = []
    for variant in {secret, secret.upper(), secret.lower()}:
        raw = variant.encode("utf-8")
        for core in _base64_cores(raw):
            patterns.append(_WRAPPING.join(_b64_char(c) for c in core))
            shortest.append(len(core))
    patterns.append(_GROUPING.join(_char(c) for c in secret))
    hex_bytes = secret.encode("utf-8").hex()
    patterns.append(_GROUPING.join(hex_bytes[i:i + 2] for i in range(0, len(hex_bytes), 2)))
    shortest += [len(secret), len(hex_bytes)]
    return patterns, min(shortest)


_WORD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-")


def _word_start(text: str, index: int) -> int:
    while index > 0 and text[index - 1] in _WORD:
        index -= 1
    return index


def _word_end(text: str, index: int) -> int:
    while index < len(text) and text[index] in _WORD:
        index += 1
    while index < len(text) and text[index] == "=":
        index += 1
    return index


class Scrubber:
    """Blanks registered secrets out of text; `text` for one string, `clean` for parsed JSON."""

    __slots__ = ("_blank", "_pattern", "_secrets", "_shortest")

    def __init__(self, secrets: Iterable[str] = (), *, blank: str = BLANK) -> None:
        self._blank = blank
        self._secrets = frozenset(s for s in secrets if s and len(s) >= MIN_SECRET_LENGTH)
        patterns: list[str] = []
        shortest: list[int] = []
        for secret in sorted(self._secrets):
            forms, length = _forms(secret)
            patterns += forms
            shortest.append(length)
        self._pattern = re.compile("|".join(patterns), re.IGNORECASE) if patterns else None
        self._shortest = min(shortest, default=0)

    @property
    def shortest(self) -> int:
        """Texts shorter than this cannot hold any form of a secret (sys.maxsize: no secrets)."""
        return self._shortest if self._pattern is not None else sys.maxsize

    def with_secrets(self, *secrets: str) -> Scrubber:
        """A scrubber that knows these secrets too."""
        return Scrubber((*self._secrets, *secrets), blank=self._blank)

    def __repr__(self) -> str:
        return f"Scrubber({len(self._secrets)} secrets)"

    def finds(self, text: str) -> bool:
        """Whether `text` holds any form of a secret."""
        return self._pattern is not None and self._pattern.search(text) is not None

    def text(self, text: str) -> str:
        """`text` with every form of every secret blanked (`[token]`): the whole word it
        stands in (base64 characters around a match carry bits of the secret too)."""
        if self._pattern is None or len(text) < self._shortest:
            return text
        parts: list[str] = []
        done = 0
        for match in self._pattern.finditer(text):
            start, end = match.span()
            if end <= done:
                continue
            start = max(done, _word_start(text, start))
            end = _word_end(text, end)
            parts += [text[done:start], self._blank]
            done = end
        return "".join(parts) + text[done:] if parts else text

    def optional(self, text: str | None) -> str | None:
        return None if text is None else self.text(text)


NO_SECRETS = Scrubber()
