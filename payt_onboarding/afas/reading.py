"""Reading an answer from AFAS without trusting its size, its nesting or its texts.

A broken or hostile server may send a 2 GB body, an endless chunked one, a gzip bomb, JSON
nested a thousand levels deep or a 50 MB error text. Here a body is read streaming and
decompressed by hand, a bounded piece at a time, up to a byte limit sized from what the request
asked for; the JSON is checked for depth without recursion; and every string in it is scrubbed of
the secrets and cut to a sane length before anything else sees it.
"""

from __future__ import annotations

import functools
import json
import re
import zlib
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import orjson

from payt_onboarding.afas.errors import (
    MAX_TEXT,
    Operation,
    ResponseTooLarge,
    UnexpectedResponse,
    cut,
)
from payt_onboarding.afas.scrub import Scrubber

__all__ = [
    "ACCEPT_ENCODING",
    "MAX_DEPTH",
    "Answer",
    "body_limit",
    "parse_json",
    "read_answer",
]

ACCEPT_ENCODING = "gzip, deflate"  # the encodings `_Decoder` undoes; no others are accepted
MAX_DEPTH = 64  # AFAS nests four levels; a deeper answer is not AFAS
MIB = 1024 * 1024
# A page's budget: room for the envelope plus this much per row asked for. An AFAS row of 40
# fields is about 4 KB; a page over the budget is not a page of what was asked.
PAGE_BASE = 1 * MIB
ROW_BYTES = 8 * 1024
_LIMITS = {
    Operation.METAINFO: 8 * MIB,
    Operation.CONNECTOR_METADATA: 16 * MIB,  # code tables may list thousands of values
    Operation.ROWS: 64 * MIB,  # every row at once (take=-1): the most a request may justify
    Operation.SUBJECT_ATTACHMENT: 24 * MIB,  # an invoice PDF in base64
}
ERROR_BODY_LIMIT = 256 * 1024  # an error body holds three short texts
_CHUNK = 64 * 1024  # decompressed bytes made at a time: a gzip bomb never expands at once


def body_limit(operation: Operation, take: int | None = None) -> int:
    """The most bytes (after decompression) a successful answer to this request may hold."""
    if operation is Operation.ROWS and take is not None and take > 0:
        return PAGE_BASE + take * ROW_BYTES
    return _LIMITS[operation]


@dataclass(frozen=True)
class Answer:
    """A response with its body read: what the rest of the client looks at."""

    status_code: int
    headers: httpx.Headers
    content: bytes
    path: str
    elapsed_ms: float = 0.0  # AFAS's answer time, set by the client

    @property
    def is_success(self) -> bool:
        return 200 <= self.status_code < 300


