"""What a simulated AFAS environment is: its AppConnector, its data, its switches and faults.

`Switches` holds every AFAS behaviour that the reference marks as unsettled; each default is the
reference's best inference, and the other value is one flag away.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from typing import Literal

from payt_onboarding.simulator.dataset import Dataset
from payt_onboarding.simulator.oauth import OAuthApp, OAuthState

# A fixed, well-known demo token: the simulator is a stand-in, its token guards nothing.
DEMO_TOKEN_DATA = hashlib.sha256(b"payt-onboarding demo token").hexdigest().upper()
DEMO_UID = "12345"


def demo_token_xml() -> str:
    """The demo token as AFAS shows it; the simulator prints it, nothing about it is secret."""
    return f"<token><version>1</version><data>{DEMO_TOKEN_DATA}</data></token>"


@dataclass
class AppConnector:
    """The AFAS AppConnector the token belongs to."""

    token_data: str = DEMO_TOKEN_DATA
    name: str = "Payt REST API"
    group: str = "Payt koppeling (12345.PAYT)"
    envid: str = f"O{DEMO_UID}AA"
    token_expiry: str = "0"
    get_connectors: list[str] = field(default_factory=list)
    # The AppConnectorSubject special connector (Connectors tab of the AppConnector).
    subject_connector: bool = True
    # The user group's right on all dossier items; without it every dossier file is a 404.
    dossier_rights: bool = True
    blocked_connectors: set[str] = field(default_factory=set)
    # When set, requests from other addresses get 403 (IP restriction on the AppConnector).
    allowed_ips: tuple[str, ...] | None = None
    # AFAS allows at most 8 parallel calls (reference section 5); more are refused with its
    # catch-all error (how AFAS refuses them is not documented: inferred).
    max_parallel_calls: int = 8
    # Profit 9's authentication type: classic token only, both (the switch-over), or OAuth only.
    auth_type: Literal["classic", "hybrid", "oauth"] = "classic"
    # The OAuth client Profit holds for this app connector (used when auth_type is not classic).
    oauth: OAuthApp | None = field(default_factory=OAuthApp)


@dataclass
class Switches:
    """AFAS behaviour the reference could not settle; see reference/afas-profit-rest.md."""

    # A connector not on the AppConnector: 500 with a body (observed) or 401 (H-resp).
    not_authorized_status: Literal[500, 401] = 500
    # A blocked GetConnector: 500 with a body (inferred) or 401.
    blocked_status: Literal[500, 401] = 500
    # An Authorization header that is not base64 of <token>: 500 (Profit 6 notes) or 401.
    malformed_header_status: Literal[500, 401] = 500
    # Also send the obsolete base64 X-PROFIT-ERROR header beside the JSON error body.
    profit_error_header: bool = False
    # take=0 returned one row in 2017-2018 (PracticalAfas); the alternative is an empty page.
    take_zero_returns_one: bool = True
    # What skip=-1&take=-1 echoes: -1/-1 (inferred) or the row count as take.
    echo_minus_one: bool = True
    # Serve /subjectconnector?SubjectId=&FileId= (OpenAPI form) beside the path form.
    subject_query_form: bool = True
    # Put code-table `values` on fields linked to a code table in /metainfo/get.
    code_table_values: bool = True
    # A 401 answer carries an empty body (OpenAPI shows Content-Length: 0) or a JSON body.
    empty_401_body: bool = True
    # OAuth, reference/afas-oauth.md (inferred parts):
    # A classic token on an app connector set to OAuth: 401 whose WWW-Authenticate offers only
    # Bearer and DPoP (the client can tell it from a wrong token), or a bare 401 (it cannot).
    oauth_classic_refused_challenge: bool = True
    # A token request for an app connector still on "classic token".
    oauth_classic_app_error: Literal["unauthorized_client", "invalid_client"] = (
        "unauthorized_client")
    # /metainfo's tokenExpiry under a bearer token: left out, the app connector's value as for a
    # classic token, or the access token's own expiry.
    oauth_metainfo_expiry: Literal["absent", "app", "access_token"] = "absent"
    # Before Profit 9 the token answer carried "refresh_token": null; from Profit 9 no key.
    oauth_refresh_token_null: bool = False


FaultKind = Literal[
    "unavailable",  # 503 with retry_after in the body and a Retry-After header
    "server_timeout",  # 500 with AFAS's time-limit message
    "reset",  # headers and half the body, then a TCP reset
    "drop",  # close the connection without any answer
    "html",  # an HTML page with status 200, as a captive portal or proxy sends it
    "slow",  # answer normally after `delay` seconds
    "edge_400",  # 400 with an empty body, as AFAS's edge sends during outages
    "echo_auth",  # 500 whose message quotes the Authorization header, as a careless proxy does
]


@dataclass
class Fault:
    kind: FaultKind
    # Substring of the lower-case request path; "" matches every request.
    match: str = ""
    # How many requests it hits; None for every matching request.
    times: int | None = None
    retry_after: float = 1.0
    delay: float = 0.0


@dataclass
class SimulatorConfig:
    dataset: Dataset
    app: AppConnector
    switches: Switches = field(default_factory=Switches)
    # Added to every request, in seconds (network plus AFAS's own work).
    latency: float = 0.0
    # Extra latency on `/connectors/{id}` for the connector ids named, in seconds.
    connector_latency: dict[str, float] = field(default_factory=dict)
    faults: list[Fault] = field(default_factory=list)
    scenario: str = "custom"
    oauth_state: OAuthState = field(default_factory=OAuthState, repr=False)
    _fault_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add_fault(self, fault: Fault) -> None:
        with self._fault_lock:
            self.faults.append(fault)

    def take_fault(self, path: str) -> Fault | None:
        """The first fault matching `path`, counting it as used."""
        lowered = path.lower()
        with self._fault_lock:
            for fault in self.faults:
                if fault.match in lowered and (fault.times is None or fault.times > 0):
                    if fault.times is not None:
                        fault.times -= 1
                    return fault
        return None
