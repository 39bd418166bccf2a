"""Many simulated AFAS environments on one port (`simulator --environments N`), for re-checking
many clients at once: each environment has its own UID, token or OAuth client, and kind.

An environment is served under its own path prefix, `http://127.0.0.1:PORT/<uid>/
ProfitRestServices`, not by Host header: the base URL is the only thing that tells the client
where to go, http is allowed for a loopback address only, and `<uid>.localhost` is not a
loopback address to this program (a resolver may send it to DNS, afas.environment.is_loopback).
A prefix keeps every environment on 127.0.0.1 and gives each its own base URL, so the keyring
entries, bound to the address, do not collide either.

Some kinds change after the profiles were saved (`drift()`): a connector removed, a field
retyped, the token replaced. Until then they are healthy, so the saved validation is of the
environment as it was.
"""

from __future__ import annotations

import hashlib
import json
import shlex
import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from payt_onboarding.simulator.config import SimulatorConfig
from payt_onboarding.simulator.dataset import INVOICE_LINES, SALES_ENTRIES
from payt_onboarding.simulator.scenarios import build_config

__all__ = ["FIRST_UID", "FLEET_ENTRIES", "FLEET_KINDS", "FleetEnvironment", "build_fleet", "drift"]

FIRST_UID = 20001
FLEET_ENTRIES = 60  # rows of sales entries per environment: enough to judge, quick to read
FleetKind = Literal["healthy", "oauth", "expiring", "connector_removed", "field_retyped",
                    "token_replaced", "hybrid", "no_secret"]
# The mix, repeated over the environments: environment i has kind FLEET_KINDS[i % 8].
FLEET_KINDS: tuple[FleetKind, ...] = ("healthy", "oauth", "expiring", "connector_removed",
                                      "field_retyped", "token_replaced", "hybrid", "no_secret")
RETYPED_FIELD = "invoice_date"  # of SALES_ENTRIES: a date that becomes text
_SCENARIO: dict[FleetKind, str] = {"oauth": "oauth_healthy", "hybrid": "hybrid",
                                   "expiring": "token_expires_soon"}


@dataclass
class FleetEnvironment:
    """One environment of the fleet, and the profile that matches it."""

    uid: str
    kind: FleetKind
    config: SimulatorConfig = field(repr=False)
    profile: str  # the matching profile's name
    # This environment's own classic token (its data value) and OAuth client secret; out of
    # the repr, as any secret, though a simulator's guard nothing.
    token_data: str = field(repr=False)
    client_id: str
    client_secret: str = field(repr=False)
    drifted: bool = field(default=False)

    @property
    def oauth(self) -> bool:
        return self.kind in ("oauth", "hybrid")

    def token_xml(self) -> str:
        return f"<token><version>1</version><data>{self.token_data}</data></token>"


def build_fleet(count: int, *, latency: float = 0.0, seed: int | None = None,
                today: date | None = None, entries: int = FLEET_ENTRIES
                ) -> list[FleetEnvironment]:
    """`count` environments, UIDs from FIRST_UID, each an independent configuration with
    `entries` sales entries."""
    today = today or date.today()
    fleet = []
    for index in range(count):
        uid = str(FIRST_UID + index)
        kind = FLEET_KINDS[index % len(FLEET_KINDS)]
        kwargs = {"seed": seed} if seed is not None else {}
        config = build_config(_SCENARIO.get(kind, "healthy"), entries=entries,
                              latency=latency, **kwargs)
        token = hashlib.sha256(f"payt-onboarding fleet token {uid}".encode()).hexdigest().upper()
        secret = "fleet-secret-" + uuid.uuid5(uuid.NAMESPACE_URL, f"fleet {uid}").hex
        config.app.token_data = token
        config.app.envid = f"O{uid}AA"
        config.app.group = f"Payt koppeling ({uid}.PAYT)"
        if kind == "expiring":
            # 12 days, as the scenario, from the day the test says it is.
            config.app.token_expiry = f"{(today + timedelta(days=12)).isoformat()}T00:00:00Z"
        if config.app.oauth is not None:
            config.app.oauth.client_id = f"payt-fleet-{uid}"
            config.app.oauth.secret = secret
        config.scenario = f"fleet:{kind}"
        fleet.append(FleetEnvironment(uid, kind, config, f"fleet-{uid}-{kind}", token,
                                      f"payt-fleet-{uid}", secret))
    return fleet


def drift(fleet: list[FleetEnvironment]) -> None:
    """What changes in AFAS after the profiles were saved: a connector taken off the app
    connector, a field retyped, a token replaced. Each environment drifts once."""
    for env in fleet:
        change = _DRIFTS.get(env.kind)
        if change is not None and not env.drifted:
            change(env.config)
            env.drifted = True


def _remove_connector(config: SimulatorConfig) -> None:
    config.app.get_connectors = [c for c in config.app.get_connectors if c != INVOICE_LINES]


def _retype_field(config: SimulatorConfig) -> None:
    table = config.dataset.connectors[SALES_ENTRIES]
    table.fields = [replace(f, data_type="string", length=20) if f.id == RETYPED_FIELD else f
                    for f in table.fields]


def _replace_token(config: SimulatorConfig) -> None:
    config.app.token_data = hashlib.sha256(config.app.token_data.encode()).hexdigest().upper()


_DRIFTS: dict[FleetKind, Callable[[SimulatorConfig], None]] = {
    "connector_removed": _remove_connector, "field_retyped": _retype_field,
    "token_replaced": _replace_token}


def write_profile_commands(fleet: list[FleetEnvironment], base: str, folder: Path) -> Path:
    """A shell script (sh) of commands that create the matching profiles, one a line, with
    each token or client secret in a file of its own beside it, read on
    standard input: a secret never goes in argv. `base`: the server's root URL.
    The no_secret kind's profile is imported from a file, with nothing in the keyring."""
    program = f"{shlex.quote(sys.executable)} -m payt_onboarding"
    secrets = folder / "secrets"
    secrets.mkdir(mode=0o700, exist_ok=True)
    lines = []
    for env in fleet:
        url = f"{base}/{env.uid}/ProfitRestServices"
        where = f"--uid {env.uid} --base-url {url} --trust-base-url"
        if env.kind == "no_secret":
            exported = folder / f"{env.profile}.json"
            exported.write_text(json.dumps({"schema_version": 1, "name": env.profile,
                                            "uid": env.uid, "environment": "production",
                                            "base_url": url}) + "\n", encoding="utf-8")
            lines.append(f"{program} profiles import {shlex.quote(str(exported))} --replace")
            continue
        secret_file = secrets / f"{env.uid}.txt"
        secret_file.touch(mode=0o600)
        if env.oauth:
            secret_file.write_text(env.client_secret, encoding="ascii")
            given = f"--client-id {env.client_id} --client-secret-stdin"
        else:
            secret_file.write_text(env.token_xml(), encoding="ascii")
            given = "--token-stdin"
        lines.append(f"{program} check {where} {given} --save-profile {env.profile} "
                     f"--output {shlex.quote(str(folder / f'first-{env.uid}.json'))} "
                     f"< {shlex.quote(str(secret_file))}")
    script = folder / "create-profiles.sh"
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return script
