"""Change a running simulator between a saved validation and a re-check (issue 16), and run
both checks the way the application does: app.check over real HTTP on 127.0.0.1, then
app.saving to keep the validation (its token in an in-memory keyring).

The simulator reads its SimulatorConfig on every request, so these edit it in place.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path
from typing import Any

from payt_onboarding.afas.credentials import Credentials
from payt_onboarding.afas.environment import Environment
from payt_onboarding.app.changes import with_changes
from payt_onboarding.app.check import check_environment
from payt_onboarding.app.saving import save_checked_profile
from payt_onboarding.checks.session import CheckOptions
from payt_onboarding.profile.model import Profile
from payt_onboarding.profile.secrets import TokenVault
from payt_onboarding.profile.store import ProfileStore
from payt_onboarding.report.model import Report
from payt_onboarding.report.render_json import render_json
from payt_onboarding.requirements.load import load_requirements
from payt_onboarding.simulator.config import DEMO_UID, SimulatorConfig
from payt_onboarding.simulator.dataset import Field
from payt_onboarding.simulator.dataset_fields import DataType
from payt_onboarding.simulator.demo import demo_credentials
from payt_onboarding.simulator.scenarios import _drop_field, _rename_connector, _rename_field
from payt_onboarding.simulator.server import SimulatorServer
from tests.support.profiles import MemoryKeyring

REQUIREMENTS = load_requirements()
PROFILE = "Bakkerij de Vries"


# The scenarios' own edits: a connector or field renamed, a field gone.
rename_connector = _rename_connector
rename_field = _rename_field
drop_field = _drop_field


def add_field(config: SimulatorConfig, connector: str, name: str, data_type: DataType,
              value: object) -> None:
    table = config.dataset.connectors[connector]
    table.fields.append(Field(id=name, data_type=data_type, label=name, length=0,
                              field_id=f"U{len(table.fields):03d}"))
    for row in table.rows:
        row[name] = value


def retype_field(config: SimulatorConfig, connector: str, name: str,
                 data_type: DataType) -> None:
    table = config.dataset.connectors[connector]
    table.fields = [replace(f, data_type=data_type) if f.id == name else f
                    for f in table.fields]


def blank_field(config: SimulatorConfig, connector: str, name: str) -> None:
    """The field stays, every value goes: its fill rate drops to 0%."""
    for row in config.dataset.connectors[connector].rows:
        row[name] = None


def check(server: SimulatorServer, *, credentials: Credentials | None = None,
          **options: Any) -> Report:
    """A whole check, as `check` and the wizard run it. Never "slow": the machine is shared."""
    environment = Environment.parse(DEMO_UID, base_url=server.url)
    options.setdefault("slow_ms", 60_000)
    return asyncio.run(check_environment(environment, credentials or demo_credentials(),
                                         REQUIREMENTS, CheckOptions(**options)))


def validate(server: SimulatorServer, directory: Path, *,
             credentials: Credentials | None = None, **options: Any) -> Profile:
    """Check and save as a profile (as `check --save-profile` and the wizard's Save do)."""
    report = check(server, credentials=credentials, **options)
    environment = Environment.parse(DEMO_UID, base_url=server.url)
    saved = save_checked_profile(
        PROFILE, environment, credentials or demo_credentials(), CheckOptions(**options),
        REQUIREMENTS, report, render_json(report), store=ProfileStore(directory),
        vault=TokenVault(MemoryKeyring()))
    return saved.profile


def recheck(server: SimulatorServer, profile: Profile, *,
            credentials: Credentials | None = None, **options: Any) -> Report:
    """The profile checked again, with what changed since its validation."""
    options.setdefault("mappings", profile.mappings)
    return with_changes(check(server, credentials=credentials, **options), profile)
