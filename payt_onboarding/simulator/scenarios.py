"""Named AFAS environments, each one way a client's set-up can be (or go) wrong."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from payt_onboarding.simulator.config import AppConnector, Fault, SimulatorConfig
from payt_onboarding.simulator.dataset import (
    ADMINISTRATIONS,
    CONNECTOR_IDS,
    INVOICE_LINES,
    SALES_ENTRIES,
    SALES_INVOICES,
    SUBJECT_ATTACHMENTS,
    Dataset,
    build_dataset,
)
from payt_onboarding.simulator.defects import inject_data_quality_defects
from payt_onboarding.simulator.oauth import public_pem

__all__ = [
    "ADMINISTRATIONS", "ALL_CONNECTORS", "INVOICE_LINES", "SALES_ENTRIES", "SALES_INVOICES",
    "SCENARIOS", "SUBJECT_ATTACHMENTS", "HandsOver", "Scenario", "build_config",
]

DEFAULT_SEED = 20261125
DEFAULT_ENTRIES = 300

Mutation = Callable[[SimulatorConfig], None]


# What the client hands over in a scenario, for the demo and the tests: the demo token, or the
# demo OAuth client with its secret or its private key.
HandsOver = Literal["token", "client_secret", "private_key"]


@dataclass(frozen=True)
class Scenario:
    name: str
    description: str
    mutate: Mutation
    entries: int = DEFAULT_ENTRIES
    hands_over: HandsOver = "token"


def _rename_connector(config: SimulatorConfig, old: str, new: str) -> None:
    tables = config.dataset.connectors
    table = tables.pop(old)
    table.id = new
    table.description = new
    tables[new] = table
    config.app.get_connectors = [new if c == old else c for c in config.app.get_connectors]


def _rename_field(config: SimulatorConfig, connector: str, old: str, new: str) -> None:
    table = config.dataset.connectors[connector]
    table.fields = [replace(f, id=new) if f.id == old else f for f in table.fields]
    for row in table.rows:
        row[new] = row.pop(old)


def _drop_field(config: SimulatorConfig, connector: str, name: str) -> None:
    table = config.dataset.connectors[connector]
    table.fields = [f for f in table.fields if f.id != name]
    for row in table.rows:
        row.pop(name, None)


def _healthy(config: SimulatorConfig) -> None:
    """Everything as Payt's guide asks."""


def _token_rejected(config: SimulatorConfig) -> None:
    # The AppConnector now holds another token: the one the user has is refused with 401.
    config.app.token_data = hashlib.sha256(b"another token").hexdigest().upper()


def _connector_missing(config: SimulatorConfig) -> None:
    config.app.get_connectors.remove(INVOICE_LINES)


def _outdated_version(config: SimulatorConfig) -> None:
    _rename_connector(config, SALES_ENTRIES, "Payt_sales_entries_v11")


def _fields_missing(config: SimulatorConfig) -> None:
    # Two mandatory fields exist under other names (mappable), one is absent altogether.
    _rename_field(config, SALES_ENTRIES, "invoice_due_date", "VervalDatum")
    _rename_field(config, SALES_ENTRIES, "debtor_post_country_code", "LandCode")
    _drop_field(config, ADMINISTRATIONS, "administration_origin_id")


def _no_subject_connector(config: SimulatorConfig) -> None:
    config.app.subject_connector = False


def _no_dossier_rights(config: SimulatorConfig) -> None:
    config.app.dossier_rights = False


def _blocked_connector(config: SimulatorConfig) -> None:
    config.app.blocked_connectors.add(SALES_INVOICES)


def _maintenance(config: SimulatorConfig) -> None:
    # The first requests meet a maintenance window that ends a second later.
    config.add_fault(Fault("unavailable", times=3, retry_after=1.0))


def _slow(config: SimulatorConfig) -> None:
    config.connector_latency[INVOICE_LINES] = 1.2


def _data_quality(config: SimulatorConfig) -> None:
    inject_data_quality_defects(config.dataset)


def _ip_restricted(config: SimulatorConfig) -> None:
    config.app.allowed_ips = ("192.0.2.10",)  # a documentation address: never ours


def _token_expires_soon(config: SimulatorConfig) -> None:
    expiry = date.today() + timedelta(days=12)
    config.app.token_expiry = f"{expiry.isoformat()}T00:00:00Z"


def _oauth_only(config: SimulatorConfig) -> None:
    config.app.auth_type = "oauth"


