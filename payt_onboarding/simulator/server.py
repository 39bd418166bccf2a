"""A local AFAS Profit REST server on loopback, faithful to reference/afas-profit-rest.md 8.

Standard library only: one thread per connection, HTTP/1.1 keep-alive, optional TLS. The
request handling itself lives in `handler.py`.
"""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Mapping
from functools import lru_cache
from http.server import ThreadingHTTPServer
from types import TracebackType
from typing import Self

from payt_onboarding.afas.environment import is_loopback
from payt_onboarding.simulator.config import SimulatorConfig
from payt_onboarding.simulator.handler import RequestRecord, _Handler
from payt_onboarding.simulator.query import Condition, Row, apply_filters, sort_rows

__all__ = ["RequestRecord", "SimulatorServer"]


class SimulatorServer:
    """Serves `config` on `host:port` (port 0 picks a free one) until `stop()`."""

    def __init__(
        self,
        config: SimulatorConfig,
        host: str = "127.0.0.1",
        port: int = 0,
        tls: ssl.SSLContext | None = None,
        environments: Mapping[str, SimulatorConfig] | None = None,
    ) -> None:
        """`environments`: more environments by UID, each served under its own path prefix,
        `/<uid>/ProfitRestServices` (fleet.py says why a prefix); `config` serves the rest."""
        if not is_loopback(host.strip("[]")):
            raise ValueError(
                f"the simulator only listens on loopback (127.0.0.1, ::1), not on {host!r}"
            )
        self.config = config
        self.environments = dict(environments or {})
        self.requests: list[RequestRecord] = []
        self._lock = threading.Lock()
        self._in_flight = 0
        self._per_token: dict[str, int] = {}
        self.max_in_flight = 0
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        # socketserver's listen queue of 5 overflows when a client opens 7+ connections at once,
        # and the client's connection retry then costs a second.
        server_class = type("_Server", (ThreadingHTTPServer,),
                            {"address_family": family, "request_queue_size": 128})
        self._httpd = server_class((host, port), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self._httpd.simulator = self
        self._tls = tls
        if tls is not None:
            self._httpd.socket = tls.wrap_socket(self._httpd.socket, server_side=True)
        self._thread: threading.Thread | None = None
        self._rows_cache = lru_cache(maxsize=64 + 8 * len(self.environments))(self._query_rows)

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        host = str(self._httpd.server_address[0])
        if ":" in host:
            host = f"[{host}]"
        scheme = "https" if self._tls else "http"
        return f"{scheme}://{host}:{self.port}/ProfitRestServices"

    def url_for(self, uid: str) -> str:
        """The base URL of one of `environments`."""
        root = self.url.removesuffix("/ProfitRestServices")
        return f"{root}/{uid}/ProfitRestServices"

    def config_for(self, uid: str) -> SimulatorConfig | None:
        """The configuration a request's path prefix names ("": the server's own)."""
        return self.config if not uid else self.environments.get(uid)

    def forget_rows(self) -> None:
        """Drop the cached query results, after a test changed an environment's rows."""
        self._rows_cache.cache_clear()

    def start(self) -> Self:
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, args=(0.05,), name="afas-simulator",
            daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def in_flight(self) -> int:
        """Requests being answered now."""
        with self._lock:
            return self._in_flight

    def paths(self, prefix: str = "") -> list[str]:
        """Request paths seen so far (lower case, without the base path)."""
        with self._lock:
            return [r.path for r in self.requests if r.path.startswith(prefix)]

    # -- bookkeeping used by the handler -----------------------------------------------------

    def _enter(self, token: str) -> bool:
        """Count a request in; False when its token already has AFAS's limit in flight."""
        with self._lock:
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
            self._per_token[token] = self._per_token.get(token, 0) + 1
            return self._per_token[token] <= self.config.app.max_parallel_calls

    def _leave(self, record: RequestRecord, token: str) -> None:
        with self._lock:
            self._in_flight -= 1
            self._per_token[token] -= 1
            self.requests.append(record)

    def _query_rows(
        self, uid: str, connector_id: str, order_by: tuple[str, ...],
        groups: tuple[tuple[Condition, ...], ...],
    ) -> list[Row]:
        """Filtered, sorted rows; cached because paging asks the same question many times."""
        config = self.config_for(uid) or self.config
        table = config.dataset.connectors[connector_id]
        rows = apply_filters(table.rows, groups)
        return sort_rows(rows, order_by) if order_by else rows

