"""The simulator's request handler: AFAS routing, token check, endpoints, faults, output."""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import logging
import re
import socket
import struct
import sys
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from typing import Any, NoReturn, Protocol
from urllib.parse import parse_qsl, unquote, urlsplit

from payt_onboarding.simulator.answers import (
    RESET,
    Answer,
    connector_metadata,
    error_body,
    fault_answer,
    split_environment,
)
from payt_onboarding.simulator.config import Fault, SimulatorConfig
from payt_onboarding.simulator.dataset import ConnectorTable
from payt_onboarding.simulator.messages import Message, language_of
from payt_onboarding.simulator.oauth import (
    BEARER_CHALLENGE,
    INVALID_TOKEN_CHALLENGE,
    token_request,
)
from payt_onboarding.simulator.query import (
    Condition,
    QueryError,
    Row,
    check_fields,
    parse_filters,
    parse_paging,
)


class SimulatorHost(Protocol):
    """What the handler needs of the server that owns it (server.SimulatorServer), named here
    so that the handler does not import the server that imports it."""

    config: SimulatorConfig

    def config_for(self, uid: str) -> SimulatorConfig | None: ...

    def _enter(self, token: str) -> bool: ...

    def _leave(self, record: RequestRecord, token: str) -> None: ...

    def _rows_cache(self, uid: str, connector_id: str, order_by: tuple[str, ...],
                    groups: tuple[tuple[Condition, ...], ...]) -> list[Row]: ...


log = logging.getLogger("payt_onboarding.simulator.server")

BASE_PATH = "/profitrestservices"
MAX_QUERY_LENGTH = 2049
_TOKEN_XML = re.compile(r"^\s*<token>\s*<version>\s*\d+\s*</version>\s*<data>\s*([^<\s]+)\s*"
                        r"</data>\s*</token>\s*$", re.IGNORECASE)
_COMMON_HEADERS = {
    "Cache-Control": "no-store, no-cache",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "deny",
    "X-AFAS-Proxy-Version": "4.3.0.0",
}