class _Decoder:
    """gzip or deflate undone in bounded steps: `zlib`'s max_length keeps each step small."""

    def __init__(self, encoding: str, path: str) -> None:
        codings = [c.strip().lower() for c in encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if not codings:
            self._zlib = None
        elif codings in (["gzip"], ["x-gzip"]):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif codings == ["deflate"]:
            self._zlib = zlib.decompressobj()
        else:
            raise UnexpectedResponse(
                f"The server compressed its answer as {encoding[:40]!r}, which AFAS never does.",
                path=path, reason="unknown content encoding")
        self._path = path

    def feed(self, data: bytes) -> Iterator[bytes]:
        """The decompressed bytes of `data`, at most _CHUNK at a time: the caller stops at its
        limit before a bomb expands further."""
        if self._zlib is None:
            yield data
            return
        while data:
            try:
                piece = self._zlib.decompress(data, _CHUNK)
            except zlib.error:
                raise UnexpectedResponse("The compressed answer is damaged.", path=self._path,
                                         reason="damaged compression") from None
            yield piece
            data = self._zlib.unconsumed_tail


async def read_answer(response: httpx.Response, limit: int) -> Answer:
    """The whole body of a streamed `response`, decompressed, or ResponseTooLarge once it
    passes `limit` bytes (the error-body limit for a failure status)."""
    path = response.request.url.path
    if not response.is_success:
        limit = min(limit, ERROR_BODY_LIMIT)
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and "Content-Encoding" not in response.headers \
            and int(declared) > limit:
        raise _too_large(path, limit, response.status_code)
    body = bytearray()
    if response.is_stream_consumed:  # built in memory (httpx.MockTransport): already decoded
        body += response.content
    else:
        decoder = _Decoder(response.headers.get("Content-Encoding", ""), path)
        async for raw in response.aiter_raw():
            for piece in decoder.feed(raw):
                body += piece
                if len(body) > limit:
                    break
            if len(body) > limit:
                break
    if len(body) > limit:
        raise _too_large(path, limit, response.status_code)
    return Answer(response.status_code, response.headers, bytes(body), path)


def _too_large(path: str, limit: int, status: int) -> ResponseTooLarge:
    return ResponseTooLarge(
        f"The answer from {path} is larger than {_size(limit)}, more than the request can "
        "justify; reading stopped.", path=path, status=status,
        reason=f"more than {_size(limit)}")


def _size(count: int) -> str:
    return f"{count / MIB:.0f} MB" if count >= MIB else f"{count // 1024} KB"


def parse_json(content: bytes, scrubber: Scrubber, *, path: str,
               keep_raw: Collection[str] = ()) -> Any:
    """The JSON in `content`, every string scrubbed and cut (except the values of `keep_raw`
    keys, such as a file's base64), no deeper than MAX_DEPTH. ValueError when it is no JSON;
    UnexpectedResponse when it nests too deep."""
    try:
        data = _loads(content)
    except RecursionError:
        data = None
        too_deep = True
    else:
        too_deep = False
    if too_deep or not (_clean_as_sent(content, scrubber)
                        or _clean_in_place(data, scrubber, keep_raw)):
        raise UnexpectedResponse(
            f"The answer from {path} is nested more than {MAX_DEPTH} levels deep; AFAS "
            "answers are flat.", path=path, reason=f"JSON nested over {MAX_DEPTH} levels")
    return data


_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
# orjson reads an integer of up to 18 digits exactly (it holds 64 bits); a longer one may come
# back as a float, where json.loads gives the exact int.
_WIDE_INTEGER = b"0" * 19


def _loads(content: bytes) -> Any:
    """json.loads's answer, in a third of its time: orjson (2-3x faster on a page of rows) reads
    everything, and only what it refuses or could read otherwise goes to json.loads: a BOM,
    UTF-16/32, NaN/Infinity, a lone surrogate escape, a number beyond a double (those orjson
    refuses), nesting over orjson's 1,024 levels (json.loads raises RecursionError, the caller's
    "too deep"), and an integer wider than 64 bits (orjson's float, json.loads's exact int).
    None of these is in an AFAS answer: the fast path is the one pages of rows take."""
    # A run of 19 digits holds 4 bytes in a row of every fourth byte: a quarter of the text is
    # looked at first (0.5 ms a page of 1,000 rows), all of it only when that finds 4 digits.
    if b"0000" in content[::4].translate(_DIGITS_AS_ZERO) \
            and _WIDE_INTEGER in content.translate(_DIGITS_AS_ZERO):
        return json.loads(content)
    try:
        return orjson.loads(content)
    except orjson.JSONDecodeError:
        return json.loads(content)


_NOT_STRUCTURE = bytes(set(range(256)) - set(b'[]{}"'))
_QUOTES_KEPT = bytes.maketrans(bytes(b for b in range(256) if b != ord('"')), b"x" * 255)
_CURLY = bytes.maketrans(b"[]", b"{}")


@functools.cache
def _runs_from(short: int) -> re.Pattern[bytes]:
    """A quote and the run of at least `short` bytes after it up to the next quote. Searched
    from one quote to the next (the literal first), each byte is looked at once, in C."""
    return re.compile(b'"[^"]{%d,}+' % short)


def _clean_as_sent(content: bytes, scrubber: Scrubber) -> bool:
    """Whether the JSON text, as sent, provably needs no scrubbing, cutting or depth refusal: the
    fast path for a page of ordinary rows. Without a backslash no string holds an escape, and
    quotes alternate between opening and closing one: every string is the run of bytes between
    two quotes, exactly as decoded. False means "look at every string" (`_clean_in_place`)."""
    if b"\\" in content:
        return False
    short = min(scrubber.shortest, MAX_TEXT + 1)
    # Every run between two quotes at least `short` long: the strings that could hold a secret
    # or need cutting, and (harmless: a False only costs time) long runs between two strings.
    # The first is found as `short` bytes in a row that are no quote, a search in C that skips
    # ahead (a page of rows mostly has none: the regex's step at every quote was as slow as
    # parsing the page); the runs are taken one by one from the quote before it.
    first = content.translate(_QUOTES_KEPT).find(b"x" * short)
    runs = () if first < 0 else \
        _runs_from(short).finditer(content, max(content.rfind(b'"', 0, first), 0))
    for run in runs:
        text = run[0][1:]  # bytes: at least as many as characters
        if len(text) > MAX_TEXT or scrubber.finds(text.decode("utf-8", "replace")):
            return False
    # The brackets and quotes; each string without a bracket is left as "" and taken away. No
    # quote left proves no string held a bracket: the first string that did would leave its
    # opening quote, ending an odd run of quotes. Then what is left is the structure's brackets.
    brackets = content.translate(_CURLY, _NOT_STRUCTURE).replace(b'""', b"")
    if b'"' in brackets:
        pieces = content.split(b'"')
        brackets = b"".join(pieces[0::2]).translate(_CURLY, _NOT_STRUCTURE)
    # Balanced (the parser took them), all as {}: each pass takes away the innermost pairs
    # (replace does not see the pairs its own cuts make), so the passes needed to empty them are
    # the deepest nesting. In C, a page of rows in 3 passes.
    for _ in range(MAX_DEPTH):
        if not brackets:
            return True
        brackets = brackets.replace(b"{}", b"")
    return not brackets


def _clean_in_place(data: Any, scrubber: Scrubber, keep_raw: Collection[str]) -> bool:
    """Scrub and cut every string (keys too); False when `data` nests deeper than MAX_DEPTH.
    Iterative: no recursion limit to hit, whatever the nesting. Strings too short to hold a
    secret or to need cutting (most row values) are only measured: this runs on every row."""
    short = min(scrubber.shortest, MAX_TEXT + 1)

    def clean(text: str) -> str:
        return cut(scrubber.text(text), MAX_TEXT)

    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        if type(node) is list:
            for i, item in enumerate(node):
                if type(item) is str:
                    if len(item) >= short:
                        node[i] = clean(item)
                elif type(item) is dict or type(item) is list:
                    stack.append((item, depth + 1))
        elif type(node) is dict:
            for key in [k for k in node if len(k) >= short]:
                node[clean(key)] = node.pop(key)
            for key, value in node.items():
                if type(value) is str:
                    if len(value) >= short and key not in keep_raw:
                        node[key] = clean(value)  # same key: the dict does not change size
                elif type(value) is dict or type(value) is list:
                    stack.append((value, depth + 1))
    return True
