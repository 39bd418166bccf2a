"""app.batch, the API `check --all-profiles` and the wizard's "Check all" call: the bound on
environments in flight, cancelling, rows of profiles that cannot be checked, the credentials'
standing, and the saved validation left alone when a check proves nothing. Real checks against
simulated environments on one port; OAuth clients with the demo private key, so no keyring is
needed (keyring's fail backend for the rest)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from payt_onboarding.afas.environment import Environment
from payt_onboarding.app.batch import ClientRow, check_profiles, credential_standing
from payt_onboarding.app.check import check_environment
from payt_onboarding.app.saving import record_validation
from payt_onboarding.checks.progress import Cancellation
from payt_onboarding.checks.session import CheckOptions
from payt_onboarding.profile.model import OAuthRef, Profile, Validation
from payt_onboarding.profile.store import ProfileStore
from payt_onboarding.requirements.load import load_requirements
from payt_onboarding.simulator.demo import demo_credentials
from payt_onboarding.simulator.oauth import DEMO_CLIENT_ID, DEMO_KEY_ID, demo_private_key_pem
from payt_onboarding.simulator.scenarios import build_config
from payt_onboarding.simulator.server import SimulatorServer

UIDS = [str(30001 + i) for i in range(6)]
REQUIREMENTS = load_requirements(None)


@pytest.fixture(scope="module")
def server() -> Iterator[SimulatorServer]:
    configs = {uid: build_config("oauth_healthy", entries=40, latency=0.05) for uid in UIDS}
    first = SimulatorServer(build_config("token_rejected"), environments=configs).start()
    yield first
    first.stop()


@pytest.fixture(autouse=True)
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def store(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory,
          server: SimulatorServer) -> ProfileStore:
    key = tmp_path_factory.mktemp("key") / "demo.pem"  # outside tmp_path: the leak scan
    key.write_text(demo_private_key_pem(), encoding="ascii")
    profiles = ProfileStore(tmp_path / "profiles")
    for uid in UIDS:
        profiles.save(Profile(name=f"klant-{uid}", uid=uid, environment="production",
                              base_url=server.url_for(uid), auth="oauth_private_key_jwt",
                              oauth=OAuthRef(client_id=DEMO_CLIENT_ID, pem_file=str(key),
                                             kid=DEMO_KEY_ID)))
    # A classic profile: its token would be in the keyring, and there is none.
    profiles.save(Profile(name="zonder-token", uid="12345", environment="production"))
    return profiles


def test_no_more_environments_in_flight_than_the_bound(store: ProfileStore) -> None:
    lock = threading.Lock()
    running: set[str] = set()
    most = 0

    def started(name: str) -> None:
        nonlocal most
        with lock:
            running.add(name)
            most = max(most, len(running))

    def finished(row: ClientRow) -> None:
        with lock:
            running.discard(row.profile)

    rows = check_profiles(store, requirements=REQUIREMENTS, in_flight=2, on_start=started,
                          on_row=finished, options=CheckOptions(language="en"))
    assert most == 2, most
    assert [r.profile for r in rows] == [*(f"klant-{u}" for u in UIDS), "zonder-token"]
    checked = [r for r in rows if r.status == "checked"]
    assert len(checked) == len(UIDS)
    assert all(r.report is not None and r.report.target.uid == r.uid for r in checked)
    assert all(r.credential == "oauth" and r.expiry is None for r in checked)
    assert all(r.changes is None for r in checked)  # no saved validation to compare with
    missing = rows[-1]
    assert (missing.status, missing.reason_code) == ("not_checked", "no_secret")
    assert missing.reason == "no stored token or secret"


def test_cancel_stops_what_runs_and_leaves_the_rest_not_checked(store: ProfileStore) -> None:
    cancel = Cancellation()
    rows = check_profiles(store, requirements=REQUIREMENTS, in_flight=1,
                          on_start=lambda name: cancel.cancel(), cancel=cancel)
    first, *rest = rows
    assert first.status == "checked" and first.cancelled  # stopped, and says so
    assert first.verdict == "not_ready"
    assert {(r.status, r.reason_code) for r in rest} == {("not_checked", "cancelled")}
    assert rest[0].reason == "gestopt voordat het aan de beurt was"


def test_match_and_a_damaged_profile(store: ProfileStore) -> None:
    (store.directory / "kapot.json").write_text("{", encoding="utf-8")
    rows = check_profiles(store, requirements=REQUIREMENTS, match="KAP")
    assert [(r.profile, r.status, r.reason_code) for r in rows] == [
        ("kapot", "not_checked", "profile_unreadable")]


def test_save_is_refused_for_a_check_that_proves_nothing(store: ProfileStore,
                                                         server: SimulatorServer) -> None:
    profile = store.load("zonder-token")
    saved = Validation(checked_at="2026-11-01T10:00:00+01:00", verdict="ready",
                       tool_version="0.1.0", report_sha256="a" * 64)
    store.save(Profile(**{**profile.model_dump(), "validation": saved,
                          "base_url": server.url}))
    before = store.path_for("zonder-token").read_bytes()
    environment = Environment.parse("12345", None, server.url)  # token_rejected
    refused = asyncio.run(check_environment(environment, demo_credentials(), REQUIREMENTS,
                                            CheckOptions()))
    assert refused.target.envid is None
    assert record_validation("zonder-token", refused, store=store) == "not_accepted"
    stopped = Cancellation()
    stopped.cancel()
    cancelled = asyncio.run(check_environment(environment, demo_credentials(), REQUIREMENTS,
                                              CheckOptions(), cancel=stopped))
    assert record_validation("zonder-token", cancelled, store=store) == "cancelled"
    assert store.path_for("zonder-token").read_bytes() == before


@pytest.mark.parametrize(("auth", "expiry", "today", "expected"), [
    ("classic_token", "0", date(2026, 12, 2), (date(2027, 5, 1), 150)),
    ("classic_token", "2027-01-31T00:00:00Z", date(2026, 12, 2), (date(2027, 1, 31), 60)),
    ("classic_token", "2028-01-01T00:00:00Z", date(2026, 12, 2), (date(2027, 5, 1), 150)),
    ("classic_token", "0001-01-01T00:00:00Z", date(2026, 12, 2), (date(2027, 5, 1), 150)),
    ("classic_token", None, date(2027, 6, 1), (date(2027, 8, 31), 91)),
    ("oauth_client_secret", "2027-01-31T00:00:00Z", date(2026, 12, 2), (None, None)),
])
def test_credential_standing(auth: str, expiry: str | None, today: date,
                             expected: tuple[date | None, int | None]) -> None:
    standing = credential_standing(auth, expiry, today)
    assert (standing.expiry, standing.days_left) == expected
    assert standing.kind == ("classic_token" if auth == "classic_token" else "oauth")