@dataclass(frozen=True)
class RequestRecord:
    path: str
    query: str
    status: int
    started: float
    ended: float
    language: str
    method: str = "GET"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "AFAS-Profit-Simulator"
    sys_version = ""
    timeout = 30
    _bearer = False  # the request carries a bearer token (set by _authenticate)
    _recorded = True  # only GET and POST requests are recorded; _handle resets this
    # Headers and body go out as separate writes; with Nagle on, each answer waits ~40 ms.
    disable_nagle_algorithm = True

    @property
    def sim(self) -> SimulatorHost:
        return self.server.simulator  # type: ignore[attr-defined, no-any-return]

    _uid = ""  # the environment's UID on a server of many (fleet.py), from the path prefix

    @property
    def config(self) -> SimulatorConfig:
        return self._config if self._uid else self.sim.config

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("simulator: " + format, *args)

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except ConnectionError:  # the client went away (a check stopped mid-request): no trace
            self.close_connection = True

    def finish(self) -> None:
        with contextlib.suppress(ConnectionError):  # the same, noticed flushing the last answer
            super().finish()

    def do_GET(self) -> None:
        self._form = b""
        self._handle()

    def do_POST(self) -> None:
        length = self.headers.get("Content-Length", "0")
        self._form = self.rfile.read(min(int(length), 65536)) if length.isdigit() else b""
        self._handle()

    def _handle(self) -> None:
        self._started = time.monotonic()
        self._recorded = False
        # Counted per Authorization header: AFAS limits the parallel calls of one token.
        self._caller = self.headers.get("Authorization", "")
        self._allowed = self.sim._enter(self._caller)
        split = urlsplit(self.path)
        self._uid, path = split_environment(unquote(split.path).lower().rstrip("/"))
        chosen = self.sim.config_for(self._uid)
        if chosen is None:  # no environment of that number here
            self._uid, path = "", "/unknown-environment"
        else:
            self._config = chosen
        self._record_key = (path[len(BASE_PATH):] if path.startswith(BASE_PATH) else path,
                            split.query)
        self._language = language_of(self.headers.get("Accept-Language"))
        try:
            self._serve(path, split.query, self._language)
        except OSError:  # the client went away, or the TLS session broke
            self.close_connection = True
        finally:
            self._record(0)

    def _record(self, status: int) -> None:
        """Log the request once, before its answer goes out, so a client never outruns it."""
        if self._recorded:
            return
        self._recorded = True
        path, query = self._record_key
        self.sim._leave(RequestRecord(path, query, status, self._started, time.monotonic(),
                                      self._language, self.command), self._caller)

    def _serve(self, path: str, query: str, language: str) -> None:
        if not self._allowed:
            # More parallel calls than AFAS allows per token: its catch-all error [INF].
            self._send(500, error_body(Message.UNEXPECTED, language))
            return
        if self.config.latency:
            time.sleep(self.config.latency)
        fault = self.config.take_fault(path)
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.delay)
            fault = None
        try:
            if fault is not None:
                self._fault(fault, language)
            body = self._route(path, query, language)
        except Answer as answer:
            if answer.status == RESET:
                self._reset(answer.body)
            else:
                self._send(answer.status, answer.body, answer.headers)
            return
        except QueryError as error:
            self._send(500, error_body(error.message, language, *error.args_))
            return
        self._send(200, body)

    # -- routing -----------------------------------------------------------------------------

    def _route(self, path: str, query: str, language: str) -> Any:
        if not path.startswith(BASE_PATH):
            raise Answer(404)
        if len(query) + 1 > MAX_QUERY_LENGTH:
            raise Answer(404)
        if path == BASE_PATH + "/oauth/token" and self.command == "POST":
            return self._token()
        if self.command != "GET":
            raise Answer(404)
        self._authenticate(language)
        parts = path[len(BASE_PATH):].strip("/").split("/")
        params = dict(parse_qsl(query, keep_blank_values=True))
        match parts:
            case ["metainfo"] | ["metainfo", "get" | "update"]:
                return self._metainfo()
            case ["metainfo", "get", connector_id]:
                return connector_metadata(self.config, self._table(connector_id, language))
            case ["metainfo", "update", _]:
                # Payt only reads: the AppConnector has no UpdateConnectors.
                raise Answer(500, error_body(Message.UPDATE_NOT_SUPPORTED, language))
            case ["profitversion"]:
                # Works only with the ProfitVersion connector on the AppConnector; Payt's has none.
                raise Answer(500, error_body(Message.VERSION_NOT_SUPPORTED, language))
            case ["connectors", connector_id]:
                table = self._table(connector_id, language)
                extra = self.config.connector_latency.get(table.id, 0.0)
                if extra:
                    time.sleep(extra)
                return self._rows(table, params)
            case ["subjectconnector", subject_id, file_id]:
                return self._subject(subject_id, file_id, language)
            case ["subjectconnector"] if self.config.switches.subject_query_form:
                lowered = {k.lower(): v for k, v in params.items()}
                return self._subject(
                    lowered.get("subjectid", ""), lowered.get("fileid", ""), language
                )
        raise Answer(404)

    def _fault(self, fault: Fault, language: str) -> None:
        answer = fault_answer(fault, language, self.headers.get("Authorization", ""))
        if answer is not None:
            raise answer

    def _token(self) -> Any:
        app, switches = self.config.app, self.config.switches
        host = self.headers.get("Host", "").lower()
        prefix = f"/{self._uid}" if self._uid else ""
        base = f"{self.server_scheme}://{host}{prefix}{BASE_PATH}"
        answer = token_request(
            app.oauth, app.auth_type, self.config.oauth_state,
            authorization=self.headers.get("Authorization", ""), form_body=self._form,
            token_urls=(base + "/oauth/token", base),
            classic_error=switches.oauth_classic_app_error,
            refresh_token_null=switches.oauth_refresh_token_null)
        if answer.status != 200:
            raise Answer(answer.status, answer.body, answer.headers)
        return answer.body

    @property
    def server_scheme(self) -> str:
        return "https" if getattr(self.sim, "_tls", None) else "http"

    def _authenticate(self, language: str) -> None:
        app = self.config.app
        header = self.headers.get("Authorization", "")
        scheme, _, credentials = header.partition(" ")
        self._bearer = scheme.lower() == "bearer"
        if self._bearer:
            # A bearer token only where OAuth is on; a refused one says so (Profit 9).
            if app.auth_type == "classic" or not self.config.oauth_state.valid(
                    credentials.strip()):
                raise Answer(401, None, {"WWW-Authenticate": INVALID_TOKEN_CHALLENGE})
        else:
            self._check_classic(scheme, credentials, language)
        if app.allowed_ips is not None and self.client_address[0] not in app.allowed_ips:
            raise Answer(403)

    def _check_classic(self, scheme: str, credentials: str, language: str) -> None:
        app = self.config.app
        # Profit 9 offers Bearer and DPoP on a 401 where OAuth is on (inferred for a classic
        # token on an OAuth-only app connector: Switches.oauth_classic_refused_challenge).
        offer = {"WWW-Authenticate": BEARER_CHALLENGE} if app.auth_type != "classic" else {}
        if scheme.lower() != "afastoken" or not credentials.strip():
            raise Answer(401, self._unauthorized_body(language), offer)
        if app.auth_type == "oauth":
            if not self.config.switches.oauth_classic_refused_challenge:
                offer = {}
            raise Answer(401, self._unauthorized_body(language), offer)
        try:
            xml = base64.b64decode(credentials.strip(), validate=True).decode("utf-8")
            match = _TOKEN_XML.match(xml)
        except (binascii.Error, UnicodeDecodeError):
            match = None
        if match is None:
            status = self.config.switches.malformed_header_status
            if status == 500:
                raise Answer(500, error_body(Message.UNEXPECTED, language))
            raise Answer(401, self._unauthorized_body(language))
        if match.group(1) != app.token_data:
            raise Answer(401, self._unauthorized_body(language))

    def _unauthorized_body(self, language: str) -> Any:
        if self.config.switches.empty_401_body:
            return None
        return error_body(Message.UNEXPECTED, language)

    def _table(self, connector_id: str, language: str) -> ConnectorTable:
        app = self.config.app
        wanted = {c.lower(): c for c in app.get_connectors}
        real_id = wanted.get(connector_id.lower())
        table = self.config.dataset.connectors.get(real_id) if real_id else None
        if table is None:
            self._refuse(Message.NOT_SUPPORTED, self.config.switches.not_authorized_status,
                         language)
        if table.id in app.blocked_connectors:
            self._refuse(Message.BLOCKED, self.config.switches.blocked_status, language)
        return table

    def _refuse(self, message: Message, status: int, language: str) -> NoReturn:
        if status == 401:
            raise Answer(401, self._unauthorized_body(language))
        raise Answer(500, error_body(message, language))

    # -- endpoints ---------------------------------------------------------------------------

    def _metainfo(self) -> Any:
        app = self.config.app
        tables = self.config.dataset.connectors
        return {
            "updateConnectors": [],
            "getConnectors": [
                {"id": tables[c].id, "description": tables[c].description}
                for c in app.get_connectors
                if c in tables
            ],
            "info": {
                "envid": app.envid,
                "appName": app.name,
                "group": app.group,
                **self._token_expiry(),
            },
        }

    def _token_expiry(self) -> dict[str, str]:
        """`tokenExpiry` of /metainfo; what it holds under OAuth is not settled (a switch)."""
        kind = self.config.switches.oauth_metainfo_expiry if self._bearer else "app"
        if kind == "absent":
            return {}
        if kind == "access_token":
            token = self.headers.get("Authorization", "").partition(" ")[2].strip()
            return {"tokenExpiry": self.config.oauth_state.expiry_iso(token)}
        return {"tokenExpiry": self.config.app.token_expiry}

    def _rows(self, table: ConnectorTable, params: dict[str, str]) -> Any:
        switches = self.config.switches
        skip, take, everything = parse_paging(params, switches)
        known = {f.id for f in table.fields}
        order_by = tuple(s for s in params.get("orderbyfieldids", "").split(",") if s)
        check_fields([s.lstrip("-") for s in order_by], known)
        groups = tuple(tuple(group) for group in parse_filters(params))
        check_fields([c.field for g in groups for c in g], known)
        rows = self.sim._rows_cache(self._uid, table.id, order_by, groups)
        if everything:
            page = rows
            echo = (-1, -1) if switches.echo_minus_one else (0, len(rows))
        else:
            page = rows[skip : skip + take]
            echo = (skip, take)
        return {"skip": echo[0], "take": echo[1], "rows": page}

    def _subject(self, subject_id: str, file_id: str, language: str) -> Any:
        app = self.config.app
        if not app.subject_connector:
            self._refuse(
                Message.SUBJECT_NOT_SUPPORTED, self.config.switches.not_authorized_status, language
            )
        if not app.dossier_rights or not subject_id.isdigit():
            raise Answer(404)
        found = self.config.dataset.file(int(subject_id), file_id.upper())
        if found is None:
            raise Answer(404)
        return {
            "filename": found.filename,
            "mimetype": found.mimetype,
            "filedata": base64.b64encode(found.data).decode("ascii"),
        }

    # -- output ------------------------------------------------------------------------------

    def _send(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        headers = dict(headers or {})
        if body is None:
            payload = b""
        elif isinstance(body, bytes):
            payload = body
        else:
            payload = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
            headers.setdefault("Content-Type", "application/json; charset=utf-8")
            if (
                self.config.switches.profit_error_header
                and isinstance(body, dict)
                and "externalMessage" in body
            ):
                headers["X-PROFIT-ERROR"] = base64.b64encode(
                    str(body["externalMessage"]).encode()
                ).decode("ascii")
        self._record(status)
        self.send_response(status)
        for name, value in {**_COMMON_HEADERS, **headers}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _reset(self, body: Any) -> None:
        """Send headers and half of `body` (or nothing), then reset the TCP connection."""
        payload = json.dumps(body).encode() if body else b""
        self._record(-1)
        if payload:
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload[: len(payload) // 2])
            self.wfile.flush()
        # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
        linger = struct.pack("HH" if sys.platform == "win32" else "ii", 1, 0)
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
        self.close_connection = True
        self.connection.close()

