"""A hostile server in front of a simulator, on 127.0.0.1: it passes requests on, and answers
the ones its attack matches the way a broken proxy or an attacker would.

Attacks on bodies (`ATTACKS`) stream what they send, so the server itself stays small whatever
it claims to send; `Echo` quotes the token back through one server text channel.
"""

from __future__ import annotations

import http.client
import json
import re
import threading
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from payt_onboarding.simulator.server import SimulatorServer

DEEP = "[" * 1000 + "]" * 1000  # 2 KB of JSON nested 1,000 levels deep
_FILLER_ROW = b'{"a":"' + b"x" * 1000 + b'"},'


@dataclass(frozen=True)
class Echo:
    """Put `text` (a form of the token) into `channel`: externalMessage, profitLogReference,
    appName, group, envid, label or row."""

    channel: str
    text: str


class _Handler(BaseHTTPRequestHandler):
    server: HostileServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        split = urlsplit(self.path)
        path = split.path.lower()
        params = dict(parse_qsl(split.query))
        attack = self.server.attack
        try:
            if isinstance(attack, Echo):
                self._echo(attack, path)
            elif self.server.match in path:
                ATTACKS[attack](self, params)
            else:
                self._pass_on(lambda data: data)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True

    # -- passing on ----------------------------------------------------------------------------

    def _upstream(self) -> tuple[int, bytes]:
        sim = self.server.upstream
        conn = http.client.HTTPConnection("127.0.0.1", sim.port, timeout=30)
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() in ("authorization", "accept-language")}
        conn.request("GET", self.path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        conn.close()
        return response.status, body

    def _pass_on(self, change: Callable[[Any], Any], error: bool = False) -> None:
        status, body = self._upstream()
        if body and (status == 200 or error):
            body = json.dumps(change(json.loads(body))).encode()
        self.send(status, body)

    def send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def stream(self, status: int, head: bytes, filler: bytes, total: int,
               headers: dict[str, str] | None = None) -> None:
        """`head`, then `filler` again and again: `total` bytes claimed, or endless chunks."""
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if total:
            self.send_header("Content-Length", str(total))
        else:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        block = filler * max(1, 65536 // len(filler))
        sent = 0
        for piece in _endless(head, block):
            if total:
                piece = piece[: total - sent]
                self.wfile.write(piece)
            else:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            sent += len(piece)
            if total and sent >= total:
                return

    # -- the token quoted back ---------------------------------------------------------------

    def _echo(self, echo: Echo, path: str) -> None:
        text, channel = echo.text, echo.channel
        if channel in ("externalMessage", "profitLogReference"):
            if "/connectors/" in path:
                body = {"externalMessage": "Er is een fout opgetreden", "errorNumber": -1,
                        "profitLogReference": "5C2A"}
                body[channel] = f"Invalid header {text} ({text})"
                self.send(500, json.dumps(body).encode())
                return
        elif channel in ("appName", "group", "envid") and path.endswith("/metainfo"):
            self._pass_on(lambda data: {**data, "info": {**data["info"], channel: text}})
            return
        elif channel == "label" and "/metainfo/get/" in path:
            self._pass_on(lambda data: {**data, "fields": [
                {**f, "label": f"{f.get('label', '')} {text}"} for f in data["fields"]]})
            return
        elif channel == "http_header" and "/connectors/" in path:
            # Where no report looks, but a DEBUG log of the HTTP library would.
            self.send_response(500, f"Invalid {text}")
            self.send_header("X-Echo", text)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        elif channel == "row" and "/connectors/" in path:
            self._pass_on(lambda data: {**data, "rows": [
                {k: (f"{text}" if isinstance(v, str) else v) for k, v in row.items()}
                for row in data["rows"]]})
            return
        self._pass_on(lambda data: data)


def _endless(head: bytes, block: bytes) -> Iterator[bytes]:
    yield head
    while True:
        yield block


def _take(params: dict[str, str]) -> int:
    take = int(params.get("take", "100"))
    return take if take > 0 else 1000


def _huge_body(h: _Handler, params: dict[str, str]) -> None:
    h.stream(200, b'{"skip":0,"take":200,"rows":[', _FILLER_ROW, 2_000_000_000)


def _endless_chunked(h: _Handler, params: dict[str, str]) -> None:
    h.stream(200, b'{"skip":0,"take":200,"rows":[', _FILLER_ROW, 0)


def _ten_million_rows(h: _Handler, params: dict[str, str]) -> None:
    row = b'{"n":1},'
    head = b'{"skip":0,"take":%d,"rows":[' % _take(params)
    h.stream(200, head, row, len(head) + len(row) * 10_000_000 + 2)


def _more_rows_than_take(h: _Handler, params: dict[str, str]) -> None:
    take = _take(params)
    rows = [{"n": i} for i in range(take + 50)]
    h.send(200, json.dumps({"skip": 0, "take": take, "rows": rows}).encode())


def _ignore_skip(h: _Handler, params: dict[str, str]) -> None:
    h.path = re.sub(r"([?&])skip=\d+", r"\g<1>skip=0", h.path)  # the real first page, always
    h._pass_on(lambda data: data)


def _endless_pages(h: _Handler, params: dict[str, str]) -> None:
    take, skip = _take(params), int(params.get("skip", "0"))
    rows = [{"n": skip + i} for i in range(take)]  # always another full page
    h.send(200, json.dumps({"skip": skip, "take": take, "rows": rows}).encode())


def _gzip_bomb(h: _Handler, params: dict[str, str]) -> None:
    h.send(200, gzip_bomb(), {"Content-Encoding": "gzip"})


def _huge_message(h: _Handler, params: dict[str, str]) -> None:
    head = b'{"errorNumber":-1,"profitLogReference":"X","externalMessage":"'
    h.stream(500, head, b"x" * 1000, len(head) + 50_000_000)


def _deep_rows(h: _Handler, params: dict[str, str]) -> None:
    h.send(200, b'{"skip":0,"take":1,"rows":[{"a":' + DEEP.encode() + b"}]}")


def _rows_nested(depth: int) -> Callable[[_Handler, dict[str, str]], None]:
    """A page whose one row holds a value nested `depth` levels deep (the page adds three)."""
    value = b"[" * (depth - 3) + b"]" * (depth - 3)

    def attack(h: _Handler, params: dict[str, str]) -> None:
        h.send(200, b'{"skip":0,"take":1,"rows":[{"a":' + value + b"}]}")
    return attack


def _bom_rows(h: _Handler, params: dict[str, str]) -> None:
    # The real page behind a UTF-8 byte order mark, as a .NET writer may put it.
    status, body = h._upstream()
    h.send(status, b"\xef\xbb\xbf" + body)


def _deep_error(h: _Handler, params: dict[str, str]) -> None:
    h.send(500, b'{"errorNumber":-1,"externalMessage":' + DEEP.encode() + b"}")


def _deep_metainfo(h: _Handler, params: dict[str, str]) -> None:
    h.send(200, b'{"getConnectors":[],"info":' + DEEP.encode() + b"}")


@cache
def gzip_bomb() -> bytes:
    """4 MB of gzip that expands to 4 GiB of JSON (a page opening, then spaces)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [packer.compress(b'{"skip":0,"take":200,"rows":[')]
    block = b" " * (1 << 20)
    parts += [packer.compress(block) for _ in range(4096)]
    parts.append(packer.flush())
    return b"".join(parts)


# Attack name -> answer; each is served on requests whose path holds the server's `match`.
ATTACKS: dict[str, Callable[[_Handler, dict[str, str]], None]] = {
    "huge_body": _huge_body,
    "endless_chunked": _endless_chunked,
    "ten_million_rows": _ten_million_rows,
    "more_rows_than_take": _more_rows_than_take,
    "ignore_skip": _ignore_skip,
    "endless_pages": _endless_pages,
    "gzip_bomb": _gzip_bomb,
    "huge_message": _huge_message,
    "deep_rows": _deep_rows,
    "rows_nested_100": _rows_nested(100),  # within orjson's 1,024 levels: our own check
    "rows_nested_5000": _rows_nested(5000),  # beyond them: orjson refuses it
    "bom_rows": _bom_rows,
    "deep_error": _deep_error,
    "deep_metainfo": _deep_metainfo,
}


class HostileServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, upstream: SimulatorServer, attack: str | Echo,
                 match: str = "/connectors/") -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.upstream, self.attack, self.match = upstream, attack, match
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/ProfitRestServices"

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


__all__ = ["ATTACKS", "DEEP", "Echo", "HostileServer", "gzip_bomb"]