def _hybrid(config: SimulatorConfig) -> None:
    config.app.auth_type = "hybrid"


def _oauth_secret_expired(config: SimulatorConfig) -> None:
    _oauth_only(config)
    assert config.app.oauth is not None
    config.app.oauth.secret_expired = True


def _oauth_short_lived(config: SimulatorConfig) -> None:
    # Tokens of 1 s and 250 ms per answer: a check must renew its token along the way.
    _oauth_only(config)
    assert config.app.oauth is not None
    config.app.oauth.token_lifetime = 1.0
    config.latency = max(config.latency, 0.25)


def _oauth_wrong_key(config: SimulatorConfig) -> None:
    # Profit holds the certificate of another key than the one the client signs with.
    _oauth_only(config)
    assert config.app.oauth is not None
    other = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()).decode("ascii")
    config.app.oauth.public_key = public_pem(other)


SCENARIOS: dict[str, Scenario] = {
    s.name: s
    for s in (
        Scenario("healthy", "Everything in order: every connector, right and data.", _healthy),
        Scenario("token_rejected", "AFAS answers 401: the token is wrong or expired.",
                 _token_rejected),
        Scenario("connector_missing", f"{INVOICE_LINES} is not on the AppConnector.",
                 _connector_missing),
        Scenario("outdated_version", "Only Payt_sales_entries_v11 is there, not _v12.",
                 _outdated_version),
        Scenario("fields_missing", "Sales entries name two mandatory fields differently; "
                 "administrations lack administration_origin_id.", _fields_missing),
        Scenario("no_subject_connector", "AppConnectorSubject is not on the AppConnector.",
                 _no_subject_connector),
        Scenario("no_dossier_rights", "The user group lacks rights on all dossier items.",
                 _no_dossier_rights),
        Scenario("blocked_connector", f"AFAS blocked {SALES_INVOICES} (fair use).",
                 _blocked_connector),
        Scenario("maintenance", "503 maintenance for the first requests, then recovers.",
                 _maintenance),
        Scenario("slow", f"{INVOICE_LINES} takes 1.2 s per request.", _slow),
        Scenario("data_quality", "Missing e-mails and names, unknown payment conditions, due "
                 "before invoice date, a duplicate invoice number.", _data_quality, entries=150),
        Scenario("ip_restricted", "The AppConnector only allows another IP address (403).",
                 _ip_restricted),
        Scenario("token_expires_soon", "The token expires in 12 days.", _token_expires_soon),
        Scenario("oauth_healthy", "The app connector is set to OAuth; its client works.",
                 _oauth_only, hands_over="client_secret"),
        Scenario("hybrid", "The app connector is set to Hybrid: classic token and OAuth.",
                 _hybrid, hands_over="client_secret"),
        Scenario("oauth_only_classic_refused", "Set to OAuth: a classic token is refused (401).",
                 _oauth_only),
        Scenario("oauth_secret_expired", "The OAuth client secret is past its validity period.",
                 _oauth_secret_expired, hands_over="client_secret"),
        Scenario("oauth_short_lived", "OAuth access tokens last 1 s: a check renews them.",
                 _oauth_short_lived, hands_over="client_secret"),
        Scenario("oauth_wrong_key", "Profit holds the certificate of another private key.",
                 _oauth_wrong_key, hands_over="private_key"),
    )
}

ALL_CONNECTORS = list(CONNECTOR_IDS)

_BASE_CACHE: dict[tuple[int, int], Dataset] = {}


def build_config(
    name: str = "healthy",
    *,
    entries: int | None = None,
    seed: int = DEFAULT_SEED,
    latency: float = 0.0,
) -> SimulatorConfig:
    """A fresh, independent configuration for scenario `name` (KeyError lists the names)."""
    try:
        scenario = SCENARIOS[name]
    except KeyError:
        raise KeyError(
            f"unknown scenario {name!r}; choose one of: {', '.join(SCENARIOS)}"
        ) from None
    count = entries if entries is not None else scenario.entries
    key = (seed, count)
    if key not in _BASE_CACHE:
        _BASE_CACHE[key] = build_dataset(seed=seed, entries=count)
    config = SimulatorConfig(
        dataset=_BASE_CACHE[key].copy(),
        app=AppConnector(get_connectors=list(ALL_CONNECTORS)),
        latency=latency,
        scenario=name,
    )
    scenario.mutate(config)
    return config
