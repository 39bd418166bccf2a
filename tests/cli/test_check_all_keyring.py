"""`check --all-profiles` over 50 simulated environments with a real Secret Service (run via
tests/keyring_session.sh; CI does): the profiles made by the commands `simulator --environments`
writes (each secret on standard input), the environments changed after, then every client's
row checked against what its environment is."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from payt_onboarding.afas.environment import Environment
from payt_onboarding.app.credentials import client_secret_account
from payt_onboarding.checks.deadlines import CLASSIC_TOKENS_EXPIRE
from payt_onboarding.profile.model import KEYRING_SERVICE, OAUTH_KEYRING_SERVICE
from payt_onboarding.profile.store import CONFIG_DIR_ENV
from payt_onboarding.simulator.fleet import (
    FLEET_KINDS,
    RETYPED_FIELD,
    FleetEnvironment,
    drift,
    write_profile_commands,
)
from tests.support import keyring_session
from tests.support.fleet import (
    EXIT,
    lasting_changes,
    lasting_codes,
    lasting_verdict,
    report_of,
    run_cli,
    start_fleet,
    summary_rows,
)
from tests.support.texts import said

COUNT = 50


@pytest.fixture
def scratch() -> Iterator[Path]:
    """Where the simulator's commands and secret files go: not tmp_path, whose files the leak
    guard rightly scans for tokens after the test."""
    folder = Path(tempfile.mkdtemp(prefix="payt-fleet-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _purge(server_root: str, fleet: list[FleetEnvironment]) -> None:
    for env in fleet:
        environment = Environment.parse(env.uid, None, f"{server_root}/{env.uid}/"
                                        "ProfitRestServices")
        keyring_session.purge(KEYRING_SERVICE, environment.keyring_account)
        keyring_session.purge(OAUTH_KEYRING_SERVICE,
                              client_secret_account(environment, env.client_id))


@pytest.mark.secret_service
def test_fifty_environments_each_get_the_right_row(secret_service: None, tmp_path: Path,
                                                   scratch: Path) -> None:
    server, fleet = start_fleet(COUNT)
    root = server.url.removesuffix("/ProfitRestServices")
    config = tmp_path / "config"
    try:
        script = write_profile_commands(fleet, root, scratch)
        lines = script.read_text(encoding="utf-8").splitlines()
        assert len(lines) == COUNT
        for env in fleet:  # no secret on any command line, each read from its own file
            assert env.token_data not in script.read_text()
            assert env.client_secret not in script.read_text()
        created = subprocess.run(["/bin/sh", str(script)], capture_output=True, text=True,
                                 timeout=900, check=False, cwd=scratch,
                                 env={**_environ(), CONFIG_DIR_ENV: str(config)})
        assert "Traceback" not in created.stderr, created.stderr
        unsaved = [e for e in fleet if e.kind == "no_secret"]
        # "the token is in …" / "the client secret is in …", in the run's language
        in_store = said("cli.saved.in_store", what="", store="Secret Service").split(" ", 2)[2]
        assert created.stderr.count(in_store) == COUNT - len(unsaved), created.stderr

        drift(fleet)
        server.forget_rows()
        done = run_cli(config, "--language", "en", "check", "--all-profiles", "--match",
                       "fleet-", "--trust-base-url", "--output-dir", "reports", "--output",
                       "summary.json", "--save", cwd=tmp_path, keyring=None, timeout=900)
    finally:
        server.stop()
        _purge(root, fleet)
    rows = summary_rows(tmp_path / "summary.json")
    assert len(rows) == COUNT
    assert {env.kind for env in fleet} == set(FLEET_KINDS)
    for env in fleet:
        _check_row(env, rows[env.profile], tmp_path / "summary.json")
    assert done.code == EXIT["not_ready"], done.err  # the worst among them
    saved = {name for name, r in rows.items() if r["saved"]}
    # Every check but the refused tokens' (their last validation is kept), one by one.
    assert saved == {e.profile for e in fleet if e.kind not in ("no_secret", "token_replaced")}


def _environ() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items()
            if k not in ("PAYT_AFAS_TOKEN", "PYTHON_KEYRING_BACKEND", "PAYT_ONBOARDING_DEBUG")}


def _check_row(env: FleetEnvironment, row: dict[str, object], summary: Path) -> None:
    kind = env.kind
    if kind == "no_secret":
        assert row["status"] == "not_checked" and row["reason_code"] == "no_secret", row
        return
    assert row["status"] == "checked", row
    report = report_of(summary, row)
    assert report["target"]["envid"] == f"O{env.uid}AA" or kind == "token_replaced"
    changes = lasting_changes(report)
    assert row["changes"] == len(report["since_last_validation"]["changes"])
    classic_days = (CLASSIC_TOKENS_EXPIRE - date.today()).days
    if kind in ("oauth", "hybrid"):
        assert row["credential"] == "oauth" and row["expiry"] is None, row
        assert lasting_verdict(report) == "ready" and changes == [], (row, changes)
    elif kind == "healthy":
        assert (row["credential"], row["days_left"]) == ("classic_token", classic_days)
        assert row["deadline"] == "token.classic_phase_out"
        assert lasting_verdict(report) == "ready_with_warnings" and changes == []
    elif kind == "expiring":
        soon = date.today() + timedelta(days=12)
        assert (row["expiry"], row["days_left"]) == (soon.isoformat(), 12), row
        assert row["deadline"] == "token.expires_soon"
        assert changes == []
    elif kind == "connector_removed":
        assert lasting_verdict(report) == "not_ready"
        assert "connector.missing" in lasting_codes(report)
        assert [k for k, _ in changes] == ["connector_removed", "finding_new"], changes
    elif kind == "field_retyped":
        assert lasting_verdict(report) == "not_ready"
        assert ("field_retyped", RETYPED_FIELD) in changes, changes
    elif kind == "token_replaced":
        assert lasting_codes(report) >= {"token.rejected"}
        assert row["verdict"] == "not_ready" and row["saved"] is False, row
        assert ("finding_new", "token.rejected") in changes, changes
