"""`simulator --environments N`: many environments on one port, each under its own path prefix
with its own token; drift changes them after the profiles were saved. Plain HTTP calls."""

from __future__ import annotations

import base64
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest

from payt_onboarding.simulator.dataset import INVOICE_LINES, SALES_ENTRIES
from payt_onboarding.simulator.fleet import (
    FLEET_KINDS,
    RETYPED_FIELD,
    FleetEnvironment,
    build_fleet,
    drift,
)
from payt_onboarding.simulator.server import SimulatorServer
from tests.support.fleet import start_fleet
from tests.support.texts import said


@pytest.fixture
def fleet() -> Iterator[tuple[SimulatorServer, list[FleetEnvironment]]]:
    server, environments = start_fleet(10)
    yield server, environments
    server.stop()


def _headers(env: FleetEnvironment) -> dict[str, str]:
    header = base64.b64encode(env.token_xml().encode()).decode()
    return {"Authorization": f"AfasToken {header}"}


def test_each_environment_answers_under_its_own_prefix_with_its_own_token(
        fleet: tuple[SimulatorServer, list[FleetEnvironment]]) -> None:
    server, environments = fleet
    assert [e.kind for e in environments[:8]] == list(FLEET_KINDS)
    first, second = environments[0], environments[2]
    for env in (first, second):
        answer = httpx.get(server.url_for(env.uid) + "/metainfo", headers=_headers(env),
                           timeout=10)
        assert answer.status_code == 200
        assert answer.json()["info"]["envid"] == f"O{env.uid}AA"
    # One environment's token is not another's.
    crossed = httpx.get(server.url_for(second.uid) + "/metainfo", headers=_headers(first),
                        timeout=10)
    assert crossed.status_code == 401
    # A number the server does not serve; without a prefix, the server's own configuration
    # (start_fleet gives it the first environment's).
    assert httpx.get(server.url_for("99999") + "/metainfo", headers=_headers(first),
                     timeout=10).status_code == 404
    assert httpx.get(server.url + "/metainfo", headers=_headers(first),
                     timeout=10).status_code == 200


def test_drift_changes_only_the_kinds_that_change(
        fleet: tuple[SimulatorServer, list[FleetEnvironment]]) -> None:
    server, environments = fleet
    by_kind = {e.kind: e for e in environments}

    def connectors(env: FleetEnvironment) -> list[str]:
        answer = httpx.get(server.url_for(env.uid) + "/metainfo", headers=_headers(env),
                           timeout=10)
        return [c["id"] for c in answer.json()["getConnectors"]]

    def invoice_date_type(env: FleetEnvironment) -> str:
        answer = httpx.get(server.url_for(env.uid) + f"/metainfo/get/{SALES_ENTRIES}",
                           headers=_headers(env), timeout=10)
        return str(next(f["dataType"] for f in answer.json()["fields"]
                        if f["id"] == RETYPED_FIELD))

    replaced = by_kind["token_replaced"]
    old_headers = _headers(replaced)
    assert INVOICE_LINES in connectors(by_kind["connector_removed"])
    assert invoice_date_type(by_kind["field_retyped"]) == "date"
    drift(environments)
    server.forget_rows()
    assert INVOICE_LINES not in connectors(by_kind["connector_removed"])
    assert INVOICE_LINES in connectors(by_kind["healthy"])
    assert invoice_date_type(by_kind["field_retyped"]) == "string"
    assert invoice_date_type(by_kind["healthy"]) == "date"
    refused = httpx.get(server.url_for(replaced.uid) + "/metainfo", headers=old_headers,
                        timeout=10)
    assert refused.status_code == 401


def test_the_command_prints_how_to_make_the_profiles_without_a_secret_in_argv() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "payt_onboarding", "simulator", "--environments", "9",
         "--port", "0"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        banner = [process.stdout.readline() for _ in range(9)]
    finally:
        process.terminate()
        process.wait(timeout=10)
    text = "".join(banner)
    banner_line = said("cli.fleet.banner", count=9, mix="").removesuffix("()")
    assert f"{banner_line}(2 healthy, 1 oauth," in text
    assert said("cli.fleet.url", root="ROOT", first=20001, last=20009).split("ROOT")[1] in text
    script = next(line.split()[1] for line in banner if line.strip().startswith("sh "))
    assert script.endswith("create-profiles.sh")
    assert "check --all-profiles --match fleet- --trust-base-url" in text


def test_entries_sets_each_environments_sales_entries() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "payt_onboarding", "simulator", "--environments", "2",
         "--entries", "37", "--port", "0"],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        root = next(line.split()[1] for line in process.stdout
                    if line.strip().startswith("URL")).removesuffix("/<uid>/ProfitRestServices,")
        first = build_fleet(2)[0]  # healthy, with the same token as the process's
        answer = httpx.get(f"{root}/{first.uid}/ProfitRestServices/connectors/{SALES_ENTRIES}",
                           params={"skip": 0, "take": 1000}, headers=_headers(first), timeout=10)
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert answer.status_code == 200
    assert len(answer.json()["rows"]) == 37
